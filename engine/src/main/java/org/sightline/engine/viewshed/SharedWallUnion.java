package org.sightline.engine.viewshed;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.geo.Geometries;

/**
 * The union of a few hole-free polygons that only share walls (a terrace of houses), without an
 * overlay: orient every ring counter-clockwise, cancel each edge against an exactly opposite one, and
 * chain what is left. If the rest is one ring and that ring is simple, it is the union's boundary:
 * the remaining edges sum to the same winding-number function as all the rings (Σ of the parts'
 * indicators), a simple ring's winding number is 0 or 1, so the parts' interiors are disjoint and
 * their union is the region the ring encloses. Anything else (overlaps, T-junctions, walls that do
 * not match vertex for vertex, courtyards) returns empty and is left to JTS.
 */
final class SharedWallUnion {
    /** Groups with more edges than this are left to JTS (cancellation here is quadratic). */
    static final int MAX_EDGES = 128;

    private SharedWallUnion() {}

    static Optional<Polygon> of(List<Polygon> parts) {
        int m = 0;
        for (Polygon p : parts) {
            if (p.getNumInteriorRing() != 0) return Optional.empty();
            m += p.getExteriorRing().getNumPoints() - 1;
        }
        if (m > MAX_EDGES) return Optional.empty();
        double[] x0 = new double[m], y0 = new double[m], x1 = new double[m], y1 = new double[m];
        int k = 0;
        double areaSum = 0;
        for (Polygon p : parts) {
            CoordinateSequence s = p.getExteriorRing().getCoordinateSequence();
            int n = s.size() - 1;
            boolean ccw = Orientation.isCCW(s);
            for (int i = 0; i < n; i++) {
                int a = ccw ? i : n - i, b = ccw ? i + 1 : n - i - 1;
                x0[k] = s.getX(a);
                y0[k] = s.getY(a);
                x1[k] = s.getX(b);
                y1[k] = s.getY(b);
                k++;
            }
            areaSum += Area.ofRing(s);
        }
        boolean[] gone = new boolean[m];
        int left = m;
        for (int i = 0; i < m; i++) {
            if (gone[i]) continue;
            for (int j = i + 1; j < m; j++) {
                if (!gone[j] && x0[i] == x1[j] && y0[i] == y1[j] && x1[i] == x0[j] && y1[i] == y0[j]) {
                    gone[i] = gone[j] = true;
                    left -= 2;
                    break;
                }
            }
        }
        if (left < 3 || left == m) return Optional.empty();
        // chain the remaining edges from the first one; every vertex must start exactly one edge
        int first = 0;
        while (gone[first]) first++;
        Coordinate[] ring = new Coordinate[left + 1];
        int e = first;
        for (int used = 0; used < left; used++) {
            ring[used] = new Coordinate(x0[e], y0[e]);
            int next = -1;
            for (int j = 0; j < m; j++) {
                if (gone[j] || x0[j] != x1[e] || y0[j] != y1[e]) continue;
                if (next >= 0) return Optional.empty(); // a pinch vertex: two rings touch
                next = j;
            }
            if (next < 0) return Optional.empty();
            e = next;
            if (e == first && used + 1 < left) return Optional.empty(); // more than one ring
        }
        if (e != first) return Optional.empty();
        ring[left] = ring[0].copy();
        Polygon union = Geometries.FACTORY.createPolygon(ring);
        if (!SmallPolygons.provenValid(union) && !union.isValid()) return Optional.empty();
        double area = Area.ofRingSigned(ring);
        // a sanity check of the argument above; it holds exactly for a simple ring
        if (!(area < 0 && Math.abs(-area - areaSum) <= 1e-9 * areaSum)) return Optional.empty();
        return Optional.of(union);
    }
}
