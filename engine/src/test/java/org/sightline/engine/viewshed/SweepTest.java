package org.sightline.engine.viewshed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sweep's orientation test, box keys and event sort against simple references. */
class SweepTest {
    @Test
    void orientIsJtsExactOrientationIndex() {
        long seed = Long.getLong("sightline.sweepSeed", 31L);
        SplittableRandom rnd = new SplittableRandom(seed);
        int zero = 0, filtered = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double ox = rnd.nextBoolean() ? 0 : 430_000 + rnd.nextDouble(1000), oy = 3_900_000 * (i & 1);
            double x0 = ox + rnd.nextDouble(-150, 150), y0 = oy + rnd.nextDouble(-150, 150);
            double x1 = ox + rnd.nextDouble(-150, 150), y1 = oy + rnd.nextDouble(-150, 150);
            double qx, qy;
            switch (i % 8) {
                case 0 -> { // anywhere
                    qx = ox + rnd.nextDouble(-150, 150);
                    qy = oy + rnd.nextDouble(-150, 150);
                }
                case 1 -> { // on the line, up to rounding
                    double t = rnd.nextDouble(-2, 3);
                    qx = x0 + t * (x1 - x0);
                    qy = y0 + t * (y1 - y0);
                }
                case 2 -> { // a shared endpoint
                    qx = rnd.nextBoolean() ? x0 : x1;
                    qy = qx == x0 ? y0 : y1;
                }
                case 3 -> { // Kettner et al.'s hard case: a point a few ulps off the line through (12, 12), (24, 24)
                    double u = Math.ulp(0.5);
                    x0 = 12;
                    y0 = 12;
                    x1 = 24;
                    y1 = 24;
                    qx = 0.5 + u * rnd.nextInt(0, 256);
                    qy = 0.5 + u * rnd.nextInt(0, 256);
                }
                case 4 -> { // axis-parallel and degenerate segments
                    x1 = x0;
                    qx = x0 + (rnd.nextBoolean() ? 0 : rnd.nextDouble(-1, 1));
                    qy = oy + rnd.nextDouble(-150, 150);
                }
                case 6 -> { // coordinates near 1, a point on the line up to rounding
                    x0 = rnd.nextDouble(-1, 1);
                    y0 = rnd.nextDouble(-1, 1);
                    x1 = rnd.nextDouble(-1, 1);
                    y1 = rnd.nextDouble(-1, 1);
                    double t = rnd.nextDouble();
                    qx = x0 + t * (x1 - x0);
                    qy = y0 + t * (y1 - y0);
                }
                case 7 -> { // a hair off the line
                    double t = rnd.nextDouble(), e = Math.ulp(oy + 150) * rnd.nextInt(-4, 5);
                    qx = x0 + t * (x1 - x0) + e;
                    qy = y0 + t * (y1 - y0) - e;
                }
                default -> { // tiny coordinates (products near underflow) and zero-length segments
                    double s = 1e-160;
                    x0 = rnd.nextDouble(-1, 1) * s;
                    y0 = rnd.nextDouble(-1, 1) * s;
                    x1 = rnd.nextBoolean() ? x0 : rnd.nextDouble(-1, 1) * s;
                    y1 = rnd.nextDouble(-1, 1) * s;
                    qx = rnd.nextDouble(-1, 1) * s;
                    qy = rnd.nextDouble(-1, 1) * s;
                }
            }
            int expected = org.locationtech.jts.algorithm.CGAlgorithmsDD.orientationIndex(x0, y0, x1, y1, qx, qy);
            int got = Sweep.orient(x0, y0, x1, y1, qx, qy);
            if (got != expected)
                throw new AssertionError("seed " + seed + ": orient(" + x0 + ", " + y0 + ", " + x1 + ", " + y1 + ", "
                        + qx + ", " + qy + ") = " + got + ", JTS says " + expected);
            if (expected == 0) zero++;
            else filtered++;
        }
        System.out.printf("orient: 2,000,000 triples agree with JTS (%d collinear)%n", zero);
        assertThat(zero).isGreaterThan(100_000);
        assertThat(filtered).isGreaterThan(1_000_000);
    }

    /** The two silhouette corners of a box give the least and greatest key of all four, bit for bit. */
    @Test
    void boxKeysAreTheExtremeKeysOfTheFourCorners() {
        long seed = Long.getLong("sightline.sweepSeed", 37L);
        SplittableRandom rnd = new SplittableRandom(seed);
        Sweep sweep = new Sweep();
        List<String> failures = new ArrayList<>();
        int straddling = 0;
        for (int i = 0; i < 500_000 && failures.size() < 20; i++) {
            if (i % 1000 == 0) {
                double heading = rnd.nextInt(8) == 0 ? 90 * rnd.nextInt(4) : rnd.nextDouble(-360, 360);
                double fov = rnd.nextInt(4) == 0 ? 360 : rnd.nextInt(4) == 0 ? 90 : rnd.nextDouble(1, 360);
                sweep.wedge(heading, fov);
            }
            // boxes at any scale, on the axes through the viewer, thin or points; never containing it
            double scale = Math.pow(10, rnd.nextInt(-3, 4));
            double x0 = coordinate(rnd, scale), y0 = coordinate(rnd, scale);
            double x1 = rnd.nextInt(6) == 0 ? x0 : x0 + scale * rnd.nextDouble(),
                    y1 = rnd.nextInt(6) == 0 ? y0 : y0 + scale * rnd.nextDouble();
            if (x0 <= 0 && x1 >= 0 && y0 <= 0 && y1 >= 0) continue;
            double[] k = {sweep.key(x0, y0), sweep.key(x1, y0), sweep.key(x1, y1), sweep.key(x0, y1)};
            double lo = Math.min(Math.min(k[0], k[1]), Math.min(k[2], k[3]));
            double hi = Math.max(Math.max(k[0], k[1]), Math.max(k[2], k[3]));
            if (hi - lo >= 2) straddling++;
            sweep.boxKeys(x0, y0, x1, y1);
            boolean same = sweep.boxLo == lo && sweep.boxHi == hi
                    // a box across the start ray: only that both see it wrap matters
                    || hi - lo >= 2 && sweep.boxHi - sweep.boxLo >= 2;
            if (!same)
                failures.add("seed " + seed + " box " + x0 + " " + y0 + " " + x1 + " " + y1 + ": " + sweep.boxLo + " … "
                        + sweep.boxHi + " instead of " + lo + " … " + hi);
        }
        assertThat(failures).as("seed %d (-Dsightline.sweepSeed)", seed).isEmpty();
        assertThat(straddling).isPositive();
    }

    @Test
    void eventSortOrdersKeysAndKeepsEveryEventWithItsCode() {
        long seed = Long.getLong("sightline.sweepSeed", 41L);
        SplittableRandom rnd = new SplittableRandom(seed);
        Sweep sweep = new Sweep();
        for (int round = 0; round < 20_000; round++) {
            double heading = rnd.nextDouble(-360, 360);
            double fov = rnd.nextInt(4) == 0 ? 360 : rnd.nextInt(3) == 0 ? 90 : rnd.nextDouble(0.001, 360);
            sweep.wedge(heading, fov);
            double end = sweep.wedgeEnd();
            int n = rnd.nextInt(10) == 0 ? rnd.nextInt(129, 400) : rnd.nextInt(0, 80);
            double[] keys = new double[n];
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = i;
                keys[i] = switch (rnd.nextInt(6)) {
                    case 0 -> 0;
                    case 1 -> end; // a piece clipped at the wedge's end
                    case 2 -> i > 0 ? keys[rnd.nextInt(i)] : 0; // a tie
                    case 3 -> end * 0.5 + rnd.nextDouble() * 1e-6; // a crowded bucket
                    default -> rnd.nextDouble() * end;
                };
            }
            double[] sortedKeys = keys.clone();
            int[] sortedCodes = codes.clone();
            sweep.sortEvents(sortedKeys, sortedCodes);
            for (int i = 1; i < n; i++)
                assertThat(sortedKeys[i - 1])
                        .as("seed %d round %d: keys %d and %d out of order", seed, round, i - 1, i)
                        .isLessThanOrEqualTo(sortedKeys[i]);
            boolean[] met = new boolean[n];
            for (int i = 0; i < n; i++) {
                int c = sortedCodes[i];
                assertThat(met[c])
                        .as("seed %d round %d: code %d twice", seed, round, c)
                        .isFalse();
                met[c] = true;
                assertThat(sortedKeys[i])
                        .as("seed %d round %d: code %d moved without its key", seed, round, c)
                        .isEqualTo(keys[c]);
            }
        }
    }

    /** Often 0 (a box touching an axis through the viewer), else anywhere within ± scale. */
    private static double coordinate(SplittableRandom rnd, double scale) {
        return rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(10) == 0 ? -scale * 1e-9 : scale * rnd.nextDouble(-1, 1);
    }
}
