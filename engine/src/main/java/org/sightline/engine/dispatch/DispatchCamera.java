package org.sightline.engine.dispatch;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.model.Camera;

/**
 * A camera as dispatch sees it, in the metric CRS: the camera with its effective position (after
 * the nudge out of its building) and its viewshed.
 */
public record DispatchCamera(Camera camera, Geometry viewshed) implements java.io.Serializable {
    public DispatchCamera {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(viewshed, "viewshed");
    }
}
