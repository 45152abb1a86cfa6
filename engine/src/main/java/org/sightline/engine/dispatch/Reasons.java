package org.sightline.engine.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The human-readable reason of a suggestion ("sees the incident at 34 m, live feed"). Numbers are
 * whole metres or percent as {@code String.format(Locale.ROOT, "%.0f", v)} prints them and days as
 * {@code yyyy-MM-dd} in UTC; the common cases are built without a formatter (a dispatch query
 * formats up to {@code top} reasons and must stay within microseconds).
 */
final class Reasons {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final long FIRST_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private Reasons() {}

    /** @param day the footage day (yyyy-MM-dd) when the reason names it: expired or request */
    static String sees(double share, double d, Suggestion.Access access, String day, boolean expired) {
        StringBuilder b = new StringBuilder(96);
        if (share >= 0.995) {
            b.append("sees the incident at ");
            whole(b, d);
        } else {
            b.append("sees ");
            whole(b, 100 * share);
            b.append("% of the area around the incident at ");
            whole(b, d);
        }
        b.append(" m, ");
        return access(b, access, day, expired).toString();
    }

    /** The start of an approach reason for a camera covering {@code streets}. */
    static String approachPrefix(String streets) {
        return "covers the approach on " + streets + ", ";
    }

    /** @param prefix {@link #approachPrefix} of the streets the camera covers, null without streets */
    static String approach(double gap, String prefix, Suggestion.Access access, String day, boolean expired) {
        StringBuilder b = new StringBuilder(128);
        if (prefix == null) {
            b.append("does not see the incident but covers ground ");
            whole(b, gap);
            b.append(" m from it, ");
        } else {
            b.append(prefix);
            whole(b, gap);
            b.append(" m from the incident, ");
        }
        return access(b, access, day, expired).toString();
    }

    private static StringBuilder access(StringBuilder b, Suggestion.Access access, String day, boolean expired) {
        if (expired) return b.append("footage expired on ").append(day);
        return access == Suggestion.Access.LIVE
                ? b.append("live feed")
                : b.append("owner request, footage kept until ").append(day);
    }

    /**
     * Appends v rounded to a whole number exactly as {@code %.0f} does. For +0 ≤ v &lt; 2^52 that is
     * Math.round: %.0f rounds the shortest decimal form of v half up, and that form ends in ".5"
     * only when v is exactly k + 0.5.
     */
    static StringBuilder whole(StringBuilder b, double v) {
        if (Double.doubleToRawLongBits(v) >= 0 && v < 0x1p52) return b.append(Math.round(v)); // not −0, NaN
        return b.append(String.format(Locale.ROOT, "%.0f", v));
    }

    /** The UTC day of t as yyyy-MM-dd (as {@code DateTimeFormatter.ofPattern("yyyy-MM-dd")}). */
    static String day(Instant t) {
        long epochDay = Math.floorDiv(t.getEpochSecond(), 86_400L);
        if (epochDay >= FIRST_DAY && epochDay <= LAST_DAY)
            return LocalDate.ofEpochDay(epochDay).toString();
        return DAY.format(t);
    }
}
