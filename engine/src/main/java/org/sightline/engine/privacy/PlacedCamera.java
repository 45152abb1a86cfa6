package org.sightline.engine.privacy;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.sightline.engine.model.CameraKind;

/**
 * What aggregation needs of a camera: its kind, its position and its viewshed, both in WGS84
 * lon/lat. No id and no owner: nothing that could be copied into a public output.
 *
 * @param viewshed the camera's visible region (lon/lat); an empty geometry for none
 */
public record PlacedCamera(CameraKind kind, Point position, Geometry viewshed) {
    public PlacedCamera {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(viewshed, "viewshed");
        if (position.isEmpty()) throw new IllegalArgumentException("camera position must not be empty");
    }
}
