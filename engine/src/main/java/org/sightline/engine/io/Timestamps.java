package org.sightline.engine.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/**
 * Incident times. Accepted, in this order:
 *
 * <ul>
 *   <li>epoch milliseconds, also written as a decimal ({@code 1507766400000}, {@code 1507766400000.0});
 *   <li>ISO-8601 with a zone id ({@code 2017-10-12T05:00:00+02:00[Europe/Paris]});
 *   <li>ISO-8601 date-time with an offset ({@code Z}, {@code +02}, {@code +0200}, {@code +02:00}), a
 *       space instead of the {@code T}, and slashes in the date ({@code 2016/01/01 05:00:00+00});
 *   <li>the same without an offset, or a date alone: read as UTC.
 * </ul>
 */
final class Timestamps {
    private static final Pattern EPOCH_MS = Pattern.compile("[+-]?\\d+(\\.0*)?");
    private static final Pattern SLASH_DATE = Pattern.compile("^(\\d{4})/(\\d{1,2})/(\\d{1,2})");

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .optionalEnd()
            .toFormatter();

    private Timestamps() {}

    static Instant parse(String text, String column) throws RowRejected {
        String t = text.trim();
        if (t.isEmpty()) throw new RowRejected("missing " + column);
        if (EPOCH_MS.matcher(t).matches()) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(t.contains(".") ? t.substring(0, t.indexOf('.')) : t));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new RowRejected("unparseable " + column + " '" + t + "'");
            }
        }
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a zoned form; try the lenient local forms
        }
        String n = SLASH_DATE
                .matcher(t)
                .replaceFirst(m -> String.format(
                        "%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        if (n.length() > 10 && n.charAt(10) == ' ')
            n = n.substring(0, 10) + 'T' + n.substring(11).trim();
        n = n.replace(" ", "");
        try {
            var parsed = LOCAL.parse(n);
            LocalDate date = LocalDate.from(parsed);
            if (!parsed.isSupported(ChronoField.HOUR_OF_DAY))
                return date.atStartOfDay(ZoneOffset.UTC).toInstant();
            LocalDateTime ldt = LocalDateTime.from(parsed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                    : ZoneOffset.UTC;
            return OffsetDateTime.of(ldt, offset).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new RowRejected("unparseable " + column + " '" + t + "'");
        }
    }
}
