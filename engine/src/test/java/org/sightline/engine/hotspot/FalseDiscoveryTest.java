package org.sightline.engine.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FalseDiscoveryTest {
    /*
     * m = 10 p-values, sorted: 0.0009 0.008 0.039 0.041 0.042 0.059 0.074 0.205 0.212 0.216
     *
     * q = 0.01, bounds k·q/m = 0.001 k:  p(1) = 0.0009 ≤ 0.001 ✓, p(2) = 0.008 > 0.002, and every
     *   later p exceeds 0.001 k (p(k) ≥ 0.039 > 0.010) → k = 1, cut-off 0.0009.
     * q = 0.05, bounds 0.005 k: 0.0009 ≤ 0.005 ✓, 0.008 ≤ 0.010 ✓, 0.039 > 0.015, 0.041 > 0.020,
     *   0.042 > 0.025, 0.059 > 0.030, 0.074 > 0.035, 0.205 > 0.040 … → k = 2, cut-off 0.008.
     * q = 0.10, bounds 0.01 k: 0.0009 ✓, 0.008 ≤ 0.02 ✓, 0.039 > 0.03 ✗, 0.041 > 0.04 ✗,
     *   0.042 ≤ 0.05 ✓, 0.059 ≤ 0.06 ✓, 0.074 > 0.07, 0.205 > 0.08, 0.212 > 0.09, 0.216 > 0.10
     *   → step-up: the largest passing rank is k = 6, so ranks 3 and 4 are discoveries too; cut-off 0.059.
     */
    private static final double[] P = {0.205, 0.041, 0.0009, 0.216, 0.059, 0.008, 0.074, 0.039, 0.212, 0.042};

    @Test
    void cutoffsOfAHandWorkedList() {
        assertThat(FalseDiscovery.cutoff(P, 0.01)).isEqualTo(0.0009);
        assertThat(FalseDiscovery.cutoff(P, 0.05)).isEqualTo(0.008);
        assertThat(FalseDiscovery.cutoff(P, 0.10)).isEqualTo(0.059);
    }

    @Test
    void binsCarryTheSignOfZ() {
        double[] z = {1, -1, 5, 1, -2, 3, 2, 2, -1, 2};
        // p:          0.205 0.041 0.0009 0.216 0.059 0.008 0.074 0.039 0.212 0.042
        int[] want = {0, -1, 3, 0, -1, 2, 0, 1, 0, 1};
        assertThat(FalseDiscovery.bins(z, P)).containsExactly(want);
    }

    @Test
    void noDiscoveryGivesNegativeInfinityAndZeroBins() {
        double[] p = {0.5, 0.9, 0.2};
        assertThat(FalseDiscovery.cutoff(p, 0.1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FalseDiscovery.bins(new double[] {3, -3, 1}, p)).containsExactly(0, 0, 0);
        assertThat(FalseDiscovery.bins(new double[0], new double[0])).isEmpty();
    }

    @Test
    void zeroScoreIsNeverBinned() {
        assertThat(FalseDiscovery.bins(new double[] {0}, new double[] {0.0})).containsExactly(0);
    }

    /** The definition: sort every p-value, take the largest rank k with p_(k)·m ≤ k·q. */
    private static double bruteCutoff(double[] p, double q) {
        double[] sorted = java.util.Arrays.stream(p)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        double m = p.length;
        for (int k = sorted.length; k >= 1; k--) if (sorted[k - 1] * m <= k * q) return sorted[k - 1];
        return Double.NEGATIVE_INFINITY;
    }

    @Test
    void cutoffsEqualTheSortedListDefinitionOnRandomPValues() {
        long seed = Long.getLong("sightline.fdrSeed", 3L);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (int round = 0; round < 400; round++) {
            int m = rnd.nextInt(10) == 0 ? rnd.nextInt(20_000, 200_000) : rnd.nextInt(0, 400);
            double signal = rnd.nextDouble(); // share of small p-values
            double[] p = new double[m];
            for (int i = 0; i < m; i++) {
                p[i] = switch (rnd.nextInt(12)) {
                    case 0 -> Double.NaN;
                    case 1 -> i > 0 ? p[rnd.nextInt(i)] : 0; // ties
                    case 2 -> FalseDiscovery.LEVELS[rnd.nextInt(3)] * (i + 1) / m; // on a BH line
                    case 3 -> 0;
                    case 4 -> 1;
                    default -> rnd.nextDouble() < signal ? rnd.nextDouble() * 1e-3 : rnd.nextDouble();
                };
            }
            double[] cut = FalseDiscovery.cutoffs(p, FalseDiscovery.LEVELS);
            for (int l = 0; l < 3; l++) {
                double q = FalseDiscovery.LEVELS[l];
                assertThat(cut[l])
                        .as("seed %d round %d m %d q %s", seed, round, m, q)
                        .isEqualTo(bruteCutoff(p, q));
            }
            // the bins, by their definition (any sign of z, zero and NaN included), on every cell
            double c1 = bruteCutoff(p, 0.01), c5 = bruteCutoff(p, 0.05), c10 = bruteCutoff(p, 0.10);
            double[] z = new double[m];
            for (int i = 0; i < m; i++) {
                int kind = rnd.nextInt(6);
                z[i] = kind == 0 ? 0 : kind == 1 ? Double.NaN : rnd.nextGaussian();
            }
            byte[] bins = FalseDiscovery.bins(z, p);
            for (int i = 0; i < m; i++) {
                int level = p[i] <= c1 ? 3 : p[i] <= c5 ? 2 : p[i] <= c10 ? 1 : 0;
                int expected = z[i] > 0 ? level : z[i] < 0 ? -level : 0;
                assertThat((int) bins[i])
                        .as("seed %d round %d cell %d", seed, round, i)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void pAndBinsAreThePValuesAndTheBinsOfThoseValues() {
        long seed = Long.getLong("sightline.fdrSeed", 3L);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (int round = 0; round < 60; round++) {
            int m = rnd.nextInt(4) == 0 ? rnd.nextInt(Chunks.PARALLEL_FROM, 300_000) : rnd.nextInt(0, 3000);
            double spread = rnd.nextDouble(0.5, 6); // how strong the signal is: few to many discoveries
            double[] z = new double[m];
            for (int i = 0; i < m; i++) {
                // runs of equal scores and few distinct ones (as on a grid), zeros of both signs, NaN
                z[i] = i > 0 && rnd.nextInt(3) == 0
                        ? z[i - 1]
                        : switch (rnd.nextInt(10)) {
                            case 0 -> 0.0;
                            case 1 -> -0.0;
                            case 2 -> Double.NaN;
                            case 3, 4 -> (rnd.nextInt(60) - 30) * 0.17;
                            default -> rnd.nextGaussian() * spread;
                        };
            }
            double[] p = new double[m];
            byte[] bins = FalseDiscovery.pAndBins(z, p);
            double c1 = bruteCutoff(p, 0.01), c5 = bruteCutoff(p, 0.05), c10 = bruteCutoff(p, 0.10);
            for (int i = 0; i < m; i++) {
                double expectedP = Normal.twoSidedP(z[i]);
                assertThat(Double.doubleToRawLongBits(p[i]))
                        .as("seed %d round %d cell %d: p of %s", seed, round, i, z[i])
                        .isEqualTo(Double.doubleToRawLongBits(expectedP));
                int level = p[i] <= c1 ? 3 : p[i] <= c5 ? 2 : p[i] <= c10 ? 1 : 0;
                int expected = z[i] > 0 ? level : z[i] < 0 ? -level : 0;
                assertThat((int) bins[i])
                        .as("seed %d round %d cell %d (z %s, p %s)", seed, round, i, z[i], p[i])
                        .isEqualTo(expected);
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FalseDiscovery.pAndBins(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inferenceBandByBandEqualsPAndBinsAfterwards() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        long binned = 0;
        for (int[] shape : new int[][] {{300, 400}, {5, 30_000}, {40, 40}}) {
            int w = shape[0], h = shape[1];
            double[] x = new double[w * h];
            byte[] mask = new byte[w * h];
            for (int i = 0; i < x.length; i++) {
                mask[i] = (byte) (rnd.nextInt(8) == 0 ? 0 : 1);
                x[i] = rnd.nextInt(10) == 0 ? rnd.nextInt(6) : 0;
            }
            for (GridWindow window : new GridWindow[] {GridWindow.of(150, 100), GridWindow.of(250, 100)}) {
                int n = 0;
                for (byte b : mask) n += b;
                double[] p = new double[n];
                FalseDiscovery.Inference inference = new FalseDiscovery.Inference(p);
                GiScores gi = GiStar.onGrid(x, mask, w, h, window, inference);
                byte[] bins = inference.bins(gi.z());
                double[] p2 = new double[n];
                byte[] bins2 = FalseDiscovery.pAndBins(gi.z(), p2);
                // (Arrays.equals: AssertJ's containsExactly is slow on 100,000 elements)
                assertThat(java.util.Arrays.equals(p, p2))
                        .as("p, %d×%d %s", w, h, window)
                        .isTrue();
                assertThat(java.util.Arrays.equals(bins, bins2))
                        .as("bins, %d×%d %s", w, h, window)
                        .isTrue();
                for (byte b : bins) binned += b != 0 ? 1 : 0;
            }
        }
        assertThat(binned).as("cells with a bin").isPositive();
        // ranges not scored, or scored twice, are an error, not silent zeros
        FalseDiscovery.Inference partial = new FalseDiscovery.Inference(new double[10]);
        partial.scored(new double[10], 0, 4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> partial.bins(new double[10]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("4 … 9");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> partial.scored(new double[10], 0, 4))
                .isInstanceOf(IllegalStateException.class);
    }
}
