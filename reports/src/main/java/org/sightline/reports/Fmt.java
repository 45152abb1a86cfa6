package org.sightline.reports;

import java.util.Locale;

/** Number formatting of the reports: shares as percentages, areas in km² or m², counts with separators. */
final class Fmt {
    private Fmt() {}

    static String pct(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share) : "–";
    }

    static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + decimals + "f", v) : "–";
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
