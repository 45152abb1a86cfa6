package org.sightline.engine.privacy;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.model.CameraKind;

/**
 * Camera counts and covered share aggregated to H3 cells, with k-anonymity: a cell holding fewer
 * than k resident cameras is suppressed (no count, no coverage), so that nothing published locates
 * a single resident camera (DESIGN.md, "Privacy").
 *
 * <p>The cells returned are every cell that holds a camera or intersects a viewshed. A cell with no
 * resident camera at all is suppressed too: suppression then never singles out a cell that holds
 * one or two resident cameras. Covered share = area(cell ∩ ∪ viewsheds) / area(cell), measured in
 * the given metric CRS; every viewshed counts (resident and business), since one number per cell
 * mixes them. Inputs are WGS84 lon/lat and are not modified.
 */
public final class H3Coverage {
    private static final H3Core H3;

    static {
        try {
            H3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the H3 native library", e);
        }
    }

    private H3Coverage() {}

    /** Cells sorted by id; see the class comment for what is suppressed. */
    public static List<H3CellCoverage> aggregate(List<PlacedCamera> cameras, MetricCrs crs, H3Options options) {
        int res = options.resolution();
        Map<Long, int[]> counts = new HashMap<>(); // [resident, business]
        TreeSet<Long> cells = new TreeSet<>();
        STRtree index = new STRtree();
        for (PlacedCamera c : cameras) {
            long cell = H3.latLngToCell(c.position().getY(), c.position().getX(), res);
            int[] n = counts.computeIfAbsent(cell, x -> new int[2]);
            n[c.kind() == CameraKind.RESIDENT ? 0 : 1]++;
            cells.add(cell);
            if (!c.viewshed().isEmpty()) {
                cells.addAll(cellsTouching(c.viewshed(), res));
                Geometry metric = crs.toMetric(c.viewshed());
                index.insert(metric.getEnvelopeInternal(), metric);
            }
        }
        List<H3CellCoverage> out = new ArrayList<>(cells.size());
        for (long cell : cells) {
            String id = H3.h3ToString(cell);
            Polygon boundary = boundary(cell);
            int[] n = counts.getOrDefault(cell, new int[2]);
            if (n[0] < options.k()) {
                out.add(H3CellCoverage.suppressed(id, boundary));
                continue;
            }
            Polygon metricCell = crs.toMetric(boundary);
            out.add(new H3CellCoverage(
                    id,
                    boundary,
                    false,
                    OptionalInt.of(n[0] + n[1]),
                    OptionalInt.of(n[0]),
                    OptionalInt.of(n[1]),
                    OptionalDouble.of(coveredShare(metricCell, index))));
        }
        return out;
    }

    /** The H3 index (hex string) of a lon/lat point at a resolution. */
    public static String cellOf(double lon, double lat, int resolution) {
        return H3.latLngToCellAddress(lat, lon, resolution);
    }

    /** The boundary of an H3 cell as a lon/lat polygon. */
    public static Polygon boundary(String cellId) {
        return boundary(H3.stringToH3(cellId));
    }

    private static Polygon boundary(long cell) {
        List<LatLng> ring = H3.cellToBoundary(cell);
        Coordinate[] cs = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) cs[i] = new Coordinate(ring.get(i).lng, ring.get(i).lat);
        cs[ring.size()] = cs[0];
        return Geometries.FACTORY.createPolygon(cs);
    }

    private static double coveredShare(Polygon cell, STRtree index) {
        List<Geometry> near = new ArrayList<>();
        for (Object o : index.query(cell.getEnvelopeInternal())) {
            Geometry g = (Geometry) o;
            if (g.intersects(cell)) near.add(g);
        }
        if (near.isEmpty()) return 0;
        Geometry union = UnaryUnionOp.union(near);
        double covered = OverlayNGRobust.overlay(
                        union, cell, org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION)
                .getArea();
        return Math.max(0, Math.min(1, covered / cell.getArea()));
    }

    /** Cells whose centre lies in g, plus the cells of its vertices and their neighbours, that intersect g. */
    private static List<Long> cellsTouching(Geometry g, int res) {
        TreeSet<Long> candidates = new TreeSet<>();
        TreeSet<Long> vertexCells = new TreeSet<>();
        for (Coordinate c : g.getCoordinates()) vertexCells.add(H3.latLngToCell(c.y, c.x, res));
        for (long cell : vertexCells) candidates.addAll(H3.gridDisk(cell, 1));
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                List<List<LatLng>> holes = new ArrayList<>();
                for (int h = 0; h < p.getNumInteriorRing(); h++)
                    holes.add(latLngs(p.getInteriorRingN(h).getCoordinates()));
                candidates.addAll(H3.polygonToCells(latLngs(p.getExteriorRing().getCoordinates()), holes, res));
            }
        }
        List<Long> out = new ArrayList<>();
        for (long cell : candidates) if (boundary(cell).intersects(g)) out.add(cell);
        return out;
    }

    private static List<LatLng> latLngs(Coordinate[] cs) {
        List<LatLng> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) out.add(new LatLng(c.y, c.x));
        return out;
    }
}
