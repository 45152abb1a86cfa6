package org.sightline.engine.hotspot;

import java.util.Arrays;

/**
 * The Gi* neighbourhood on a square grid: the cell offsets (dx, dy) whose centres are within the
 * band, i.e. dx² + dy² ≤ (band / cell)², self included. Row dy (−radius … radius) spans columns
 * −halfWidth(dy) … +halfWidth(dy). "Within" allows a relative slack of 1e-9 so that a band of
 * exactly √2 cells still takes the diagonal.
 */
public record GridWindow(int[] halfWidths) {
    /** Relative slack on the band when comparing centre distances. */
    public static final double BAND_SLACK = 1e-9;

    public GridWindow {
        if (halfWidths.length % 2 != 1) throw new IllegalArgumentException("a window has an odd number of rows");
        halfWidths = halfWidths.clone();
    }

    /** The window of {@code band} metres on cells of {@code cell} metres. */
    public static GridWindow of(double band, double cell) {
        double q = Math.pow(band / cell * (1 + BAND_SLACK), 2);
        int radius = (int) Math.floor(Math.sqrt(q));
        while ((long) (radius + 1) * (radius + 1) <= q) radius++;
        while ((long) radius * radius > q) radius--;
        int[] hw = new int[2 * radius + 1];
        for (int dy = -radius; dy <= radius; dy++) {
            double rest = q - (double) dy * dy;
            int dx = (int) Math.floor(Math.sqrt(rest));
            while ((long) (dx + 1) * (dx + 1) + (long) dy * dy <= q) dx++;
            while (dx > 0 && (long) dx * dx + (long) dy * dy > q) dx--;
            hw[dy + radius] = dx;
        }
        return new GridWindow(hw);
    }

    public int radius() {
        return halfWidths.length / 2;
    }

    public int halfWidth(int dy) {
        return halfWidths[dy + radius()];
    }

    /** True when every row has the same width, so the window is a (2r+1)² square. */
    public boolean isSquare() {
        int r = radius();
        return Arrays.stream(halfWidths).allMatch(h -> h == r);
    }

    /** Number of offsets in the window, self included. */
    public int size() {
        int s = 0;
        for (int h : halfWidths) s += 2 * h + 1;
        return s;
    }

    @Override
    public int[] halfWidths() {
        return halfWidths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridWindow w && Arrays.equals(halfWidths, w.halfWidths);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(halfWidths);
    }

    @Override
    public String toString() {
        return "GridWindow" + Arrays.toString(halfWidths);
    }
}
