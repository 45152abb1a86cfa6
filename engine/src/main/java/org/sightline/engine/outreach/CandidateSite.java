package org.sightline.engine.outreach;

import java.util.Objects;
import org.locationtech.jts.geom.Point;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.model.Owner;

/**
 * A place where a newly registered camera could go, in the metric CRS: on a façade of a building that
 * hosts no registered camera (or read from a sites file).
 */
public record CandidateSite(
        String siteId, String buildingId, Point position, double headingDeg, double fovDeg, double rangeM, String use)
        implements java.io.Serializable {
    public CandidateSite {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(position, "position");
        buildingId = buildingId == null ? "" : buildingId;
        use = use == null ? "" : use;
    }

    /** The hypothetical camera, for the viewshed engine. */
    public Camera asCamera() {
        CameraKind kind = use.equals("residential") ? CameraKind.RESIDENT : CameraKind.BUSINESS;
        return new Camera(
                siteId,
                position,
                headingDeg,
                fovDeg,
                rangeM,
                Camera.DEFAULT_HEIGHT_M,
                kind,
                false,
                Camera.DEFAULT_RETENTION_DAYS,
                true,
                false,
                Owner.NONE);
    }
}
