package org.sightline.engine.geo;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A cheap proof of validity for the common footprint: a polygon without holes whose closed shell
 * has at most {@value #MAX_VERTICES} distinct vertices, no two equal, no three consecutive ones
 * collinear, and no two non-adjacent edges that meet or come within an orientation tie. Such a ring
 * is simple, so the polygon is valid; this uses the robust orientation predicate that {@code
 * IsValidOp}'s segment intersection uses, so it never calls valid what {@code IsValidOp} rejects.
 * Anything else answers {@code false}, meaning "not proven": ask {@code IsValidOp}.
 *
 * <p>Cost: O(n²) orientation tests on tiny n and one small array, against {@code IsValidOp}'s
 * noding and topology graph; the synthetic presets' buildings (4 to 8 vertices) all take this path.
 */
public final class SimplePolygons {
    /** Largest shell (distinct vertices) tested; beyond it the O(n²) check stops paying. */
    public static final int MAX_VERTICES = 8;

    private SimplePolygons() {}

    /** True when {@code g} is proven a valid polygon; false when unknown (not "invalid"). */
    public static boolean isValid(Geometry g) {
        if (!(g instanceof Polygon p) || p.isEmpty() || p.getNumInteriorRing() != 0) return false;
        CoordinateSequence seq = p.getExteriorRing().getCoordinateSequence();
        int n = seq.size() - 1;
        if (n < 3 || n > MAX_VERTICES) return false;
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i <= n; i++) {
            c[i] = seq.getCoordinate(i);
            if (!Double.isFinite(c[i].x) || !Double.isFinite(c[i].y)) return false;
        }
        if (!c[0].equals2D(c[n])) return false;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) if (c[i].equals2D(c[j])) return false;
            if (Orientation.index(c[(i + n - 1) % n], c[i], c[i + 1]) == 0) return false;
        }
        // edge i runs c[i] → c[i + 1]; edges i and j are adjacent when j = i + 1 or (i, j) = (0, n - 1)
        for (int i = 0; i < n; i++) {
            for (int j = i + 2; j < n; j++) {
                if (i == 0 && j == n - 1) continue;
                if (mayMeet(c[i], c[i + 1], c[j], c[j + 1])) return false;
            }
        }
        return true;
    }

    /** False only when segments a-b and c-d certainly do not meet (no orientation is a tie). */
    private static boolean mayMeet(Coordinate a, Coordinate b, Coordinate c, Coordinate d) {
        int o1 = Orientation.index(a, b, c);
        int o2 = Orientation.index(a, b, d);
        if (o1 == 0 || o2 == 0) return true;
        if (o1 == o2) return false;
        int o3 = Orientation.index(c, d, a);
        int o4 = Orientation.index(c, d, b);
        if (o3 == 0 || o4 == 0) return true;
        return o3 != o4;
    }
}
