package org.sightline.engine.viewshed;

import java.util.Objects;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Camera;

/**
 * Occlusion-aware camera viewsheds V(c) (DESIGN.md, "Viewshed V(c)"): the points within range, inside
 * the field of view, whose segment to the camera does not pass through the interior of an occluder.
 *
 * <p>An angular sweep over the occluder edges near the camera (see {@link Sweep}); no overlay
 * operations. The result ring is checked in O(n) to be star-shaped around the viewer without spikes,
 * which implies validity; only if that check fails does {@link IsValidOp} run, and only if that fails
 * is the polygon repaired ({@link Viewshed#repaired()}).
 */
public final class Viewsheds {
    /** Largest tangent of the angle a radial segment may step back (rounding of its computed end). */
    private static final double RADIAL = 1e-9;

    private static final ThreadLocal<Sweep> SWEEP = ThreadLocal.withInitial(Sweep::new);

    private Viewsheds() {}

    /**
     * The visible region of {@code camera} among {@code footprints}. Pure and thread-safe; never
     * mutates its inputs. The camera's position must be in the footprints' metric CRS.
     *
     * @throws IllegalArgumentException if the camera's position is empty, or {@code options} asks for
     *     another minimum occluder height than {@code footprints} was built with
     */
    public static Viewshed of(Camera camera, Footprints footprints, ViewshedOptions options) {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(footprints, "footprints");
        Objects.requireNonNull(options, "options");
        if (options.minOccluderHeightM() != footprints.minOccluderHeightM())
            throw new IllegalArgumentException("options.minOccluderHeightM is " + options.minOccluderHeightM()
                    + " but the footprints were built with " + footprints.minOccluderHeightM());
        Point position = camera.position();
        if (position.isEmpty()) throw new IllegalArgumentException("camera " + camera.id() + " has no position");
        if (!camera.active())
            return new Viewshed(camera.id(), Geometries.emptyPolygon(), 0, position, Viewshed.Status.INACTIVE, false);

        double x = position.getX(), y = position.getY();
        Viewshed.Status status = Viewshed.Status.OK;
        // a point within ON_BOUNDARY of an edge steps off the boundary whatever locate would say (an
        // interior point that near its polygon's edge counts as on it), so the exact point location,
        // slow for a point on a wall, is asked only for the others
        double[] moved = Nudge.offEdge(footprints, x, y, options.nudgeM());
        int where = moved != null ? -1 : footprints.locate(x, y);
        if (moved != null || where >= 0) {
            if (moved == null) moved = Nudge.out(footprints, where, x, y, options.nudgeM());
            x = moved[0];
            y = moved[1];
            position = Geometries.point(x, y);
            if (Nudge.nearEdge(footprints, x, y) || footprints.locate(x, y) >= 0)
                return new Viewshed(
                        camera.id(),
                        Geometries.emptyPolygon(),
                        0,
                        position,
                        Viewshed.Status.INSIDE_OTHER_FOOTPRINT,
                        false);
            status = Viewshed.Status.MOVED_OUT_OF_FOOTPRINT;
        }

        Sweep sweep = SWEEP.get();
        sweep.run(footprints, x, y, camera.headingDeg(), camera.fovDeg(), camera.rangeM(), options.arcToleranceM());
        int k = sweep.absoluteRing(); // closed, without repeated points
        if (k < 4) return new Viewshed(camera.id(), Geometries.emptyPolygon(), 0, position, status, false);
        double[] rx = sweep.ringX, ry = sweep.ringY;
        Coordinate[] ring = new Coordinate[k];
        for (int i = 0; i < k; i++) ring[i] = new Coordinate(rx[i], ry[i]);
        Polygon polygon = Geometries.FACTORY.createPolygon(
                Geometries.FACTORY.createLinearRing(new CoordinateArraySequence(ring, 3, 0)));
        double area = Math.abs(signedArea(rx, ry, k));
        boolean repaired = false;
        if (!isStarShaped(rx, ry, k, x, y, camera.fovDeg()) && !IsValidOp.isValid(polygon)) {
            polygon = largestPolygon(GeometryFixer.fix(polygon));
            area = polygon.getArea();
            repaired = true;
        }
        return new Viewshed(camera.id(), polygon, area, position, status, repaired);
    }

    /** JTS's {@code Area.ofRingSigned} on a closed ring of k points, the same arithmetic. */
    static double signedArea(double[] x, double[] y, int k) {
        if (k < 3) return 0;
        double x0 = x[0];
        double p1x, p1y = y[0], p2x = x[1] - x0, p2y = y[1], p0y;
        double sum = 0;
        for (int i = 1; i < k - 1; i++) {
            p0y = p1y;
            p1x = p2x;
            p1y = p2y;
            p2x = x[i + 1] - x0;
            p2y = y[i + 1];
            sum += p1x * (p0y - p2y);
        }
        return sum / 2.0;
    }

    /** {@link #of} with {@link ViewshedOptions#defaults()}. */
    public static Viewshed of(Camera camera, Footprints footprints) {
        return of(camera, footprints, ViewshedOptions.defaults());
    }

    /**
     * True if the closed ring of k points (x[i], y[i]) is star-shaped around (px, py) in the sweep's
     * clockwise order, without backtracking or spikes; such a ring is simple. A wedge ring starts and
     * ends at the viewer.
     */
    static boolean isStarShaped(double[] x, double[] y, int k, double px, double py, double fovDeg) {
        boolean full = fovDeg >= 360;
        int n = k - 1;
        if (n < 3) return false;
        for (int i = full ? 0 : 1, end = full ? n : n - 1; i < end; i++) {
            double ax = x[i] - px, ay = y[i] - py, bx = x[i + 1] - px, by = y[i + 1] - py;
            double dot = ax * bx + ay * by;
            // a radial (shadow) segment ends on a computed point that rounding may put a hair
            // counter-clockwise of the ray: allow that, never a real backward step. Such a segment
            // passes whatever its exact orientation, so that (whose exact fallback runs for nearly
            // collinear points, i.e. for every radial segment) is asked only for the others. Not next
            // to a wedge's sides (the sweep puts one point on each side ray): there a hair the wrong
            // way would lay the segment over the side through the viewer
            if (dot > 0 && Math.abs(ax * by - ay * bx) <= RADIAL * dot && (full || (i != 1 && i != n - 2))) continue;
            // (a, b, viewer): the filter's products are ax * by and ay * bx, as in the test above
            int o = Sweep.orient(x[i], y[i], x[i + 1], y[i + 1], px, py);
            if (o > 0 || (o == 0 && dot <= 0)) return false;
        }
        for (int i = 0, a = n - 1; i < n; a = i++) {
            // a spike: a turn back along the same line (the cheap test first)
            if ((x[i] - x[a]) * (x[i + 1] - x[i]) + (y[i] - y[a]) * (y[i + 1] - y[i]) <= 0
                    && CGAlgorithmsDD.orientationIndex(x[a], y[a], x[i], y[i], x[i + 1], y[i + 1]) == 0) return false;
        }
        if (!full && Math.abs(fovDeg - 180) > 1e-6) {
            int gap = CGAlgorithmsDD.orientationIndex(px, py, x[n - 1], y[n - 1], x[1], y[1]);
            if (gap != (fovDeg > 180 ? -1 : 1)) return false;
        }
        return true;
    }

    private static Polygon largestPolygon(Geometry g) {
        Polygon best = Geometries.emptyPolygon();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && p.getArea() > best.getArea()) best = p;
        }
        return best;
    }
}
