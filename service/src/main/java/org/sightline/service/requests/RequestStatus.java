package org.sightline.service.requests;

import java.time.Instant;
import java.util.Locale;

/**
 * A footage request's status as police see it. The stored states are pending, approved and
 * declined; police see only:
 *
 * <ul>
 *   <li>{@code approved}: the owner agreed; footage access is granted;
 *   <li>{@code pending}: not approved yet and the retention deadline has not passed: the owner has not
 *       answered <em>or has declined</em>;
 *   <li>{@code expired}: not approved by the retention deadline: declined and unanswered alike.
 * </ul>
 *
 * So police never learn which owners did not answer, nor which declined: an owner who says no is
 * indistinguishable from one who did not reply (no pressure on individual owners, no list of
 * "non-cooperating" residents). Only the owner sees their own decision.
 */
public enum RequestStatus {
    PENDING,
    APPROVED,
    EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status police see for a stored state at time {@code now}. */
    public static RequestStatus visible(String stored, Instant deadline, Instant now) {
        if ("approved".equals(stored)) return APPROVED;
        return now.isAfter(deadline) ? EXPIRED : PENDING;
    }
}
