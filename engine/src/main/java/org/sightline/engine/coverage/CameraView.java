package org.sightline.engine.coverage;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * One camera's viewshed as coverage sees it: a valid polygonal geometry in the metric CRS (empty
 * allowed) and whether the owner shares a live feed.
 */
public record CameraView(String cameraId, Geometry viewshed, boolean live) implements java.io.Serializable {
    public CameraView {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(viewshed, "viewshed");
        if (!(viewshed instanceof Polygonal))
            throw new IllegalArgumentException(
                    "viewshed of " + cameraId + " must be polygonal, was " + viewshed.getGeometryType());
    }
}
