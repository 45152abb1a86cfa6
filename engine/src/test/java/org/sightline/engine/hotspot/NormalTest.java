package org.sightline.engine.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalTest {
    /** z and P(|Z| ≥ z) to 20 digits (mpmath, 40-digit arithmetic). */
    private static final double[][] TWO_SIDED = {
        {0, 1.0},
        {0.1, 0.92034432544594203707},
        {0.5, 0.61707507745197379272},
        {1, 0.31731050786291410283},
        {1.645, 0.099969811078242730556},
        {1.96, 0.049995790296440868273},
        {2.576, 0.0099950646314700367403},
        {3, 0.0026997960632601890533},
        {4, 0.000063342483666239842508},
        {5, 5.7330314375838782335e-7},
        {6, 1.9731752900753962814e-9},
        {8, 1.2441921148543568247e-15},
        {10, 1.5239706048321052132e-23},
        {20, 5.5072482372124673902e-89},
        {37, 1.1451142445049153645e-299},
    };

    @Test
    void twoSidedPMatchesHighPrecisionValuesToOneInTenToTheTwelve() {
        for (double[] row : TWO_SIDED) {
            double p = Normal.twoSidedP(row[0]);
            assertThat(relativeError(p, row[1]))
                    .as("z = %s: %s vs %s", row[0], p, row[1])
                    .isLessThan(1e-12);
            assertThat(Normal.twoSidedP(-row[0])).isEqualTo(p);
        }
    }

    @Test
    void knownValuesFromTheBrief() {
        assertThat(Normal.twoSidedP(1.96)).isCloseTo(0.0499957902964409, within(1e-15));
        assertThat(Normal.twoSidedP(3.0)).isCloseTo(0.0026997960632601866, within(1e-17));
    }

    @Test
    void erfcAtIntervalBoundariesAndNegativeArguments() {
        // erfc values from mpmath
        assertThat(relativeError(Normal.erfc(0.46875), 0.50738652678206200841)).isLessThan(1e-14);
        assertThat(relativeError(Normal.erfc(4.0), 1.5417257900280018852e-8)).isLessThan(1e-14);
        assertThat(relativeError(Normal.erfc(-1.0), 1.8427007929497148693)).isLessThan(1e-15);
        assertThat(Normal.erfc(30)).isZero();
        assertThat(Normal.erfc(-30)).isEqualTo(2.0);
        assertThat(Normal.erfc(Double.NaN)).isNaN();
    }

    @Test
    void cdfIsSymmetric() {
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.cdf(1.96) + Normal.cdf(-1.96)).isCloseTo(1.0, within(1e-15));
        assertThat(Normal.cdf(-3)).isCloseTo(0.0026997960632601890533 / 2, within(1e-17));
    }

    private static double relativeError(double got, double want) {
        return Math.abs(got - want) / Math.abs(want);
    }

    @Test
    void cachedTwoSidedPIsTheSingleValueBitForBit() {
        long seed = Long.getLong("sightline.normalSeed", 5L);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (int n : new int[] {0, 1, 7, 1000, Chunks.PARALLEL_FROM - 1, Chunks.PARALLEL_FROM + 12_345}) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                // runs of equal scores and few distinct ones (as on a grid), signed zeros, NaN, tails beyond
                // the underflow
                z[i] = i > 0 && rnd.nextInt(3) > 0
                        ? z[i - 1]
                        : switch (rnd.nextInt(8)) {
                            case 0 -> 0.0;
                            case 1 -> -0.0;
                            case 2 -> Double.NaN;
                            case 3 -> rnd.nextDouble(-40, 40);
                            case 4, 5 -> rnd.nextInt(50) * 0.37 - 9; // few values, met again out of order
                            default -> rnd.nextGaussian() * 3;
                        };
            }
            double[] p = new double[n];
            Normal.PCache cache = new Normal.PCache();
            for (int i = 0; i < n; i++) p[i] = cache.twoSidedP(z[i]);
            for (int i = 0; i < n; i++) {
                double expected = Normal.twoSidedP(z[i]);
                assertThat(Double.doubleToRawLongBits(p[i]))
                        .as("seed %d, n %d, z[%d] = %s: %s instead of %s", seed, n, i, z[i], p[i], expected)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @Test
    void runsFromTheCacheAreTheSingleValuesBitForBitOrReportedAsMissing() {
        long seed = Long.getLong("sightline.normalSeed", 5L);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        Normal.PCache cache = new Normal.PCache();
        double max = 0.05;
        int hits = 0;
        for (int run = 0; run < 2000; run++) {
            int n = rnd.nextInt(70);
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = switch (rnd.nextInt(6)) {
                    case 0 -> rnd.nextBoolean() ? 0.0 : -0.0;
                    case 1 -> rnd.nextInt(3) == 0 ? Double.NaN : rnd.nextGaussian() * 3;
                    default -> rnd.nextInt(40) * 0.37 - 7; // few values, met again and again
                };
            }
            double[] p = new double[n];
            int under = cache.tryFill(z, p, 0, n, max);
            if (under < 0) {
                for (int i = 0; i < n; i++) p[i] = cache.twoSidedP(z[i]);
            } else {
                hits++;
                int expectedUnder = 0;
                for (int i = 0; i < n; i++) expectedUnder += Normal.twoSidedP(z[i]) <= max ? 1 : 0;
                assertThat(under).as("seed %d, run %d", seed, run).isEqualTo(expectedUnder);
            }
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(p[i]))
                        .as("seed %d, run %d, z[%d] = %s (%s)", seed, run, i, z[i], under < 0 ? "missed" : "hit")
                        .isEqualTo(Double.doubleToRawLongBits(Normal.twoSidedP(z[i])));
            }
        }
        assertThat(hits).as("runs answered from the table alone").isGreaterThan(100);
    }
}
