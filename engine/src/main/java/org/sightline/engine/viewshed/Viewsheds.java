package org.sightline.engine.viewshed;

import java.util.Objects;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
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
        Polygon host = footprints.polygonCovering(x, y);
        if (host != null || Nudge.nearEdge(footprints, x, y)) {
            double[] moved = host != null
                    ? Nudge.outOf(host, footprints, x, y, options.nudgeM())
                    : Nudge.fromBoundary(footprints, new Coordinate(x, y), options.nudgeM());
            x = moved[0];
            y = moved[1];
            position = Geometries.point(x, y);
            if (footprints.polygonCovering(x, y) != null || Nudge.nearEdge(footprints, x, y))
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
        int n = sweep.run(
                footprints, x, y, camera.headingDeg(), camera.fovDeg(), camera.rangeM(), options.arcToleranceM());
        Coordinate[] ring = new Coordinate[n];
        int k = 0;
        for (int i = 0; i < n - 1; i++) { // the open ring; translation may round two points together
            Coordinate c = new Coordinate(sweep.ringX(i), sweep.ringY(i));
            if (k > 0 && ring[k - 1].equals2D(c)) continue;
            ring[k++] = c;
        }
        while (k > 1 && ring[k - 1].equals2D(ring[0])) k--;
        if (k > 0) ring[k++] = ring[0].copy();
        boolean repaired = false;
        Polygon polygon;
        if (k < 4) {
            polygon = Geometries.emptyPolygon();
        } else {
            if (k < n) ring = java.util.Arrays.copyOf(ring, k);
            polygon = Geometries.FACTORY.createPolygon(ring);
            if (!isStarShaped(ring, x, y, camera.fovDeg()) && !IsValidOp.isValid(polygon)) {
                polygon = largestPolygon(GeometryFixer.fix(polygon));
                repaired = true;
            }
        }
        return new Viewshed(camera.id(), polygon, polygon.getArea(), position, status, repaired);
    }

    /** {@link #of} with {@link ViewshedOptions#defaults()}. */
    public static Viewshed of(Camera camera, Footprints footprints) {
        return of(camera, footprints, ViewshedOptions.defaults());
    }

    /**
     * True if the closed ring is star-shaped around (px, py) in the sweep's clockwise order, without
     * backtracking or spikes; such a ring is simple. A wedge ring starts and ends at the viewer.
     */
    static boolean isStarShaped(Coordinate[] ring, double px, double py, double fovDeg) {
        boolean full = fovDeg >= 360;
        int n = ring.length - 1;
        if (n < 3) return false;
        for (int i = 0; i < n; i++) {
            Coordinate a = ring[i], b = ring[i + 1];
            if (!full && (i == 0 || i == n - 1)) continue;
            double ax = a.x - px, ay = a.y - py, bx = b.x - px, by = b.y - py;
            double dot = ax * bx + ay * by;
            int o = CGAlgorithmsDD.orientationIndex(px, py, a.x, a.y, b.x, b.y);
            if (o == 0 && dot <= 0) return false;
            // a radial (shadow) segment ends on a computed point that rounding may put a hair
            // counter-clockwise of the ray: allow that, never a real backward step
            if (o > 0 && !(dot > 0 && Math.abs(ax * by - ay * bx) <= RADIAL * dot)) return false;
        }
        for (int i = 0; i < n; i++) {
            Coordinate a = ring[(i + n - 1) % n], b = ring[i], c = ring[i + 1];
            if (CGAlgorithmsDD.orientationIndex(a.x, a.y, b.x, b.y, c.x, c.y) == 0
                    && (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) <= 0) return false;
        }
        if (!full && Math.abs(fovDeg - 180) > 1e-6) {
            int gap = CGAlgorithmsDD.orientationIndex(px, py, ring[n - 1].x, ring[n - 1].y, ring[1].x, ring[1].y);
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
