package org.sightline.engine.viewshed;

import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
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
        Coordinate c = new Coordinate(x, y);
        Envelope near = new Envelope(c);
        near.expandBy(ON_BOUNDARY);
        double[] e = fp.edges();
        boolean[] found = new boolean[1];
        fp.queryChunks(near, item -> {
            int chunk = (Integer) item;
            for (int i = fp.chunkStart(chunk); i < fp.chunkEnd(chunk) && !found[0]; i++) {
                found[0] = Distance.pointToSegment(
                                c, new Coordinate(e[4 * i], e[4 * i + 1]), new Coordinate(e[4 * i + 2], e[4 * i + 3]))
                        <= ON_BOUNDARY;
            }
        });
        return found[0];
    }

    static double[] fromBoundary(Footprints fp, Coordinate c, double nudgeM) {
        double[] e = fp.edges();
        double[] sum = new double[3]; // nx, ny, count
        double[] first = new double[2];
        Envelope near = new Envelope(c);
        near.expandBy(ON_BOUNDARY);
        fp.queryChunks(near, item -> {
            int chunk = (Integer) item;
            for (int i = fp.chunkStart(chunk); i < fp.chunkEnd(chunk); i++) {
                Coordinate a = new Coordinate(e[4 * i], e[4 * i + 1]);
                Coordinate b = new Coordinate(e[4 * i + 2], e[4 * i + 3]);
                double dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy);
                if (len == 0
                        || !(PointLocation.isOnSegment(c, a, b) || Distance.pointToSegment(c, a, b) <= ON_BOUNDARY))
                    continue;
                // interior on the left: the outward normal points right
                double nx = dy / len, ny = -dx / len;
                if (sum[2] == 0) {
                    first[0] = nx;
                    first[1] = ny;
                }
                sum[0] += nx;
                sum[1] += ny;
                sum[2]++;
            }
        });
        double nx = sum[0], ny = sum[1], len = Math.sqrt(nx * nx + ny * ny);
        if (!(len > 1e-9)) { // opposite walls cancel (a zero-width spike): use the first edge's normal
            nx = first[0];
            ny = first[1];
            len = Math.sqrt(nx * nx + ny * ny);
        }
        if (!(len > 0)) return new double[] {c.x, c.y};
        return new double[] {c.x + nudgeM * nx / len, c.y + nudgeM * ny / len};
    }
}
