package org.sightline.engine.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryComponentFilter;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * Distance from a query point to the facets of a fixed geometry (the segments of its lines and
 * rings, and its points), the value {@code IndexedFacetDistance.distance(point)} gives, computed
 * with the same arithmetic as JTS ({@code Distance.pointToSegment}, {@code Coordinate.distance})
 * so results are bit for bit equal, but without building a facet tree for the query point and
 * without allocating. Segments are kept in runs of {@value #RUN} with their bounding boxes, so
 * runs farther than the limit or the best distance so far are skipped. The state is one flat array
 * ({@link #block}) that an index can copy next to other cameras' data and query in place.
 */
final class FacetDistance {
    static final int RUN = 8;

    /**
     * Everything in one array, so that several of them can be laid side by side ({@link #block}): at
     * 0 the number of segments, at 1 the number of runs, then the box of run k at 2 + 4k … 2 + 4k + 3
     * (minX, minY, maxX, maxY), then segment s at 2 + 4·runs + 4s … + 3 (x0, y0, x1, y1; a point is
     * a segment with equal ends).
     */
    private final double[] block;

    private FacetDistance(double[] seg, int segments) {
        int runs = (segments + RUN - 1) / RUN;
        this.block = new double[2 + 4 * runs + 4 * segments];
        block[0] = segments;
        block[1] = runs;
        System.arraycopy(seg, 0, block, 2 + 4 * runs, 4 * segments);
        for (int k = 0; k < runs; k++) {
            double x0 = Double.POSITIVE_INFINITY, y0 = x0, x1 = Double.NEGATIVE_INFINITY, y1 = x1;
            for (int s = k * RUN, e = Math.min(segments, s + RUN); s < e; s++) {
                x0 = Math.min(x0, Math.min(seg[4 * s], seg[4 * s + 2]));
                y0 = Math.min(y0, Math.min(seg[4 * s + 1], seg[4 * s + 3]));
                x1 = Math.max(x1, Math.max(seg[4 * s], seg[4 * s + 2]));
                y1 = Math.max(y1, Math.max(seg[4 * s + 1], seg[4 * s + 3]));
            }
            block[2 + 4 * k] = x0;
            block[2 + 4 * k + 1] = y0;
            block[2 + 4 * k + 2] = x1;
            block[2 + 4 * k + 3] = y1;
        }
    }

    /** The facets of g: every segment of its line strings and rings, and its points. */
    static FacetDistance of(Geometry g) {
        List<double[]> parts = new ArrayList<>();
        int[] count = {0};
        g.apply((GeometryComponentFilter) c -> {
            if (c instanceof LineString ls) {
                CoordinateSequence cs = ls.getCoordinateSequence();
                int n = cs.size();
                if (n == 1) { // not a valid line, but JTS would take it as a point
                    parts.add(new double[] {cs.getX(0), cs.getY(0), cs.getX(0), cs.getY(0)});
                    count[0]++;
                }
                for (int i = 0; i + 1 < n; i++) {
                    parts.add(new double[] {cs.getX(i), cs.getY(i), cs.getX(i + 1), cs.getY(i + 1)});
                    count[0]++;
                }
            } else if (c instanceof Point p && !p.isEmpty()) {
                Coordinate q = p.getCoordinate();
                parts.add(new double[] {q.x, q.y, q.x, q.y});
                count[0]++;
            }
        });
        double[] seg = new double[4 * count[0]];
        for (int s = 0; s < count[0]; s++) System.arraycopy(parts.get(s), 0, seg, 4 * s, 4);
        return new FacetDistance(seg, count[0]);
    }

    boolean isEmpty() {
        return block[0] == 0;
    }

    /** The whole state as one array, for {@link #distanceWithin(double[], int, double, double, double)}. */
    double[] block() {
        return block.clone();
    }

    /**
     * The distance from (px, py) to the nearest facet when it is at most {@code limit}; otherwise
     * some value above {@code limit} (positive infinity).
     */
    double distanceWithin(double px, double py, double limit) {
        return distanceWithin(block, 0, px, py, limit);
    }

    /** {@link #distanceWithin(double, double, double)} of the {@link #block} copied to data[at …]. */
    static double distanceWithin(double[] data, int at, double px, double py, double limit) {
        int segments = (int) data[at], runs = (int) data[at + 1];
        int box = at + 2, seg = at + 2 + 4 * runs;
        double best = Double.POSITIVE_INFINITY;
        // a run is skipped only when its box is clearly beyond both the limit and the best so far
        double bound = limit * (1 + 1e-9) + 1e-9;
        double bound2 = bound * bound;
        for (int k = 0; k < runs; k++) {
            int b = box + 4 * k;
            double dx = Math.max(0, Math.max(data[b] - px, px - data[b + 2]));
            double dy = Math.max(0, Math.max(data[b + 1] - py, py - data[b + 3]));
            double d2 = dx * dx + dy * dy;
            if (d2 > bound2) continue;
            for (int s = k * RUN, e = Math.min(segments, s + RUN); s < e; s++) {
                int q = seg + 4 * s;
                double d = pointToSegment(px, py, data[q], data[q + 1], data[q + 2], data[q + 3]);
                if (d < best) {
                    best = d;
                    double bb = best * (1 + 1e-9) + 1e-9;
                    if (bb < bound) {
                        bound = bb;
                        bound2 = bb * bb;
                    }
                }
            }
        }
        return best <= limit ? best : Double.POSITIVE_INFINITY;
    }

    /** {@code Distance.pointToSegment(p, A, B)} of JTS, the same operations in the same order. */
    static double pointToSegment(double px, double py, double ax, double ay, double bx, double by) {
        if (ax == bx && ay == by) return Math.hypot(px - ax, py - ay);
        double len2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
        double r = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2;
        if (r <= 0.0) return Math.hypot(px - ax, py - ay);
        if (r >= 1.0) return Math.hypot(px - bx, py - by);
        double s = ((ay - py) * (bx - ax) - (ax - px) * (by - ay)) / len2;
        return Math.abs(s) * Math.sqrt(len2);
    }
}
