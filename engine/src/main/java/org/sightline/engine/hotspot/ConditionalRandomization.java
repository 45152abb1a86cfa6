package org.sightline.engine.hotspot;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Pseudo p-values of Gi* by conditional randomisation (as PySAL's {@code G_Local(star=True)}): for
 * cell i, x_i stays and its m_i − 1 neighbour slots receive values drawn without replacement from
 * the other n − 1 cells. n, x̄ and S do not change, so G*_i is monotone in the neighbourhood sum
 * and the permutations compare sums.
 *
 * <p>The tail follows the observed sum: at or above its expectation (m_i − 1)·(Σx − x_i)/(n − 1)
 * the extremes are permutations with a sum ≥ the observed one, below it those with a sum ≤ it;
 * p = (1 + #extreme) / (1 + permutations), a one-sided pseudo p-value in the direction of z. Ties
 * count as extreme (unlike PySAL's folding, a zero cell among zeros is not "significantly cold").
 * A cell whose neighbourhood is itself or every cell gets p = 1.
 *
 * <p>Cell i draws from its own {@link SplittableRandom} seeded from (seed, i), so results do not
 * depend on the thread count. Cost: n × permutations × (m − 1) draws, e.g. 83 M for 999
 * permutations of 14 000 H3 cells with 6 neighbours each (HotspotBenchmark.permutationsH3).
 */
public final class ConditionalRandomization {
    private static final int BLOCK = 512;
    /** Neighbourhoods up to this size check duplicates by scanning; larger ones use a stamp array. */
    private static final int SCAN_LIMIT = 24;

    private ConditionalRandomization() {}

    /**
     * @param x value of each cell
     * @param neighbours binary weights, self included
     * @param permutations number of permutations, ≥ 1
     * @param seed base seed
     * @param threads worker threads, ≥ 1 (1 runs on the calling thread)
     * @return pseudo p-value of each cell, in (0, 1]
     */
    public static double[] pseudoP(double[] x, CellNeighbours neighbours, int permutations, long seed, int threads) {
        if (neighbours.cells() != x.length)
            throw new IllegalArgumentException(
                    "neighbours describe " + neighbours.cells() + " cells, x has " + x.length);
        if (permutations < 1) throw new IllegalArgumentException("permutations must be ≥ 1, was " + permutations);
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, was " + threads);
        double[] p = new double[x.length];
        double total = 0;
        for (double v : x) total += v;
        double sum = total;
        int blocks = (x.length + BLOCK - 1) / BLOCK;
        if (threads == 1 || blocks <= 1) {
            for (int b = 0; b < blocks; b++) block(b, x, sum, neighbours, permutations, seed, p);
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> IntStream.range(0, blocks)
                                .parallel()
                                .forEach(b -> block(b, x, sum, neighbours, permutations, seed, p)))
                        .join();
            } finally {
                pool.shutdown();
            }
        }
        return p;
    }

    private static void block(int b, double[] x, double total, CellNeighbours nb, int perms, long seed, double[] p) {
        int n = x.length;
        int[] picks = new int[0];
        int[] stamp = null;
        int tag = 0;
        for (int i = b * BLOCK, end = Math.min(n, (b + 1) * BLOCK); i < end; i++) {
            int k = nb.degree(i) - 1;
            if (k <= 0 || k >= n - 1) {
                p[i] = 1;
                continue;
            }
            double observed = 0;
            for (int q = nb.start(i), e = nb.end(i); q < e; q++) {
                int j = nb.at(q);
                if (j != i) observed += x[j];
            }
            boolean upper = observed >= k * (total - x[i]) / (n - 1);
            double tol = 1e-9 * (Math.abs(observed) + 1);
            SplittableRandom rnd = new SplittableRandom(cellSeed(seed, i));
            if (picks.length < k) picks = new int[k];
            boolean scan = k <= SCAN_LIMIT;
            if (!scan && stamp == null) stamp = new int[n];
            int extreme = 0;
            for (int t = 0; t < perms; t++) {
                double s = 0;
                if (scan) {
                    for (int a = 0; a < k; a++) {
                        int j;
                        draw:
                        while (true) {
                            j = below(rnd, n - 1);
                            if (j >= i) j++;
                            for (int c = 0; c < a; c++) if (picks[c] == j) continue draw;
                            break;
                        }
                        picks[a] = j;
                        s += x[j];
                    }
                } else {
                    if (++tag == 0) {
                        java.util.Arrays.fill(stamp, 0);
                        tag = 1;
                    }
                    for (int a = 0; a < k; a++) {
                        int j;
                        do {
                            j = below(rnd, n - 1);
                            if (j >= i) j++;
                        } while (stamp[j] == tag);
                        stamp[j] = tag;
                        s += x[j];
                    }
                }
                if (upper ? s >= observed - tol : s <= observed + tol) extreme++;
            }
            p[i] = (1.0 + extreme) / (1.0 + perms);
        }
    }

    /** Uniform in [0, bound) by Lemire's nearly divisionless method (unbiased; rarely divides). */
    static int below(SplittableRandom rnd, int bound) {
        long m = (rnd.nextInt() & 0xFFFFFFFFL) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (rnd.nextInt() & 0xFFFFFFFFL) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** A well-mixed seed per cell (SplitMix64 finaliser of seed + golden-ratio multiple of i). */
    static long cellSeed(long seed, int i) {
        long z = seed + (i + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
