package org.sightline.engine.hotspot;

import java.util.Arrays;
import java.util.List;

/**
 * Benjamini–Hochberg false-discovery-rate control and the ArcGIS-style confidence bins of Hot Spot
 * Analysis: ±3 significant at FDR 0.01, ±2 at 0.05, ±1 at 0.10, sign of z, else 0.
 *
 * <p>BH at level q over m p-values: with p_(1) ≤ … ≤ p_(m), let k be the largest rank with
 * p_(k) ≤ k q / m; the discoveries are all p ≤ p_(k). Only p-values ≤ q can be discoveries, and
 * only the few of them near the cut-off need sorting (see {@link #cutoffs}).
 */
public final class FalseDiscovery {
    /** The FDR levels of bins 1, 2 and 3 (largest first). */
    public static final double[] LEVELS = {0.10, 0.05, 0.01};

    private FalseDiscovery() {}

    /**
     * The BH cut-off at level q: p-values ≤ the result are discoveries. Negative infinity when there
     * is none. NaN p-values count in m but are never discoveries.
     */
    public static double cutoff(double[] p, double q) {
        if (!(q > 0 && q < 1)) throw new IllegalArgumentException("q must be in (0, 1), was " + q);
        return cutoffs(p, new double[] {q})[0];
    }

    /** Buckets of {@link #cutoffs}: the p-values ≤ the largest level, by value. */
    private static final int BUCKETS = 4096;

    /** The largest level: only p-values at or below it can be discoveries at all. */
    private static final double TOP = LEVELS[0];

    /** {@link #cutoff} for several levels (each in (0, 1)). */
    static double[] cutoffs(double[] p, double[] levels) {
        double max = 0;
        for (double q : levels) max = Math.max(max, q);
        double top = max;
        return cutoffs(Chunks.map(p.length, (from, to) -> Candidates.of(p, from, to, top)), p.length, levels);
    }

    /**
     * The cells whose p-value is ≤ a level of interest (NaN never is), with those p-values: the only
     * cells whose bin is not 0, a small share of a grid.
     */
    private static final class Candidates {
        int[] cells = new int[1024];
        double[] values = new double[1024];
        int size;

        /** The candidates among p[from … to−1]. */
        static Candidates of(double[] p, int from, int to, double max) {
            Candidates c = new Candidates();
            for (int i = from; i < to; i++) c.offer(i, p[i], max);
            return c;
        }

        /**
         * Keeps cell i when v ≤ max. Written without a branch on v (cells pass or fail at random):
         * the slot is always written and kept only when it passes.
         */
        void offer(int i, double v, double max) {
            if (size == cells.length) {
                cells = java.util.Arrays.copyOf(cells, 2 * size);
                values = java.util.Arrays.copyOf(values, 2 * size);
            }
            cells[size] = i;
            values[size] = v;
            size += v <= max ? 1 : 0;
        }
    }

    /**
     * {@link #cutoff} for several levels in O(m + b log b) from the candidates (the p-values ≤ the
     * largest level) of m p-values: they are counted into {@value #BUCKETS} buckets by value, so each
     * one's rank range is known without a sort; from the top bucket down, a bucket is sorted only
     * when its smallest possible value could pass the test at its highest rank, and the first passing
     * rank (from the top) is the cut-off. The comparisons are those of the sorted-list definition, so
     * the result is the same value.
     */
    private static double[] cutoffs(List<Candidates> parts, int m, double[] levels) {
        double max = 0;
        for (double q : levels) max = Math.max(max, q);
        double scale = BUCKETS / max;
        int d = 0;
        for (Candidates part : parts) d += part.size;
        int[] start = new int[BUCKETS + 1];
        for (Candidates part : parts) {
            for (int i = 0; i < part.size; i++) start[bucket(part.values[i], scale) + 1]++;
        }
        for (int b = 0; b < BUCKETS; b++) start[b + 1] += start[b];
        double[] small = new double[d]; // bucket after bucket, each unsorted
        int[] fill = Arrays.copyOf(start, BUCKETS);
        for (Candidates part : parts) { // (their order does not matter: only the values are used)
            for (int i = 0; i < part.size; i++) small[fill[bucket(part.values[i], scale)]++] = part.values[i];
        }
        double[] cut = new double[levels.length];
        boolean[] sorted = new boolean[BUCKETS];
        for (int l = 0; l < levels.length; l++) {
            double q = levels[l];
            cut[l] = Double.NEGATIVE_INFINITY;
            scan:
            for (int b = BUCKETS - 1; b >= 0; b--) {
                int from = start[b], to = start[b + 1];
                if (from == to) continue;
                // every value of bucket b is ≥ its lower edge, every rank in it ≤ to: if even that
                // pair fails, every element of the bucket fails
                if (!(lowerEdge(b, scale) * m <= to * q)) continue;
                if (!sorted[b]) {
                    Arrays.sort(small, from, to);
                    sorted[b] = true;
                }
                for (int k = to; k > from; k--) {
                    if (small[k - 1] * m <= k * q) {
                        cut[l] = small[k - 1];
                        break scan;
                    }
                }
            }
        }
        return cut;
    }

    private static int bucket(double v, double scale) {
        return Math.max(0, Math.min(BUCKETS - 1, (int) (v * scale)));
    }

    /** A value ≤ every p-value of bucket b (below b / scale by far more than its rounding). */
    private static double lowerEdge(int b, double scale) {
        return b / scale * (1 - 1e-12);
    }

    /**
     * Confidence bins −3 … +3 of scores {@code z} with p-values {@code p} (same order): ±3 when p is
     * a BH discovery at 0.01, ±2 at 0.05, ±1 at 0.10, with the sign of z; 0 otherwise or when z = 0.
     */
    public static byte[] bins(double[] z, double[] p) {
        if (z.length != p.length)
            throw new IllegalArgumentException("z and p differ in length: " + z.length + " vs " + p.length);
        return bins(z, p, Chunks.map(p.length, (from, to) -> Candidates.of(p, from, to, TOP)));
    }

    /**
     * The two-sided p-value of every score, into {@code p} (as {@link Normal#twoSidedP(double)}, bit
     * for bit, one erfc per distinct score and chunk), and the {@link #bins} of the scores: one pass
     * over z that also picks the cells that can be discoveries, then one over those cells only (an
     * {@link Inference} given all of z at once).
     */
    public static byte[] pAndBins(double[] z, double[] p) {
        if (z.length != p.length)
            throw new IllegalArgumentException("z and p differ in length: " + z.length + " vs " + p.length);
        Inference inference = new Inference(p);
        inference.scoredAll(z);
        return inference.bins(z);
    }

    /** Scores looked up together by {@link #pValues}: a miss or a candidate redoes only its run. */
    private static final int RUN = 64;

    /**
     * p of z[from … to−1] into p, and the candidates among them: run by run, the p-values from the
     * cache without a branch per cell (one score at a time only in a run with a score not met before),
     * then the run's cells offered as candidates only if one of them is (1 % of a grid's cells are,
     * in clusters).
     */
    private static Candidates pValues(double[] z, double[] p, int from, int to) {
        Normal.PCache cache = new Normal.PCache();
        Candidates c = new Candidates();
        for (int i0 = from; i0 < to; i0 += RUN) {
            int i1 = Math.min(to, i0 + RUN);
            int under = cache.tryFill(z, p, i0, i1, TOP);
            if (under < 0) { // a score not met before: one at a time, offering every cell
                for (int i = i0; i < i1; i++) p[i] = cache.twoSidedP(z[i]);
                under = i1 - i0;
            }
            if (under > 0) {
                for (int i = i0; i < i1; i++) c.offer(i, p[i], TOP);
            }
        }
        return c;
    }

    /**
     * p-values and bins for scores that arrive range by range ({@link GiStar.Scored}): each range's
     * p-values and BH candidates while its scores are in the cache, then the bins from the candidates.
     */
    public static final class Inference implements GiStar.Scored {
        private final double[] p;
        /** Each scored range by its first cell. */
        private final java.util.concurrent.ConcurrentSkipListMap<Integer, Scored> ranges =
                new java.util.concurrent.ConcurrentSkipListMap<>();

        private record Scored(int to, Candidates candidates) {}

        /** @param p receives the two-sided p-value of each score */
        public Inference(double[] p) {
            this.p = p;
        }

        @Override
        public void scored(double[] z, int from, int to) {
            if (z.length != p.length)
                throw new IllegalArgumentException("z and p differ in length: " + z.length + " vs " + p.length);
            if (from == to) return;
            if (ranges.put(from, new Scored(to, pValues(z, p, from, to))) != null)
                throw new IllegalStateException("cells from " + from + " were scored twice");
        }

        /** The bins of the scores; every cell must have been scored, once. */
        public byte[] bins(double[] z) {
            int next = 0;
            for (var range : ranges.entrySet()) {
                if (range.getKey() != next)
                    throw new IllegalStateException(
                            "cells " + next + " … " + (range.getKey() - 1) + " were not scored");
                next = range.getValue().to();
            }
            if (next != z.length)
                throw new IllegalStateException("cells " + next + " … " + (z.length - 1) + " were not scored");
            return FalseDiscovery.bins(
                    z, p, ranges.values().stream().map(Scored::candidates).toList());
        }
    }

    /**
     * The bins from the candidates of p (every other cell's bin is 0). The cut-offs grow with the
     * level (BH is monotone in q), so the level is the number of them a p-value is under.
     */
    private static byte[] bins(double[] z, double[] p, List<Candidates> parts) {
        double[] cut = cutoffs(parts, p.length, LEVELS);
        double c0 = cut[0], c1 = cut[1], c2 = cut[2];
        byte[] bins = new byte[p.length];
        for (Candidates part : parts) {
            for (int k = 0; k < part.size; k++) {
                int i = part.cells[k];
                double v = part.values[k], s = z[i];
                int level = (v <= c0 ? 1 : 0) + (v <= c1 ? 1 : 0) + (v <= c2 ? 1 : 0);
                bins[i] = (byte) (((s > 0 ? 1 : 0) - (s < 0 ? 1 : 0)) * level);
            }
        }
        return bins;
    }
}
