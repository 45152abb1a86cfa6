package org.sightline.engine.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Exact area of the intersection of a disk with a polygon, in O(vertices) and without building a
 * geometry: the signed areas of disk ∩ triangle(centre, a, b) summed over the polygon's edges (each
 * is a triangle part plus circular-sector parts in closed form), with the edges clear of the disk
 * taken together through the ring's winding number (see {@link #ring}). Holes subtract by
 * orientation.
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

    /**
     * Signed area of disk ∩ ring (positive for counter-clockwise rings).
     *
     * <p>Each edge's term, disk ∩ triangle(centre, a, b), is the circular sector r²/2 · angle(a, b)
     * plus, when the segment enters the disk, the triangle over its chord inside the disk minus that
     * chord's sector (the sectors outside the disk cancel). The sectors of all edges add up to π r²
     * times the ring's winding number w around the centre, so the area is π r² w plus the chord
     * terms. The chords' angles θ are summed without an arctangent each: each chord's p1 · p2 + i p1 × p2
     * = |p1||p2| e^(iθ) is turned by a multiple of 90° (exact: swaps and sign changes) to within 45°
     * of the real axis, multiplied into a running product, renormalised, and that product is turned
     * back to within 45° in the same way; the turns are counted. No argument then comes near ±180°,
     * where rounding could wrap it, and the sum is the count of quarter turns plus one arctangent
     * per ring. w comes from a
     * ray-crossing count; an edge whose box misses the disk's box crosses the ray at least r from
     * the centre, so the count is not sensitive to rounding. When the centre lies within 1e-6·r of
     * an edge near it, the ring is summed edge by edge instead ({@link #triangle}).
     */
    public static double ring(double cx, double cy, double r, Coordinate[] ring) {
        return ring(cx, cy, r, pack(ring), 0, ring.length);
    }

    /**
     * {@link #ring(double, double, double, Coordinate[])} of the ring whose vertices are points
     * from … to−1 of {@code xy} (x at 2k, y at 2k + 1; the last point repeats the first).
     */
    public static double ring(double cx, double cy, double r, double[] xy, int from, int to) {
        double chords = 0, twiceArea = 0;
        // the sum of the chords' angles: quarters · 90° + arg(zr + i zi), with |arg| <= 45°
        int quarters = 0;
        double zr = 1, zi = 0;
        int crossings = 0;
        double r2 = r * r;
        double guard = 1e-6 * r;
        double bx = xy[2 * from] - cx, by = xy[2 * from + 1] - cy;
        for (int k = from + 1; k < to; k++) {
            double ax = bx, ay = by;
            bx = xy[2 * k] - cx;
            by = xy[2 * k + 1] - cy;
            double cross = ax * by - ay * bx;
            twiceArea += cross;
            boolean crossesRay = (ay > 0) != (by > 0); // the edge meets the line y = 0 …
            double xAtRay = crossesRay ? cross / (by - ay) : 0; // … here (x − cx)
            if (crossesRay && xAtRay > 0) crossings++;
            if (Math.min(ax, bx) > r || Math.max(ax, bx) < -r || Math.min(ay, by) > r || Math.max(ay, by) < -r) {
                continue; // clear of the disk: a sector only
            }
            if ((crossesRay && Math.abs(xAtRay) <= guard) || nearCentre(ax, ay, bx, by, guard)) {
                return edgeByEdge(cx, cy, r, xy, from, to);
            }
            // the part p1 … p2 of the segment inside the disk
            double p1x = ax, p1y = ay, p2x = bx, p2y = by;
            double da = ax * ax + ay * ay, db = bx * bx + by * by;
            if (da > r2 || db > r2) {
                double dx = bx - ax, dy = by - ay;
                double a2 = dx * dx + dy * dy;
                if (a2 == 0) continue;
                double b1 = ax * dx + ay * dy;
                double disc = b1 * b1 - a2 * (da - r2);
                if (disc <= 0) continue; // the line misses the circle
                double sq = Math.sqrt(disc);
                double t1 = (-b1 - sq) / a2, t2 = (-b1 + sq) / a2;
                if (t2 <= 0 || t1 >= 1) continue; // the segment misses it
                if (t1 > 0) {
                    p1x = ax + t1 * dx;
                    p1y = ay + t1 * dy;
                }
                if (t2 < 1) {
                    p2x = ax + t2 * dx;
                    p2y = ay + t2 * dy;
                }
            }
            double wr = p1x * p2x + p1y * p2y, wi = p1x * p2y - p1y * p2x; // |p1||p2| e^(iθ)
            chords += wi;
            // w turned by a multiple of 90° (exactly: swaps and signs) to within 45° of the x axis
            if (wi > Math.abs(wr)) {
                quarters++;
                double t = wr;
                wr = wi;
                wi = -t;
            } else if (-wi > Math.abs(wr)) {
                quarters--;
                double t = wr;
                wr = -wi;
                wi = t;
            } else if (wr < 0) {
                quarters += wi >= 0 ? 2 : -2;
                wr = -wr;
                wi = -wi;
            }
            if (!(wr > 0)) continue; // p1 = p2: no angle
            double nr = zr * wr - zi * wi, ni = zr * wi + zi * wr; // within 90° of the x axis
            double scale = 1 / (Math.abs(nr) + Math.abs(ni));
            zr = nr * scale;
            zi = ni * scale;
            if (zi > zr) { // turned back to within 45°, as above
                quarters++;
                double t = zr;
                zr = zi;
                zi = -t;
            } else if (-zi > zr) {
                quarters--;
                double t = zr;
                zr = -zi;
                zi = t;
            }
        }
        // no chord turned the product (every edge clear of the disk, as for most footprints near a
        // query): its angle is 0 without the arctangent, a slow library call on Java 17
        double angles = quarters * (Math.PI / 2) + (zi == 0 && zr > 0 ? 0 : Math.atan2(zi, zr));
        int winding = (crossings & 1) == 0 ? 0 : twiceArea > 0 ? 1 : -1;
        return Math.PI * r2 * winding + (chords - r2 * angles) / 2;
    }

    /** The coordinates as x0, y0, x1, y1, … */
    public static double[] pack(Coordinate[] ring) {
        double[] xy = new double[2 * ring.length];
        for (int k = 0; k < ring.length; k++) {
            xy[2 * k] = ring[k].x;
            xy[2 * k + 1] = ring[k].y;
        }
        return xy;
    }

    /** Whether segment a–b passes within {@code guard} of the origin. */
    private static boolean nearCentre(double ax, double ay, double bx, double by, double guard) {
        double dx = bx - ax, dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
        double qx = ax + t * dx, qy = ay + t * dy;
        return qx * qx + qy * qy <= guard * guard;
    }

    /** {@link #ring} as the plain sum of {@link #triangle} over the edges. */
    static double edgeByEdge(double cx, double cy, double r, Coordinate[] ring) {
        return edgeByEdge(cx, cy, r, pack(ring), 0, ring.length);
    }

    private static double edgeByEdge(double cx, double cy, double r, double[] xy, int from, int to) {
        double s = 0;
        for (int k = from; k + 1 < to; k++) {
            s += triangle(xy[2 * k] - cx, xy[2 * k + 1] - cy, xy[2 * k + 2] - cx, xy[2 * k + 3] - cy, r);
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
