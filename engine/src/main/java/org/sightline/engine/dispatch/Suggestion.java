package org.sightline.engine.dispatch;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.sightline.engine.model.CameraKind;

/**
 * One ranked camera for an incident: a value class with the accessors, equality and text of a
 * record over the components below.
 *
 * <p>The reason text of a suggestion made by {@link DispatchIndex} is formatted when {@link #reason}
 * is first called (from the numbers it is made of), not during the query: a dispatch query must stay
 * within microseconds, and most consumers read a few reasons at most. The text is the same either
 * way; equality and {@link #toString} use it, and serialization writes it.
 *
 * @param visibleShare share of the outdoor part of the uncertainty disk inside the viewshed, [0, 1]
 * @param offAxisDeg angle between the optical axis and the direction to the incident, [0, 180]; 0 for
 *     360° cameras
 * @param footageUntil incident time + the camera's retention; a request after it is pointless
 * @param expired whether {@code footageUntil} had passed at the time of the query (ranks last)
 * @param score quality score in [0, 1] used within a group: 0.6 · visible share + 0.25 · (1 −
 *     distance / range) + 0.15 · (1 − off-axis / half the FOV)
 */
public final class Suggestion implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String incidentId;
    private final int rank;
    private final String cameraId;
    private final CameraKind kind;
    private final Access access;
    private final double visibleShare;
    private final double distanceM;
    private final double offAxisDeg;
    private final Instant footageUntil;
    private final Role role;
    private final boolean expired;
    private final double score;

    /** The reason once formatted (or as given); null before that when {@link #lazy}. */
    private String reason;

    private final boolean lazy;
    /** For a lazy approach reason: the distance to the covered ground, and the streets' prefix. */
    private final double gapM;

    private final String approachPrefix;

    public Suggestion(
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
            String reason) {
        this(
                incidentId,
                rank,
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
                reason,
                false,
                0,
                null);
    }

    private Suggestion(
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
            String reason,
            boolean lazy,
            double gapM,
            String approachPrefix) {
        this.incidentId = incidentId;
        this.rank = rank;
        this.cameraId = cameraId;
        this.kind = kind;
        this.access = access;
        this.visibleShare = visibleShare;
        this.distanceM = distanceM;
        this.offAxisDeg = offAxisDeg;
        this.footageUntil = footageUntil;
        this.role = role;
        this.expired = expired;
        this.score = score;
        this.reason = reason;
        this.lazy = lazy;
        this.gapM = gapM;
        this.approachPrefix = approachPrefix;
    }

    /**
     * A suggestion whose reason is formatted on demand ({@link Reasons}): for {@code SEES} from the
     * share and distance, for {@code APPROACH} from {@code gapM} and {@code approachPrefix} (the
     * {@link Reasons#approachPrefix} of the covered streets, null without streets); the footage day
     * from {@code footageUntil}.
     */
    static Suggestion ranked(
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
            double gapM,
            String approachPrefix) {
        return new Suggestion(
                incidentId,
                rank,
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
                null,
                true,
                gapM,
                approachPrefix);
    }

    public String incidentId() {
        return incidentId;
    }

    public int rank() {
        return rank;
    }

    public String cameraId() {
        return cameraId;
    }

    public CameraKind kind() {
        return kind;
    }

    public Access access() {
        return access;
    }

    public double visibleShare() {
        return visibleShare;
    }

    public double distanceM() {
        return distanceM;
    }

    public double offAxisDeg() {
        return offAxisDeg;
    }

    public Instant footageUntil() {
        return footageUntil;
    }

    public Role role() {
        return role;
    }

    public boolean expired() {
        return expired;
    }

    public double score() {
        return score;
    }

    /** The human-readable reason ("sees the incident at 34 m, live feed"). */
    public String reason() {
        String r = reason;
        if (r == null && lazy) {
            // a String is immutable, so a racy first call at worst formats it twice
            String day = access == Access.LIVE && !expired ? null : Reasons.day(footageUntil);
            r = role == Role.SEES
                    ? Reasons.sees(visibleShare, distanceM, access, day, expired)
                    : Reasons.approach(gapM, approachPrefix, access, day, expired);
            reason = r;
        }
        return r;
    }

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
                reason,
                lazy,
                gapM,
                approachPrefix);
    }

    /** Serialized with its reason text, as a record with a reason component would be. */
    private void writeObject(ObjectOutputStream out) throws IOException {
        reason();
        out.defaultWriteObject();
    }

    /** Equal when every component is, as for a record (doubles compared as by Double.compare). */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Suggestion s)) return false;
        return rank == s.rank
                && Double.compare(visibleShare, s.visibleShare) == 0
                && Double.compare(distanceM, s.distanceM) == 0
                && Double.compare(offAxisDeg, s.offAxisDeg) == 0
                && expired == s.expired
                && Double.compare(score, s.score) == 0
                && Objects.equals(incidentId, s.incidentId)
                && Objects.equals(cameraId, s.cameraId)
                && kind == s.kind
                && access == s.access
                && Objects.equals(footageUntil, s.footageUntil)
                && role == s.role
                && Objects.equals(reason(), s.reason());
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                incidentId,
                rank,
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
                reason());
    }

    /** As a record prints itself: {@code Suggestion[incidentId=…, rank=…, …, reason=…]}. */
    @Override
    public String toString() {
        return "Suggestion[incidentId=" + incidentId + ", rank=" + rank + ", cameraId=" + cameraId + ", kind=" + kind
                + ", access=" + access + ", visibleShare=" + visibleShare + ", distanceM=" + distanceM
                + ", offAxisDeg=" + offAxisDeg + ", footageUntil=" + footageUntil + ", role=" + role + ", expired="
                + expired + ", score=" + score + ", reason=" + reason() + "]";
    }
}
