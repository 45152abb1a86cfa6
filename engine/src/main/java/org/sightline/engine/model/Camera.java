package org.sightline.engine.model;

import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * A registered camera. The position is in whatever CRS the stage works in: WGS84 lon/lat straight
 * out of a reader, metres after {@link org.sightline.engine.geo.MetricCrs#toMetric(Camera)}.
 *
 * <p>A camera whose heading or field of view is unknown is modelled as a 360° camera with reduced
 * range and {@code lowConfidence = true}; the reader does that, this record only holds the result.
 *
 * @param headingDeg compass bearing of the optical axis, [0, 360), 0 = north, 90 = east
 * @param fovDeg horizontal field of view, (0, 360]
 * @param rangeM useful range in metres, (0, 500]
 * @param heightM mount height above ground in metres
 * @param retentionDays how long the camera keeps footage, ≥ 0
 */
public record Camera(
        String id,
        Point position,
        double headingDeg,
        double fovDeg,
        double rangeM,
        double heightM,
        CameraKind kind,
        boolean liveFeed,
        int retentionDays,
        boolean active,
        boolean lowConfidence,
        Owner owner)
        implements java.io.Serializable {

    public static final double DEFAULT_HEIGHT_M = 3;
    public static final int DEFAULT_RETENTION_DAYS = 7;

    public Camera {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(kind, "kind");
        owner = owner == null ? Owner.NONE : owner;
        if (id.isBlank()) throw new IllegalArgumentException("camera id must not be blank");
        if (!(headingDeg >= 0 && headingDeg < 360))
            throw new IllegalArgumentException("headingDeg must be in [0, 360), was " + headingDeg);
        if (!(fovDeg > 0 && fovDeg <= 360))
            throw new IllegalArgumentException("fovDeg must be in (0, 360], was " + fovDeg);
        if (!(rangeM > 0 && rangeM <= 500))
            throw new IllegalArgumentException("rangeM must be in (0, 500], was " + rangeM);
        if (!(heightM >= 0 && Double.isFinite(heightM)))
            throw new IllegalArgumentException("heightM must be finite and >= 0, was " + heightM);
        if (retentionDays < 0) throw new IllegalArgumentException("retentionDays must be >= 0, was " + retentionDays);
    }

    /** The same camera at another position (used by projection and by the façade nudge). */
    public Camera withPosition(Point newPosition) {
        return new Camera(
                id,
                newPosition,
                headingDeg,
                fovDeg,
                rangeM,
                heightM,
                kind,
                liveFeed,
                retentionDays,
                active,
                lowConfidence,
                owner);
    }

    public boolean isFullCircle() {
        return fovDeg >= 360;
    }

    @Override
    public String toString() {
        return "Camera[" + id + " " + kind.code() + " at " + position + " heading " + headingDeg + "° fov " + fovDeg
                + "° range " + rangeM + " m" + (lowConfidence ? " low-confidence" : "") + (active ? "" : " inactive")
                + "]";
    }
}
