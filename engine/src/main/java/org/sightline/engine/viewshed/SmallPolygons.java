package org.sightline.engine.viewshed;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Exact shortcuts for the small hole-free polygons most footprints are (rectangles, L and U shapes):
 * validity and intersection by all-pairs segment tests with robust orientation predicates, which for
 * a few dozen vertices is far cheaper than building a JTS geometry graph. Each method answers only
 * when it is sure and otherwise says so, so callers fall back to {@code isValid} / {@code
 * intersects} and the results are those of JTS.
 */
final class SmallPolygons {
    /** Rings with more vertices than this are left to JTS (the pair test is quadratic). */
    static final int MAX_VERTICES = 32;

    private SmallPolygons() {}

    /**
     * True if {@code g} is a polygon without holes whose shell is a simple ring of at most {@value
     * #MAX_VERTICES} distinct, finite vertices: then {@code g.isValid()} is true. False means "not
     * proven", not "invalid".
     */
    static boolean provenValid(Geometry g) {
        if (!(g instanceof Polygon p) || p.isEmpty() || p.getNumInteriorRing() != 0) return false;
        CoordinateSequence s = p.getExteriorRing().getCoordinateSequence();
        int n = s.size() - 1; // edges; the ring is closed (LinearRing checks that)
        if (n < 3 || n > MAX_VERTICES) return false;
        double[] x = new double[n + 1], y = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = s.getX(i);
            y[i] = s.getY(i);
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) return false;
        }
        for (int i = 0; i < n; i++) {
            if (x[i] == x[i + 1] && y[i] == y[i + 1]) return false; // repeated point: let JTS judge
        }
        for (int i = 0; i < n; i++) {
            // consecutive edges (i-1 → i → i+1) must not fold back onto each other
            int a = i == 0 ? n - 1 : i - 1;
            if (CGAlgorithmsDD.orientationIndex(x[a], y[a], x[i], y[i], x[i + 1], y[i + 1]) == 0
                    && (x[i] - x[a]) * (x[i + 1] - x[i]) + (y[i] - y[a]) * (y[i + 1] - y[i]) <= 0) return false;
            // non-adjacent edges must not meet at all
            for (int j = i + 2; j < n; j++) {
                if (i == 0 && j == n - 1) continue; // adjacent through the closing vertex
                if (segmentsMeet(x[i], y[i], x[i + 1], y[i + 1], x[j], y[j], x[j + 1], y[j + 1])) return false;
            }
        }
        return true;
    }

    /**
     * Whether two hole-free polygons of at most {@value #MAX_VERTICES} vertices each, both {@link
     * #provenValid}, intersect (share at least one point): some pair of edges meets, or one contains a
     * vertex of the other. Exact, equal to {@link Geometry#intersects}.
     */
    static boolean intersects(Polygon a, Polygon b) {
        CoordinateSequence sa = a.getExteriorRing().getCoordinateSequence();
        CoordinateSequence sb = b.getExteriorRing().getCoordinateSequence();
        Envelope eb = b.getEnvelopeInternal();
        for (int i = 0; i + 1 < sa.size(); i++) {
            double ax0 = sa.getX(i), ay0 = sa.getY(i), ax1 = sa.getX(i + 1), ay1 = sa.getY(i + 1);
            if (Math.max(ax0, ax1) < eb.getMinX()
                    || Math.min(ax0, ax1) > eb.getMaxX()
                    || Math.max(ay0, ay1) < eb.getMinY()
                    || Math.min(ay0, ay1) > eb.getMaxY()) continue;
            for (int j = 0; j + 1 < sb.size(); j++) {
                if (segmentsMeet(ax0, ay0, ax1, ay1, sb.getX(j), sb.getY(j), sb.getX(j + 1), sb.getY(j + 1)))
                    return true;
            }
        }
        // boundaries are disjoint: either one lies inside the other or they are disjoint
        return PointLocation.locateInRing(
                                sa.getCoordinate(0), b.getExteriorRing().getCoordinates())
                        != Location.EXTERIOR
                || PointLocation.locateInRing(
                                sb.getCoordinate(0), a.getExteriorRing().getCoordinates())
                        != Location.EXTERIOR;
    }

    /** Whether closed segments p0p1 and q0q1 share a point (robust orientation tests). */
    static boolean segmentsMeet(
            double p0x, double p0y, double p1x, double p1y, double q0x, double q0y, double q1x, double q1y) {
        if (Math.max(p0x, p1x) < Math.min(q0x, q1x)
                || Math.max(q0x, q1x) < Math.min(p0x, p1x)
                || Math.max(p0y, p1y) < Math.min(q0y, q1y)
                || Math.max(q0y, q1y) < Math.min(p0y, p1y)) return false;
        int o1 = CGAlgorithmsDD.orientationIndex(p0x, p0y, p1x, p1y, q0x, q0y);
        int o2 = CGAlgorithmsDD.orientationIndex(p0x, p0y, p1x, p1y, q1x, q1y);
        if (o1 * o2 > 0) return false;
        int o3 = CGAlgorithmsDD.orientationIndex(q0x, q0y, q1x, q1y, p0x, p0y);
        int o4 = CGAlgorithmsDD.orientationIndex(q0x, q0y, q1x, q1y, p1x, p1y);
        if (o3 * o4 > 0) return false;
        // all collinear: the envelopes overlap (checked above), so the segments do
        return true;
    }
}
