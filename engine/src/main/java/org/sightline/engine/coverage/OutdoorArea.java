package org.sightline.engine.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.sightline.engine.geo.GridIndex;
import org.sightline.engine.model.Area;

/**
 * Outdoor area per area: area(A) − Σ area(F ∩ A) over merged (non-overlapping) footprints F.
 *
 * <p>A footprint whose envelope meets no area boundary edge lies wholly inside one area or outside
 * all (found with a grid over the area boundaries, then one point-in-polygon test of any vertex), so
 * it counts whole; only the few footprints straddling an area boundary are intersected exactly. Cost
 * O(F) plus the straddlers' overlays.
 */
public final class OutdoorArea {
    private OutdoorArea() {}

    /**
     * @param mergedFootprints non-overlapping footprint polygons (overlaps would be counted twice)
     * @return outdoor m² per area, in the order of {@code areas}
     */
    public static double[] perArea(List<Area> areas, List<? extends Geometry> mergedFootprints) {
        int na = areas.size();
        STRtree index = new STRtree();
        IndexedPointInAreaLocator[] locators = new IndexedPointInAreaLocator[na];
        List<double[]> edges = new ArrayList<>();
        for (int a = 0; a < na; a++) {
            Geometry g = areas.get(a).geometry();
            locators[a] = new IndexedPointInAreaLocator(g);
            locators[a].locate(new Coordinate(0, 0)); // build its index now, before threads share it
            index.insert(g.getEnvelopeInternal(), a);
            for (int p = 0; p < g.getNumGeometries(); p++) {
                if (!(g.getGeometryN(p) instanceof Polygon poly)) continue;
                addEdges(poly.getExteriorRing(), edges);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) addEdges(poly.getInteriorRingN(h), edges);
            }
        }
        index.build();
        int ne = edges.size();
        double[] x0 = new double[ne], y0 = new double[ne], x1 = new double[ne], y1 = new double[ne];
        for (int e = 0; e < ne; e++) {
            double[] s = edges.get(e);
            x0[e] = Math.min(s[0], s[2]);
            y0[e] = Math.min(s[1], s[3]);
            x1[e] = Math.max(s[0], s[2]);
            y1[e] = Math.max(s[1], s[3]);
        }
        GridIndex boundary = new GridIndex(100, x0, y0, x1, y1);
        ThreadLocal<GridIndex.Cursor> cursors = ThreadLocal.withInitial(boundary::cursor);

        int n = mergedFootprints.size();
        int chunk = 4096;
        double[][] partial = new double[(n + chunk - 1) / chunk][];
        IntStream.range(0, partial.length).parallel().forEach(c -> {
            double[] indoor = new double[na];
            GridIndex.Cursor cur = cursors.get();
            for (int f = c * chunk; f < Math.min(n, (c + 1) * chunk); f++) {
                Geometry fp = mergedFootprints.get(f);
                Envelope e = fp.getEnvelopeInternal();
                @SuppressWarnings("unchecked")
                List<Integer> cands = index.query(e);
                if (cands.isEmpty()) continue;
                cur.query(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
                boolean straddles = false;
                for (int k = 0; k < cur.count && !straddles; k++) {
                    double[] s = edges.get(cur.found[k]);
                    straddles = segmentMeetsBox(s[0], s[1], s[2], s[3], e);
                }
                if (!straddles) { // no area boundary through its box: inside one area whole, or outside
                    Coordinate v = fp.getCoordinate();
                    for (int a : cands) {
                        if (locators[a].locate(v) == Location.INTERIOR) {
                            indoor[a] += fp.getArea();
                            break;
                        }
                    }
                    continue;
                }
                for (int a : cands) {
                    indoor[a] += OverlayNGRobust.overlay(fp, areas.get(a).geometry(), OverlayNG.INTERSECTION)
                            .getArea();
                }
            }
            partial[c] = indoor;
        });
        double[] out = new double[na];
        for (int a = 0; a < na; a++) {
            double indoor = 0;
            for (double[] p : partial) indoor += p[a];
            out[a] = Math.max(0, areas.get(a).geometry().getArea() - indoor);
        }
        return out;
    }

    /** Whether segment (ax, ay)-(bx, by) meets the closed box (its bounding boxes overlap, checked by the grid). */
    static boolean segmentMeetsBox(double ax, double ay, double bx, double by, Envelope e) {
        if (Math.max(ax, bx) < e.getMinX() || Math.min(ax, bx) > e.getMaxX()) return false;
        if (Math.max(ay, by) < e.getMinY() || Math.min(ay, by) > e.getMaxY()) return false;
        double dx = bx - ax, dy = by - ay;
        double c1 = dx * (e.getMinY() - ay) - dy * (e.getMinX() - ax);
        double c2 = dx * (e.getMinY() - ay) - dy * (e.getMaxX() - ax);
        double c3 = dx * (e.getMaxY() - ay) - dy * (e.getMinX() - ax);
        double c4 = dx * (e.getMaxY() - ay) - dy * (e.getMaxX() - ax);
        boolean allPositive = c1 > 0 && c2 > 0 && c3 > 0 && c4 > 0;
        boolean allNegative = c1 < 0 && c2 < 0 && c3 < 0 && c4 < 0;
        return !allPositive && !allNegative; // corners on both sides of the line (or on it)
    }

    private static void addEdges(LineString ring, List<double[]> out) {
        Coordinate[] cs = ring.getCoordinates();
        for (int k = 0; k + 1 < cs.length; k++) out.add(new double[] {cs[k].x, cs[k].y, cs[k + 1].x, cs[k + 1].y});
    }
}
