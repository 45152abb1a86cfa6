package org.sightline.engine.hotspot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
    /** The FDR levels of bins 1, 2 and 3. */
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

    /**
     * {@link #cutoff} for several levels in O(m + b log b): the p-values ≤ the largest level are
     * counted into {@value #BUCKETS} buckets by value, so each one's rank range is known without a
     * sort; from the top bucket down, a bucket is sorted only when its smallest possible value could
     * pass the test at its highest rank, and the first passing rank (from the top) is the cut-off.
     * The comparisons are those of the sorted-list definition, so the result is the same value.
     */
    static double[] cutoffs(double[] p, double[] levels) {
        double max = 0;
        for (double q : levels) max = Math.max(max, q);
        double scale = BUCKETS / max;
        // one pass over p, split over the processors: the few candidates (≤ max; NaN never is)
        List<double[]> parts = Collections.synchronizedList(new ArrayList<>());
        double top = max;
        Chunks.forEach(p.length, (from, to) -> parts.add(candidates(p, from, to, top)));
        int d = 0;
        for (double[] part : parts) d += part.length;
        double[] found = new double[d];
        d = 0;
        for (double[] part : parts) { // (their order does not matter: only the values are used)
            System.arraycopy(part, 0, found, d, part.length);
            d += part.length;
        }
        int[] start = new int[BUCKETS + 1];
        for (int i = 0; i < d; i++) start[bucket(found[i], scale) + 1]++;
        for (int b = 0; b < BUCKETS; b++) start[b + 1] += start[b];
        double[] small = new double[d]; // bucket after bucket, each unsorted
        int[] fill = Arrays.copyOf(start, BUCKETS);
        for (int i = 0; i < d; i++) small[fill[bucket(found[i], scale)]++] = found[i];
        double m = p.length;
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

    /** The p-values ≤ max among p[from … to−1]. */
    private static double[] candidates(double[] p, int from, int to, double max) {
        double[] found = new double[256];
        int d = 0;
        for (int i = from; i < to; i++) {
            double v = p[i];
            if (v <= max) {
                if (d == found.length) found = Arrays.copyOf(found, 2 * d);
                found[d++] = v;
            }
        }
        return Arrays.copyOf(found, d);
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
        double[] cut = cutoffs(p, LEVELS);
        byte[] bins = new byte[p.length];
        Chunks.forEach(p.length, (from, to) -> classify(z, p, cut, bins, from, to));
        return bins;
    }

    /**
     * Bins of cells from … to−1. The cut-offs grow with the level (BH is monotone in q), so the level
     * is the number of them a p-value is under; counted without branches, as is the sign (the scores
     * are random to a branch predictor).
     */
    private static void classify(double[] z, double[] p, double[] cut, byte[] bins, int from, int to) {
        double c0 = cut[0], c1 = cut[1], c2 = cut[2];
        for (int i = from; i < to; i++) {
            double v = p[i], s = z[i];
            int level = (v <= c0 ? 1 : 0) + (v <= c1 ? 1 : 0) + (v <= c2 ? 1 : 0);
            bins[i] = (byte) (((s > 0 ? 1 : 0) - (s < 0 ? 1 : 0)) * level);
        }
    }
}
