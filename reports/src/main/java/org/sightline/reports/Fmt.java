package org.sightline.reports;

import java.util.Locale;

/** Number formatting of the reports: shares as percentages, areas in km² or m², counts with separators. */
final class Fmt {
    private Fmt() {}

    static String pct(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share) : "–";
    }

    static String num(double v, int decimals) {
        if (!Double.isFinite(v)) return "–";
        // whole numbers (counts, sums of unit weights: tens of thousands per report) without a Formatter;
        // the same text as the format below
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && decimals >= 0 && decimals <= 20 && !isNegativeZero(v))
            return grouped((long) v, decimals);
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static boolean isNegativeZero(double v) {
        return v == 0 && Double.doubleToRawLongBits(v) != 0;
    }

    /** {@code n} with "," every three digits, then "." and {@code decimals} zeros if any. */
    private static String grouped(long n, int decimals) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + decimals + 2);
        if (n < 0) sb.append('-');
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) sb.append(',').append(digits, i, i + 3);
        if (decimals > 0) {
            sb.append('.');
            for (int i = 0; i < decimals; i++) sb.append('0');
        }
        return sb.toString();
    }

    static String count(double v) {
        return num(v, 0);
    }

    static String km2(double m2) {
        return Double.isFinite(m2) ? String.format(Locale.ROOT, "%,.3f", m2 / 1e6) : "–";
    }

    static String deg(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }
}
