package org.sightline.engine.dispatch;

import java.time.Instant;
import java.util.Locale;
import org.sightline.engine.model.CameraKind;

/**
 * One ranked camera for an incident.
 *
 * @param visibleShare share of the outdoor part of the uncertainty disk inside the viewshed, [0, 1]
 * @param offAxisDeg angle between the optical axis and the direction to the incident, [0, 180]; 0 for
 *     360° cameras
 * @param footageUntil incident time + the camera's retention; a request after it is pointless
 * @param expired whether {@code footageUntil} had passed at the time of the query (ranks last)
 * @param score quality score in [0, 1] used within a group: 0.6 · visible share + 0.25 · (1 −
 *     distance / range) + 0.15 · (1 − off-axis / half the FOV)
 */
public record Suggestion(
        String incidentId,
        int rank,
        String cameraId,
        CameraKind kind,
        Access access,
        double visibleShare,
        double distanceM,
        double offAxisDeg,
        Instant footageUntil,
        Role role,
        boolean expired,
        double score,
        String reason)
        implements java.io.Serializable {

    /** How footage can be had: a live feed, or a request the owner must approve. */
    public enum Access {
        LIVE,
        REQUEST;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code sees}: the camera sees the incident; {@code approach}: it covers a way to or from it. */
    public enum Role {
        SEES,
        APPROACH;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Suggestion withRank(int r) {
        return new Suggestion(
                incidentId,
                r,
                cameraId,
                kind,
                access,
                visibleShare,
                distanceM,
                offAxisDeg,
                footageUntil,
                role,
                expired,
                score,
                reason);
    }
}
