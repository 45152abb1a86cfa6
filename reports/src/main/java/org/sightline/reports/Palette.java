package org.sightline.reports;

import java.awt.Color;

/**
 * Colour-blind-safe colours: Okabe–Ito for categories, viridis steps for ordered values (coverage
 * depth). Every map and chart takes its colours from here.
 */
final class Palette {
    private Palette() {}

    static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
    static final Color GREEN = new Color(0x00, 0x9E, 0x73);
    static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
    static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
    static final Color BLACK = new Color(0x22, 0x22, 0x22);

    /** Viridis at 1, 2 and ≥ 3 cameras (light to dark so depth reads as "more"). */
    static final Color[] DEPTH = {new Color(0xB5, 0xDE, 0x2B), new Color(0x21, 0x91, 0x8C), new Color(0x44, 0x01, 0x54)
    };

    /** Viridis, t in [0, 1]: 9 stops, linearly interpolated. */
    static Color viridis(double t) {
        int[][] stops = {
            {0x44, 0x01, 0x54},
            {0x47, 0x2d, 0x7b},
            {0x3b, 0x52, 0x8b},
            {0x2c, 0x72, 0x8e},
            {0x21, 0x91, 0x8c},
            {0x28, 0xae, 0x80},
            {0x5e, 0xc9, 0x62},
            {0xad, 0xdc, 0x30},
            {0xfd, 0xe7, 0x25}
        };
        double x = Math.max(0, Math.min(1, Double.isFinite(t) ? t : 0)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        double f = x - i;
        int[] a = stops[i], b = stops[i + 1];
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])), (int)
                Math.round(a[2] + f * (b[2] - a[2])));
    }

    static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }
}
