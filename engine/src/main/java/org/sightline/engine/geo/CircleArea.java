package org.sightline.engine.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Exact area of the intersection of a disk with a polygon, in O(vertices) and without building a
 * geometry: the signed areas of disk ∩ triangle(centre, a, b) summed over the polygon's edges (each
 * is a triangle part plus circular-sector parts in closed form). Holes subtract by orientation.
 */
public final class CircleArea {
    private CircleArea() {}

    /** area(disk(cx, cy, r) ∩ g) for a polygonal geometry g (any ring orientation). */
    public static double of(double cx, double cy, double r, Geometry g) {
        double total = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) continue;
            total += Math.abs(ring(cx, cy, r, p.getExteriorRing().getCoordinates()));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                total -= Math.abs(ring(cx, cy, r, p.getInteriorRingN(h).getCoordinates()));
            }
        }
        return Math.max(0, total);
    }

    /** Signed area of disk ∩ ring (positive for counter-clockwise rings). */
    public static double ring(double cx, double cy, double r, Coordinate[] ring) {
        double s = 0;
        for (int k = 0; k + 1 < ring.length; k++) {
            s += triangle(ring[k].x - cx, ring[k].y - cy, ring[k + 1].x - cx, ring[k + 1].y - cy, r);
        }
        return s;
    }

    /** Signed area of disk(0, r) ∩ triangle(0, a, b). */
    static double triangle(double ax, double ay, double bx, double by, double r) {
        double r2 = r * r;
        double da = ax * ax + ay * ay, db = bx * bx + by * by;
        if (da <= r2 && db <= r2) return (ax * by - ay * bx) / 2; // both inside
        // intersections of segment a + t (b - a) with the circle
        double dx = bx - ax, dy = by - ay;
        double A = dx * dx + dy * dy;
        if (A == 0) return 0;
        double B = ax * dx + ay * dy;
        double C = da - r2;
        double disc = B * B - A * C;
        if (disc <= 0) return sector(ax, ay, bx, by, r); // the line misses the circle
        double sq = Math.sqrt(disc);
        double t1 = (-B - sq) / A, t2 = (-B + sq) / A;
        if (t2 <= 0 || t1 >= 1) return sector(ax, ay, bx, by, r); // the segment misses it
        double p1x = ax, p1y = ay, p2x = bx, p2y = by;
        double s = 0;
        if (t1 > 0) {
            p1x = ax + t1 * dx;
            p1y = ay + t1 * dy;
            s += sector(ax, ay, p1x, p1y, r);
        }
        if (t2 < 1) {
            p2x = ax + t2 * dx;
            p2y = ay + t2 * dy;
            s += sector(p2x, p2y, bx, by, r);
        }
        s += (p1x * p2y - p1y * p2x) / 2;
        return s;
    }

    /** Signed area of the circular sector between the directions of a and b (angle in (-π, π]). */
    private static double sector(double ax, double ay, double bx, double by, double r) {
        double angle = Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
        return r * r * angle / 2;
    }
}
