package org.sightline.jobs.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.broadcast.Broadcast;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.LineStringExtracter;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.sightline.engine.coverage.AreaCoverage;
import org.sightline.engine.coverage.CameraCoverage;
import org.sightline.engine.coverage.CameraView;
import org.sightline.engine.coverage.CityCoverage;
import org.sightline.engine.coverage.Coverage;
import org.sightline.engine.coverage.CoverageResult;
import org.sightline.engine.coverage.OutdoorArea;
import org.sightline.engine.coverage.StreetCoverage;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Street;
import scala.Tuple2;

/**
 * Coverage on Spark, in one pass over the tiles with {@link Coverage#compute} from the engine. Each
 * tile receives the outdoor viewsheds within the largest range of it and meets its cached {@link
 * TileContext}; one engine call over those viewsheds, with the tile's square, the pieces of the areas
 * inside the tile and the pieces of the streets inside the tile as areas and streets, gives the tile's
 * share of the city levels, of every area's levels and street lengths, of every street's covered
 * length, and the unique m² of the cameras standing in the tile (all viewsheds that can overlap theirs
 * are present). The tile's merged footprints give each area piece's indoor m² ({@link OutdoorArea}).
 *
 * <p>Only the per-tile sums reach the driver, which adds them in tile order (so the result does not
 * depend on the number of partitions) into one row per area, street and camera.
 */
public final class CoverageJob {
    private CoverageJob() {}

    /** Coverage and the outdoor m² per area (in area order). */
    public record Result(CoverageResult coverage, double[] outdoorM2) {}

    public static Result run(SparkCity sc) {
        List<Area> areas = sc.city().areas();
        List<Street> streets = sc.city().streets();
        Broadcast<List<Area>> areasB = sc.areas();
        Broadcast<List<Street>> streetsB = sc.streets();
        TileGrid tiles = sc.tiles();
        double halo = sc.maxRangeM() + ViewshedJob.HALO_MARGIN_M;

        JavaPairRDD<Long, CameraResult> views = sc.viewsheds()
                .filter(t -> t._2().counts())
                .flatMapToPair(t -> {
                    List<Tuple2<Long, CameraResult>> out = new ArrayList<>();
                    for (long k : tiles.keys(t._2().outdoor(), halo)) out.add(new Tuple2<>(k, t._2()));
                    return out.iterator();
                });
        List<Tuple2<Long, Integer>> areaTiles = new ArrayList<>();
        for (int a = 0; a < areas.size(); a++)
            for (long k : tiles.keys(areas.get(a).geometry(), 0)) areaTiles.add(new Tuple2<>(k, a));
        JavaPairRDD<Long, Integer> areasByTile = sc.jsc().parallelizePairs(areaTiles, sc.partitions());

        // viewsheds and area indices tagged by type (a view: CameraResult; an area: Integer)
        JavaPairRDD<Long, Object> tagged = TileJoin.partitioned(views, sc.partitioner())
                .mapValues(v -> (Object) v)
                .union(areasByTile.partitionBy(sc.partitioner()).mapValues(v -> (Object) v));
        // the street index once per task (a partition's tiles share it), built on first use
        STRtree[] streetIndex = {null};
        List<TilePart> parts =
                new ArrayList<>(TileJoin.join(tagged, sc.contexts(0), sc.partitioner(), (tile, items, c) -> {
                            List<CameraResult> ctx = new ArrayList<>();
                            TreeSet<Integer> inside = new TreeSet<>();
                            for (Object v : items) {
                                if (v instanceof CameraResult r) ctx.add(r);
                                else inside.add((Integer) v);
                            }
                            ctx.sort(Comparator.comparingLong(CameraResult::index));
                            TilePart p = tilePart(
                                    tile,
                                    tiles,
                                    ctx,
                                    List.copyOf(inside),
                                    c,
                                    areasB.value(),
                                    streetsB.value(),
                                    streetIndex(streetIndex, streetsB));
                            return p == null
                                    ? java.util.Collections.<TilePart>emptyIterator()
                                    : List.of(p).iterator();
                        })
                        .collect());
        parts.sort(Comparator.comparingLong(TilePart::key));

        double[][] areaSums = new double[areas.size()][7];
        double[] streetCovered = new double[streets.size()];
        double[] streetLive = new double[streets.size()];
        List<Tuple2<Long, CameraCoverage>> cameraRows = new ArrayList<>();
        double covered = 0, live = 0, d2 = 0, d3 = 0;
        for (TilePart p : parts) {
            cameraRows.addAll(p.cameras());
            covered += p.levels().coveredM2();
            live += p.levels().liveM2();
            d2 += p.levels().depth2M2();
            d3 += p.levels().depth3M2();
            for (int i = 0; i < p.pieceArea().length; i++)
                for (int f = 0; f < 7; f++) areaSums[p.pieceArea()[i]][f] += p.pieceValues()[i][f];
            for (int i = 0; i < p.pieceStreet().length; i++) {
                streetCovered[p.pieceStreet()[i]] += p.streetCovered()[i];
                streetLive[p.pieceStreet()[i]] += p.streetLive()[i];
            }
        }
        cameraRows.sort(Comparator.comparing(Tuple2::_1));

        double[] outdoor = new double[areas.size()];
        List<AreaCoverage> areaList = new ArrayList<>(areas.size());
        for (int a = 0; a < areas.size(); a++) {
            Area area = areas.get(a);
            double[] v = areaSums[a];
            double areaM2 = area.geometry().getArea();
            outdoor[a] = Math.max(0, areaM2 - v[6]);
            areaList.add(new AreaCoverage(
                    area.id(),
                    area.name(),
                    areaM2,
                    outdoor[a],
                    clean(v[0]),
                    clean(v[1]),
                    clean(v[2]),
                    clean(v[3]),
                    v[4],
                    v[5]));
        }
        List<StreetCoverage> streetList = new ArrayList<>(streets.size());
        double sl = 0, sCovered = 0, sLive = 0;
        for (int s = 0; s < streets.size(); s++) {
            Street st = streets.get(s);
            StreetCoverage r =
                    new StreetCoverage(st.id(), st.name(), st.geometry().getLength(), streetCovered[s], streetLive[s]);
            streetList.add(r);
            sl += r.lengthM();
            sCovered += r.coveredM();
            sLive += r.liveM();
        }
        CityCoverage city = new CityCoverage(
                cameraRows.size(), clean(covered), clean(live), clean(d2), clean(d3), sl, sCovered, sLive);
        return new Result(
                new CoverageResult(
                        city,
                        areaList,
                        streetList,
                        cameraRows.stream().map(Tuple2::_2).toList()),
                outdoor);
    }

    /**
     * One tile's sums.
     *
     * @param pieceArea the area of each piece (area ∩ tile)
     * @param pieceValues per piece: covered, live, depth 2, depth 3 m², street length and covered
     *     street length (m) inside it, indoor m²
     * @param pieceStreet the street of each street piece (street ∩ tile)
     */
    record TilePart(
            long key,
            List<Tuple2<Long, CameraCoverage>> cameras,
            AreaCoverage levels,
            int[] pieceArea,
            double[][] pieceValues,
            int[] pieceStreet,
            double[] streetCovered,
            double[] streetLive)
            implements Serializable {}

    static TilePart tilePart(
            long key,
            TileGrid tiles,
            List<CameraResult> context,
            List<Integer> areasMeeting,
            TileContext footprints,
            List<Area> areas,
            List<Street> streets,
            STRtree streetIndex) {
        Polygon tile = tiles.polygon(key);
        var tileEnv = tile.getEnvelopeInternal();
        List<Integer> pieceArea = new ArrayList<>();
        List<Area> sweepAreas = new ArrayList<>();
        for (int a : areasMeeting) {
            Area area = areas.get(a);
            Geometry g = area.geometry();
            if (!tileEnv.covers(g.getEnvelopeInternal())) g = polygonal(clip(g, tile));
            if (g.isEmpty() || !(g.getArea() > 0)) continue;
            pieceArea.add(a);
            sweepAreas.add(new Area(area.id(), area.name(), g));
        }
        List<Integer> pieceStreet = new ArrayList<>();
        List<Street> sweepStreets = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Integer> near = new ArrayList<>(streetIndex.query(tileEnv));
        near.sort(null);
        for (int s : near) {
            Street st = streets.get(s);
            Geometry g = st.geometry();
            if (!tileEnv.covers(g.getEnvelopeInternal())) g = lineal(clip(g, tile));
            if (g.isEmpty() || !(g.getLength() > 0)) continue;
            pieceStreet.add(s);
            sweepStreets.add(new Street(st.id(), st.name(), g));
        }
        if (context.isEmpty() && pieceArea.isEmpty() && pieceStreet.isEmpty()) return null;
        // the tile's square last: the engine counts a street piece for the first area containing it
        sweepAreas.add(new Area("tile", "", tile));

        List<CameraView> views = context.stream().map(CameraResult::view).toList();
        CoverageResult r = Coverage.compute(views, sweepAreas, sweepStreets, new double[sweepAreas.size()], false);

        List<Tuple2<Long, CameraCoverage>> cams = new ArrayList<>();
        for (int i = 0; i < context.size(); i++) {
            CameraResult c = context.get(i);
            var pos = c.camera().position();
            if (tiles.key(pos.getX(), pos.getY()) == key)
                cams.add(new Tuple2<>(c.index(), r.cameras().get(i)));
        }
        int np = pieceArea.size();
        double[] indoor = new double[np];
        if (np > 0 && footprints != null && !footprints.footprints().isEmpty()) {
            List<Area> pieces = sweepAreas.subList(0, np);
            double[] out = OutdoorArea.perArea(pieces, footprints.indoor());
            for (int i = 0; i < np; i++) indoor[i] = pieces.get(i).geometry().getArea() - out[i];
        }
        double[][] values = new double[np][];
        for (int i = 0; i < np; i++) {
            AreaCoverage ac = r.areas().get(i);
            values[i] = new double[] {
                ac.coveredM2(),
                ac.liveM2(),
                ac.depth2M2(),
                ac.depth3M2(),
                ac.streetLengthM(),
                ac.streetCoveredM(),
                indoor[i]
            };
        }
        int ns = pieceStreet.size();
        double[] sCovered = new double[ns], sLive = new double[ns];
        for (int i = 0; i < ns; i++) {
            sCovered[i] = r.streets().get(i).coveredM();
            sLive[i] = r.streets().get(i).liveM();
        }
        return new TilePart(
                key,
                cams,
                r.areas().get(np),
                pieceArea.stream().mapToInt(Integer::intValue).toArray(),
                values,
                pieceStreet.stream().mapToInt(Integer::intValue).toArray(),
                sCovered,
                sLive);
    }

    private static STRtree streetIndex(STRtree[] cache, Broadcast<List<Street>> streets) {
        synchronized (cache) {
            if (cache[0] == null) {
                STRtree index = new STRtree();
                List<Street> ss = streets.value();
                for (int s = 0; s < ss.size(); s++)
                    index.insert(ss.get(s).geometry().getEnvelopeInternal(), s);
                index.build();
                cache[0] = index;
            }
            return cache[0];
        }
    }

    private static Geometry clip(Geometry g, Polygon tile) {
        return OverlayNGRobust.overlay(g, tile, OverlayNG.INTERSECTION);
    }

    @SuppressWarnings("unchecked")
    private static Geometry polygonal(Geometry g) {
        List<Polygon> ps = PolygonExtracter.getPolygons(g);
        return ps.size() == 1 ? ps.get(0) : Geometries.FACTORY.createMultiPolygon(ps.toArray(Polygon[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Geometry lineal(Geometry g) {
        List<LineString> ls = LineStringExtracter.getLines(g);
        return ls.size() == 1 ? ls.get(0) : Geometries.FACTORY.createMultiLineString(ls.toArray(LineString[]::new));
    }

    private static double clean(double m2) {
        return m2 < 0 && m2 > -1e-6 ? 0 : m2;
    }
}
