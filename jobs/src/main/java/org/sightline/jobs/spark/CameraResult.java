package org.sightline.jobs.spark;

import java.io.Serializable;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.coverage.CameraView;
import org.sightline.engine.dispatch.DispatchCamera;
import org.sightline.engine.model.Camera;
import org.sightline.engine.viewshed.Viewshed;

/**
 * One camera after the viewshed stage: the camera (metric CRS), its viewshed, and the viewshed's
 * outdoor part (minus footprints too low to occlude) that coverage and gaps count.
 *
 * @param index the camera's position in the input layer
 */
public record CameraResult(long index, Camera camera, Viewshed viewshed, Geometry outdoor) implements Serializable {
    /** Counts in coverage: an active camera whose outdoor view is not empty. */
    public boolean counts() {
        return camera.active() && !outdoor.isEmpty();
    }

    public CameraView view() {
        return new CameraView(camera.id(), outdoor, camera.liveFeed());
    }

    public DispatchCamera dispatchCamera() {
        return new DispatchCamera(camera.withPosition(viewshed.position()), viewshed.geometry());
    }
}
