package org.sightline.engine.viewshed;

import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Moves a camera that is on or inside a merged footprint just outside it (DESIGN.md, "Viewshed V(c)").
 *
 * <ul>
 *   <li>inside: to the nearest boundary point, then {@code nudgeM} further along camera → that point;
 *   <li>on the boundary: {@code nudgeM} along the sum of the outward unit normals of the edges through
 *       the point (the bisector at a vertex).
 * </ul>
 */
final class Nudge {
    /**
     * A point this close to an occluder edge (metres) is on it: the sweep never sees a wall closer
     * than a micrometre, far above the rounding of UTM coordinates (≈ 5e-10 m).
     */
    static final double ON_BOUNDARY = 1e-6;

    private Nudge() {}

    /** The moved position {x, y}. */
    static double[] outOf(Polygon host, Footprints fp, double x, double y, double nudgeM) {
        Coordinate c = new Coordinate(x, y);
        if (SimplePointInAreaLocator.locate(c, host) == Location.INTERIOR) {
            double[] moved = fromInside(host, x, y, nudgeM);
            if (moved != null) return moved;
        }
        return fromBoundary(fp, c, nudgeM);
    }

    private static double[] fromInside(Polygon host, double x, double y, double nudgeM) {
        double best = Double.POSITIVE_INFINITY, qx = x, qy = y;
        for (int r = -1; r < host.getNumInteriorRing(); r++) {
            CoordinateSequence s = (r < 0 ? host.getExteriorRing() : host.getInteriorRingN(r)).getCoordinateSequence();
            for (int i = 0; i + 1 < s.size(); i++) {
                double x0 = s.getX(i), y0 = s.getY(i), dx = s.getX(i + 1) - x0, dy = s.getY(i + 1) - y0;
                double len2 = dx * dx + dy * dy;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
                double cx = x0 + t * dx, cy = y0 + t * dy;
                double d2 = (cx - x) * (cx - x) + (cy - y) * (cy - y);
                if (d2 < best) {
                    best = d2;
                    qx = cx;
                    qy = cy;
                }
            }
        }
        double d = Math.sqrt(best);
        if (!(d > ON_BOUNDARY)) return null; // inside by a rounding error: treat as on the boundary
        return new double[] {qx + nudgeM * (qx - x) / d, qy + nudgeM * (qy - y) / d};
    }

    /** Whether (x, y) lies within {@link #ON_BOUNDARY} of an occluder edge. */
    static boolean nearEdge(Footprints fp, double x, double y) {
        double[] e = fp.edges();
        EdgeGrid g = fp.grid();
        double r = ON_BOUNDARY;
        for (int cy = g.cy(y - r); cy <= g.cy(y + r); cy++) {
            for (int cx = g.cx(x - r); cx <= g.cx(x + r); cx++) {
                int c = cy * g.nx + cx;
                for (int k = g.start(c); k < g.end(c); k++) {
                    int i = g.item(k);
                    if (within(x, y, e, i, r)) return true;
                }
            }
        }
        return false;
    }

    /** Distance from (x, y) to the edge within r, by JTS's formula after a cheap box test. */
    private static boolean within(double x, double y, double[] e, int i, double r) {
        double ax = e[4 * i], ay = e[4 * i + 1], bx = e[4 * i + 2], by = e[4 * i + 3];
        if (x < Math.min(ax, bx) - r
                || x > Math.max(ax, bx) + r
                || y < Math.min(ay, by) - r
                || y > Math.max(ay, by) + r) return false;
        return Distance.pointToSegment(new Coordinate(x, y), new Coordinate(ax, ay), new Coordinate(bx, by)) <= r;
    }

    private static boolean onSegment(Coordinate c, double[] e, int i) {
        double ax = e[4 * i], ay = e[4 * i + 1], bx = e[4 * i + 2], by = e[4 * i + 3];
        if (c.x < Math.min(ax, bx) || c.x > Math.max(ax, bx) || c.y < Math.min(ay, by) || c.y > Math.max(ay, by))
            return false;
        return PointLocation.isOnSegment(c, new Coordinate(ax, ay), new Coordinate(bx, by));
    }

    static double[] fromBoundary(Footprints fp, Coordinate c, double nudgeM) {
        double[] e = fp.edges();
        EdgeGrid g = fp.grid();
        double r = ON_BOUNDARY;
        double sx = 0, sy = 0, fx = 0, fy = 0;
        int count = 0;
        int[] seen = new int[8];
        for (int cy = g.cy(c.y - r); cy <= g.cy(c.y + r); cy++) {
            for (int cx = g.cx(c.x - r); cx <= g.cx(c.x + r); cx++) {
                int cell = cy * g.nx + cx;
                next:
                for (int k = g.start(cell); k < g.end(cell); k++) {
                    int i = g.item(k);
                    if (!within(c.x, c.y, e, i, r) && !onSegment(c, e, i)) continue;
                    Coordinate a = new Coordinate(e[4 * i], e[4 * i + 1]);
                    Coordinate b = new Coordinate(e[4 * i + 2], e[4 * i + 3]);
                    double dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy);
                    if (len == 0 || !(PointLocation.isOnSegment(c, a, b) || Distance.pointToSegment(c, a, b) <= r))
                        continue;
                    for (int s = 0; s < count; s++) if (seen[s] == i) continue next; // listed in two cells
                    if (count == seen.length) seen = java.util.Arrays.copyOf(seen, 2 * count);
                    seen[count] = i;
                    // interior on the left: the outward normal points right
                    double nx = dy / len, ny = -dx / len;
                    if (count == 0) {
                        fx = nx;
                        fy = ny;
                    }
                    sx += nx;
                    sy += ny;
                    count++;
                }
            }
        }
        double nx = sx, ny = sy, len = Math.sqrt(nx * nx + ny * ny);
        if (!(len > 1e-9)) { // opposite walls cancel (a zero-width spike): use the first edge's normal
            nx = fx;
            ny = fy;
            len = Math.sqrt(nx * nx + ny * ny);
        }
        if (!(len > 0)) return new double[] {c.x, c.y};
        return new double[] {c.x + nudgeM * nx / len, c.y + nudgeM * ny / len};
    }
}
