package org.sightline.jobs.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.broadcast.Broadcast;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.sightline.engine.coverage.AreaCoverage;
import org.sightline.engine.coverage.CameraCoverage;
import org.sightline.engine.coverage.CameraView;
import org.sightline.engine.coverage.CityCoverage;
import org.sightline.engine.coverage.Coverage;
import org.sightline.engine.coverage.CoverageResult;
import org.sightline.engine.coverage.OutdoorArea;
import org.sightline.engine.coverage.StreetCoverage;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Street;
import org.sightline.engine.viewshed.Footprints;
import scala.Tuple2;

/**
 * Coverage on Spark, with {@link Coverage#compute} from the engine on local pieces:
 *
 * <ul>
 *   <li>per area: the viewsheds and footprints meeting the area (outdoor m², levels, live, streets);
 *   <li>per tile: the viewsheds of the cameras in the tile, among every viewshed within the largest
 *       range, give each camera's unique m² and the tile's share of the city totals;
 *   <li>per street: the viewsheds meeting the street.
 * </ul>
 *
 * Only the tables (one row per area, street, camera) reach the driver.
 */
public final class CoverageJob {
    private CoverageJob() {}

    /** Coverage and the outdoor m² per area (in area order). */
    public record Result(CoverageResult coverage, double[] outdoorM2) {}

    public static Result run(SparkCity sc) {
        List<Area> areas = sc.city().areas();
        List<Street> streets = sc.city().streets();
        var jsc = sc.jsc();
        Broadcast<List<Area>> areasB = jsc.broadcast(areas);
        Broadcast<List<Street>> streetsB = jsc.broadcast(streets);
        HashPartitioner part = new HashPartitioner(sc.partitions());
        double minH = sc.hasLowFootprints() ? 0 : sc.city().viewshedOptions().minOccluderHeightM();

        JavaPairRDD<Long, CameraView> views =
                sc.viewsheds().filter(t -> t._2().counts()).mapToPair(t -> new Tuple2<>(t._1(), t._2().view()));

        // outdoor m² per area: area minus every footprint meeting it, merged
        double[] outdoor = new double[areas.size()];
        JavaPairRDD<Integer, Tuple2<Long, Footprint>> buildingsByArea = sc.buildings()
                .flatMapToPair(t -> {
                    List<Tuple2<Integer, Tuple2<Long, Footprint>>> out = new ArrayList<>();
                    for (int a : meeting(areasB.value(), t._2().geometry().getEnvelopeInternal()))
                        out.add(new Tuple2<>(a, t));
                    return out.iterator();
                });
        Map<Integer, Double> outdoorByArea = buildingsByArea
                .groupByKey(part)
                .mapToPair(g -> {
                    List<Footprint> local = ViewshedJob.sorted(g._2());
                    List<Polygon> merged = Footprints.of(local, minH).merged();
                    return new Tuple2<>(
                            g._1(), OutdoorArea.perArea(List.of(areasB.value().get(g._1())), merged)[0]);
                })
                .collectAsMap();
        for (int a = 0; a < areas.size(); a++)
            outdoor[a] = outdoorByArea.getOrDefault(a, areas.get(a).geometry().getArea());

        // per area: levels, live, streets
        JavaPairRDD<Integer, Tuple2<Long, CameraView>> viewsByArea = views.flatMapToPair(t -> {
            List<Tuple2<Integer, Tuple2<Long, CameraView>>> out = new ArrayList<>();
            for (int a : meeting(areasB.value(), t._2().viewshed().getEnvelopeInternal())) out.add(new Tuple2<>(a, t));
            return out.iterator();
        });
        Map<Integer, AreaCoverage> areaRows = viewsByArea
                .groupByKey(part)
                .mapToPair(g -> {
                    Area area = areasB.value().get(g._1());
                    return new Tuple2<>(
                            g._1(), areaCoverage(area, sortedViews(g._2()), streetsB.value(), outdoor[g._1()]));
                })
                .collectAsMap();
        List<AreaCoverage> areaList = new ArrayList<>(areas.size());
        for (int a = 0; a < areas.size(); a++) {
            AreaCoverage r = areaRows.get(a);
            areaList.add(r != null ? r : areaCoverage(areas.get(a), List.of(), streets, outdoor[a]));
        }

        // per tile: unique m² of the tile's cameras and the tile's part of the city levels
        TileGrid tiles = sc.tiles();
        double halo = sc.maxRangeM() + ViewshedJob.HALO_MARGIN_M;
        JavaPairRDD<Long, CameraResult> counted = sc.viewsheds().filter(t -> t._2().counts());
        JavaPairRDD<Long, Tuple2<Long, CameraView>> own = counted.mapToPair(t -> new Tuple2<>(
                tiles.key(
                        t._2().camera().position().getX(),
                        t._2().camera().position().getY()),
                new Tuple2<>(t._1(), t._2().view())));
        JavaPairRDD<Long, Tuple2<Long, CameraView>> context = views.flatMapToPair(t -> {
            List<Tuple2<Long, Tuple2<Long, CameraView>>> out = new ArrayList<>();
            for (long k : tiles.keys(t._2().viewshed(), halo)) out.add(new Tuple2<>(k, t));
            return out.iterator();
        });
        List<TilePart> parts = own.cogroup(context, part)
                .map(g -> tilePart(tiles.polygon(g._1()), g._2()._1(), g._2()._2()))
                .collect();
        List<Tuple2<Long, CameraCoverage>> cameraRows = new ArrayList<>();
        double covered = 0, live = 0, d2 = 0, d3 = 0;
        for (TilePart p : parts) {
            cameraRows.addAll(p.cameras());
            covered += p.levels().coveredM2();
            live += p.levels().liveM2();
            d2 += p.levels().depth2M2();
            d3 += p.levels().depth3M2();
        }
        cameraRows.sort(Comparator.comparing(Tuple2::_1));

        // per street
        JavaPairRDD<Integer, Tuple2<Long, CameraView>> viewsByStreet = views.mapPartitionsToPair(it -> {
            STRtree index = new STRtree();
            List<Street> ss = streetsB.value();
            for (int s = 0; s < ss.size(); s++)
                index.insert(ss.get(s).geometry().getEnvelopeInternal(), s);
            List<Tuple2<Integer, Tuple2<Long, CameraView>>> out = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<Long, CameraView> t = it.next();
                for (Object s : index.query(t._2().viewshed().getEnvelopeInternal()))
                    out.add(new Tuple2<>((Integer) s, t));
            }
            return out.iterator();
        });
        Map<Integer, StreetCoverage> streetRows = viewsByStreet
                .groupByKey(part)
                .mapToPair(g -> new Tuple2<>(
                        g._1(),
                        Coverage.compute(
                                        sortedViews(g._2()),
                                        List.of(),
                                        List.of(streetsB.value().get(g._1())),
                                        new double[0],
                                        false)
                                .streets()
                                .get(0)))
                .collectAsMap();
        List<StreetCoverage> streetList = new ArrayList<>(streets.size());
        double sl = 0, sCovered = 0, sLive = 0;
        for (int s = 0; s < streets.size(); s++) {
            StreetCoverage r = streetRows.get(s);
            if (r == null) {
                Street st = streets.get(s);
                r = new StreetCoverage(st.id(), st.name(), st.geometry().getLength(), 0, 0);
            }
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

    record TilePart(List<Tuple2<Long, CameraCoverage>> cameras, AreaCoverage levels) implements java.io.Serializable {}

    static TilePart tilePart(
            Polygon tile, Iterable<Tuple2<Long, CameraView>> own, Iterable<Tuple2<Long, CameraView>> context) {
        List<Tuple2<Long, CameraView>> ctx = new ArrayList<>();
        context.forEach(ctx::add);
        ctx.sort(Comparator.comparing(Tuple2::_1));
        java.util.Set<Long> mine = new java.util.HashSet<>();
        own.forEach(t -> mine.add(t._1()));
        CoverageResult r = Coverage.compute(
                ctx.stream().map(Tuple2::_2).toList(),
                List.of(new Area("tile", "", tile)),
                List.of(),
                new double[] {tile.getArea()},
                false);
        List<Tuple2<Long, CameraCoverage>> cams = new ArrayList<>();
        for (int i = 0; i < ctx.size(); i++)
            if (mine.contains(ctx.get(i)._1()))
                cams.add(new Tuple2<>(ctx.get(i)._1(), r.cameras().get(i)));
        return new TilePart(cams, r.areas().get(0));
    }

    static AreaCoverage areaCoverage(Area area, List<CameraView> views, List<Street> streets, double outdoor) {
        Envelope env = area.geometry().getEnvelopeInternal();
        List<Street> near = streets.stream()
                .filter(s -> s.geometry().getEnvelopeInternal().intersects(env))
                .toList();
        return Coverage.compute(views, List.of(area), near, new double[] {outdoor}, false)
                .areas()
                .get(0);
    }

    static List<CameraView> sortedViews(Iterable<Tuple2<Long, CameraView>> items) {
        List<Tuple2<Long, CameraView>> list = new ArrayList<>();
        items.forEach(list::add);
        list.sort(Comparator.comparing(Tuple2::_1));
        return list.stream().map(Tuple2::_2).toList();
    }

    static List<Integer> meeting(List<Area> areas, Envelope env) {
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < areas.size(); a++)
            if (areas.get(a).geometry().getEnvelopeInternal().intersects(env)) out.add(a);
        return out;
    }

    private static double clean(double m2) {
        return m2 < 0 && m2 > -1e-6 ? 0 : m2;
    }
}
