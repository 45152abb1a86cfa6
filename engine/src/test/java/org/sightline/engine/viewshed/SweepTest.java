package org.sightline.engine.viewshed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sweep's branch-free pseudo-bearing against the quadrant formula and the true bearing. */
class SweepTest {
    /** The quadrant-by-quadrant diamond angle, as the sweep computed it before it went branch-free. */
    private static double quadrants(double x, double y) {
        if (x >= 0) return y >= 0 ? x / (y + x) : 1 - y / (x - y);
        return y < 0 ? 2 - x / (-y - x) : 3 + y / (y - x);
    }

    /** Bearing clockwise from +y in [0, 2π). */
    private static double bearing(double x, double y) {
        double b = Math.atan2(x, y);
        return b < 0 ? b + 2 * Math.PI : b;
    }

    @Test
    void pseudoBearingIsTheDiamondAngleAndMonotoneInTheBearing() {
        long seed = Long.getLong("sightline.sweepSeed", 31L);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> failures = new ArrayList<>();
        int n = 200_000;
        double[][] pts = new double[n][];
        for (int i = 0; i < n; i++) {
            double x, y;
            switch (rnd.nextInt(4)) {
                case 0 -> { // on an axis, signed zeros included
                    double v = rnd.nextDouble(-500, 500);
                    boolean onX = rnd.nextBoolean();
                    double zero = rnd.nextBoolean() ? 0.0 : -0.0;
                    x = onX ? v : zero;
                    y = onX ? zero : v;
                }
                case 1 -> { // tiny
                    x = rnd.nextDouble(-1e-9, 1e-9);
                    y = rnd.nextDouble(-1e-9, 1e-9);
                }
                default -> {
                    x = rnd.nextDouble(-500, 500);
                    y = rnd.nextDouble(-500, 500);
                }
            }
            if (x == 0 && y == 0) y = 1;
            double p = Sweep.pseudoBearing(x, y), q = quadrants(x, y);
            pts[i] = new double[] {bearing(x, y), p, x, y};
            if (!(p >= 0 && p < 4 || p == 4 && q == 4)) failures.add("out of [0, 4): " + p + " at " + x + ", " + y);
            // the same angle up to rounding (the formulas differ in two quadrants)
            if (!(Math.abs(p - q) <= 4 * Math.ulp(4.0))) failures.add(p + " != " + q + " at " + x + ", " + y);
        }
        java.util.Arrays.sort(pts, (a, b) -> Double.compare(a[0], b[0]));
        for (int i = 1; i < n; i++) {
            // a larger true bearing never gets a clearly smaller key (rounding aside)
            if (pts[i][1] < pts[i - 1][1] - 4 * Math.ulp(4.0))
                failures.add(
                        "not monotone: " + pts[i - 1][2] + ", " + pts[i - 1][3] + " → " + pts[i][2] + ", " + pts[i][3]);
        }
        assertThat(failures).as("seed %d (-Dsightline.sweepSeed)", seed).isEmpty();
    }
}
