package org.sightline.engine.viewshed;

import java.util.Objects;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The visible region of one camera.
 *
 * @param cameraId the camera's id
 * @param geometry a valid polygon in the metric CRS, empty for {@link Status#INACTIVE} and {@link
 *     Status#INSIDE_OTHER_FOOTPRINT}
 * @param areaM2 area of {@code geometry} in m²
 * @param position where the viewshed was computed from: the camera's position, or the nudged one
 * @param status how the camera was treated, for reporting
 * @param repaired true when the sweep's polygon failed validation and was repaired with {@link
 *     org.locationtech.jts.geom.util.GeometryFixer} (not expected to happen; counted by callers)
 */
public record Viewshed(
        String cameraId, Polygon geometry, double areaM2, Point position, Status status, boolean repaired)
        implements java.io.Serializable {

    /** How a camera was treated. */
    public enum Status {
        /** Outside every occluder: computed from the camera's own position. */
        OK,
        /** On, inside or within a micrometre of a footprint: moved just outside it first. */
        MOVED_OUT_OF_FOOTPRINT,
        /** The moved position lies on or in a footprint (another one, or its own again): empty. */
        INSIDE_OTHER_FOOTPRINT,
        /** The camera is not active: empty. */
        INACTIVE;

        public boolean isEmpty() {
            return this == INSIDE_OTHER_FOOTPRINT || this == INACTIVE;
        }
    }

    public Viewshed {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(status, "status");
    }

    public boolean isEmpty() {
        return geometry.isEmpty();
    }
}
