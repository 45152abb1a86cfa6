package org.sightline.engine.viewshed;

import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Polygon;

/**
 * Moves a camera that is on or inside a merged footprint just outside it (DESIGN.md, "Viewshed V(c)").
 *
 * <ul>
 *   <li>inside: to the nearest boundary point, then {@code nudgeM} further along camera → that point;
 *       if that lands on a wall again (the camera in line with a wall through a vertex), {@code nudgeM}
 *       from the nearest point as from the boundary;
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

    /**
     * The moved position {x, y} of a point in or on a merged polygon, {@code where} = {@link
     * Footprints#locate}(x, y) ≥ 0 (a point within {@link #ON_BOUNDARY} of an edge is moved by {@link
     * #offEdge} instead, whatever locate would say).
     */
    static double[] out(Footprints fp, int where, double x, double y, double nudgeM) {
        if (where >= 0 && (where & 1) == 0) {
            double[] q = nearestBoundaryPoint(fp.merged().get(where >> 1), x, y);
            double d = Math.sqrt(q[2]);
            if (d > ON_BOUNDARY) { // else inside by a rounding error: treat as on the boundary
                double mx = q[0] + nudgeM * (q[0] - x) / d, my = q[1] + nudgeM * (q[1] - y) / d;
                if (!nearEdge(fp, mx, my) && fp.locate(mx, my) < 0) return new double[] {mx, my};
                // camera → q runs along a wall through q (q a vertex in line with the camera), so the
                // step stayed on that wall: step off q along its edges' bisector instead
                return fromBoundary(fp, q[0], q[1], nudgeM);
            }
        }
        return fromBoundary(fp, x, y, nudgeM);
    }

    /** {x, y, squared distance} of the polygon's boundary point nearest to (x, y) (the first of equally near ones). */
    private static double[] nearestBoundaryPoint(Polygon host, double x, double y) {
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
        return new double[] {qx, qy, best};
    }

    /** Whether (x, y) lies within {@link #ON_BOUNDARY} of an occluder edge. */
    static boolean nearEdge(Footprints fp, double x, double y) {
        EdgeGrid g = fp.grid();
        double[] e = g.coords; // a cell's edges side by side
        double r = ON_BOUNDARY;
        // a loose grid enters an edge in the cell of its lower-left corner: look one cell further
        for (int cy = Math.max(0, g.cy(y - r) - 1); cy <= g.cy(y + r); cy++) {
            for (int cx = Math.max(0, g.cx(x - r) - 1); cx <= g.cx(x + r); cx++) {
                int c = cy * g.nx + cx;
                if (!g.cellMeets(c, x - r, y - r, x + r, y + r)) continue;
                for (int k = g.start(c); k < g.end(c); k++) {
                    if (within(x, y, e, k, r)) return true;
                }
            }
        }
        return false;
    }

    /** Distance from (x, y) to edge e[4i … 4i + 3] within r, by JTS's formula after a cheap box test. */
    private static boolean within(double x, double y, double[] e, int i, double r) {
        double ax = e[4 * i], ay = e[4 * i + 1], bx = e[4 * i + 2], by = e[4 * i + 3];
        if (x < Math.min(ax, bx) - r
                || x > Math.max(ax, bx) + r
                || y < Math.min(ay, by) - r
                || y > Math.max(ay, by) + r) return false;
        return pointToSegment(x, y, ax, ay, bx, by) <= r;
    }

    /** {@link Distance#pointToSegment} on plain numbers, the same arithmetic. */
    static double pointToSegment(double px, double py, double ax, double ay, double bx, double by) {
        if (ax == bx && ay == by) return Math.sqrt((px - ax) * (px - ax) + (py - ay) * (py - ay));
        double len2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
        double r = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2;
        if (r <= 0.0) return Math.sqrt((px - ax) * (px - ax) + (py - ay) * (py - ay));
        if (r >= 1.0) return Math.sqrt((px - bx) * (px - bx) + (py - by) * (py - by));
        double s = ((ay - py) * (bx - ax) - (ax - px) * (by - ay)) / len2;
        return Math.abs(s) * Math.sqrt(len2);
    }

    /** Whether (x, y) lies exactly on edge e[4i … 4i + 3] (JTS's robust test, after a box test). */
    private static boolean onSegment(double x, double y, double[] e, int i) {
        double ax = e[4 * i], ay = e[4 * i + 1], bx = e[4 * i + 2], by = e[4 * i + 3];
        if (x < Math.min(ax, bx) || x > Math.max(ax, bx) || y < Math.min(ay, by) || y > Math.max(ay, by)) return false;
        return PointLocation.isOnSegment(new Coordinate(x, y), new Coordinate(ax, ay), new Coordinate(bx, by));
    }

    /**
     * {@code nudgeM} along the sum of the outward unit normals of the edges on or within {@link
     * #ON_BOUNDARY} of (x, y); the first such edge's normal if they cancel.
     */
    static double[] fromBoundary(Footprints fp, double x, double y, double nudgeM) {
        double[] moved = offEdge(fp, x, y, nudgeM, true);
        return moved != null ? moved : new double[] {x, y};
    }

    /**
     * {@link #nearEdge} and {@link #fromBoundary} in one scan of the cells around (x, y): null if no
     * edge lies within {@link #ON_BOUNDARY} of it, else its position {@code nudgeM} off the boundary as
     * {@link #fromBoundary} gives it.
     */
    static double[] offEdge(Footprints fp, double x, double y, double nudgeM) {
        return offEdge(fp, x, y, nudgeM, false);
    }

    /**
     * The scan behind {@link #offEdge} and {@link #fromBoundary}: the edges within {@link #ON_BOUNDARY}
     * (nearness, as {@link #nearEdge} sees it), and those also exactly on (x, y) as JTS sees it, whose
     * normals move the point. {@code anyway}: move it even if nothing is near (the step is then along
     * the exact edges only, or none).
     */
    private static double[] offEdge(Footprints fp, double x, double y, double nudgeM, boolean anyway) {
        EdgeGrid g = fp.grid();
        double[] ge = g.coords;
        double r = ON_BOUNDARY;
        boolean near = false;
        int count = 0;
        int[] found = new int[4];
        double[] dir = new double[8]; // (dx, dy) of found[s] at 2s, 2s + 1, read from the cell's copy
        for (int cy = Math.max(0, g.cy(y - r) - 1); cy <= g.cy(y + r); cy++) {
            for (int cx = Math.max(0, g.cx(x - r) - 1); cx <= g.cx(x + r); cx++) {
                int cell = cy * g.nx + cx;
                if (!g.cellMeets(cell, x - r, y - r, x + r, y + r)) continue;
                next:
                for (int k = g.start(cell); k < g.end(cell); k++) {
                    boolean within = within(x, y, ge, k, r);
                    near |= within;
                    if (!within && !onSegment(x, y, ge, k)) continue;
                    int i = g.item(k);
                    double dx = ge[4 * k + 2] - ge[4 * k], dy = ge[4 * k + 3] - ge[4 * k + 1];
                    if (Math.sqrt(dx * dx + dy * dy) == 0) continue; // a zero-length edge has no normal
                    for (int s = 0; s < count; s++) if (found[s] == i) continue next; // listed in two cells
                    if (count == found.length) {
                        found = java.util.Arrays.copyOf(found, 2 * count);
                        dir = java.util.Arrays.copyOf(dir, 4 * count);
                    }
                    // in edge order (the same sum whatever the order of the cells): insertion
                    int s = count++;
                    for (; s > 0 && found[s - 1] > i; s--) {
                        found[s] = found[s - 1];
                        dir[2 * s] = dir[2 * s - 2];
                        dir[2 * s + 1] = dir[2 * s - 1];
                    }
                    found[s] = i;
                    dir[2 * s] = dx;
                    dir[2 * s + 1] = dy;
                }
            }
        }
        if (!near && !anyway) return null;
        double sx = 0, sy = 0, fx = 0, fy = 0;
        for (int s = 0; s < count; s++) {
            double dx = dir[2 * s], dy = dir[2 * s + 1];
            double len = Math.sqrt(dx * dx + dy * dy);
            // interior on the left: the outward normal points right
            double nx = dy / len, ny = -dx / len;
            if (s == 0) {
                fx = nx;
                fy = ny;
            }
            sx += nx;
            sy += ny;
        }
        double nx = sx, ny = sy, len = Math.sqrt(nx * nx + ny * ny);
        if (!(len > 1e-9)) { // opposite walls cancel (a zero-width spike): use the first edge's normal
            nx = fx;
            ny = fy;
            len = Math.sqrt(nx * nx + ny * ny);
        }
        if (!(len > 0)) return new double[] {x, y};
        return new double[] {x + nudgeM * nx / len, y + nudgeM * ny / len};
    }
}
