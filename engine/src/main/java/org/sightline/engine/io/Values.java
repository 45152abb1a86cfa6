package org.sightline.engine.io;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict parsing of cell values; every failure is a {@link RowRejected} with a stable reason. */
final class Values {
    /** Plain decimal numbers only: no NaN, Infinity, hex, or Java's {@code d}/{@code f} suffixes. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final Pattern LENGTH =
            Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))\\s*(m|metres|meters|meter|metre|ft|feet|foot|')?");

    private Values() {}

    static boolean isNumber(String text) {
        return NUMBER.matcher(text.trim()).matches();
    }

    /** A finite number; {@code column} names it in the reason. */
    static double number(String text, String column) throws RowRejected {
        String t = text.trim();
        if (!NUMBER.matcher(t).matches()) throw new RowRejected("non-numeric " + column + " '" + t + "'");
        double d = Double.parseDouble(t);
        if (!Double.isFinite(d)) throw new RowRejected("non-numeric " + column + " '" + t + "'");
        return d;
    }

    /** A whole number ≥ 0 ("30" or "30.0"). */
    static int count(String text, String column) throws RowRejected {
        double d = number(text, column);
        if (d < 0 || d != Math.rint(d) || d > Integer.MAX_VALUE)
            throw new RowRejected("bad " + column + " '" + text.trim() + "' (a whole number >= 0)");
        return (int) d;
    }

    /** true/false, yes/no, y/n, t/f, 1/0 (case-insensitive). */
    static boolean bool(String text, String column) throws RowRejected {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> true;
            case "false", "f", "no", "n", "0" -> false;
            default -> throw new RowRejected("bad " + column + " '" + text.trim() + "' (use true or false)");
        };
    }

    /**
     * A length in metres: {@code 12}, {@code 12.5}, {@code 12 m}, {@code 40 ft}, {@code 40'}. NaN for
     * anything else (callers decide whether that is unknown or an error).
     */
    static double metres(String text) {
        if (isPlainDecimal(text)) { // the common case, without the regex
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : Double.NaN;
        }
        Matcher m = LENGTH.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return Double.NaN;
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit != null && (unit.startsWith("f") || unit.equals("'"))) v *= 0.3048;
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /** Digits with at most one '.', at least one digit: what {@link #LENGTH} takes without sign or unit. */
    private static boolean isPlainDecimal(String text) {
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') digits++;
            else if (c == '.' && dots++ == 0) continue;
            else return false;
        }
        return digits > 0;
    }

    /** Shortest plain rendering of a number for reasons: 400, 12.5 (never 4.0E2). */
    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
