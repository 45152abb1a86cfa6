package org.sightline.engine.hotspot;

import java.util.Arrays;

/**
 * Benjamini–Hochberg false-discovery-rate control and the ArcGIS-style confidence bins of Hot Spot
 * Analysis: ±3 significant at FDR 0.01, ±2 at 0.05, ±1 at 0.10, sign of z, else 0.
 *
 * <p>BH at level q over m p-values: with p_(1) ≤ … ≤ p_(m), let k be the largest rank with
 * p_(k) ≤ k q / m; the discoveries are all p ≤ p_(k). Only p-values ≤ q can be discoveries, so only
 * those are sorted (cost O(m + d log d) for d of them).
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

    /** {@link #cutoff} for several levels with one sort. */
    static double[] cutoffs(double[] p, double[] levels) {
        double max = 0;
        for (double q : levels) max = Math.max(max, q);
        int d = 0;
        for (double v : p) if (v <= max) d++;
        double[] small = new double[d];
        d = 0;
        for (double v : p) if (v <= max) small[d++] = v;
        Arrays.sort(small);
        double m = p.length;
        double[] cut = new double[levels.length];
        for (int l = 0; l < levels.length; l++) {
            cut[l] = Double.NEGATIVE_INFINITY;
            for (int k = d; k >= 1; k--) {
                if (small[k - 1] * m <= k * levels[l]) {
                    cut[l] = small[k - 1];
                    break;
                }
            }
        }
        return cut;
    }

    /**
     * Confidence bins −3 … +3 of scores {@code z} with p-values {@code p} (same order): ±3 when p is
     * a BH discovery at 0.01, ±2 at 0.05, ±1 at 0.10, with the sign of z; 0 otherwise or when z = 0.
     */
    public static int[] bins(double[] z, double[] p) {
        if (z.length != p.length)
            throw new IllegalArgumentException("z and p differ in length: " + z.length + " vs " + p.length);
        double[] cut = cutoffs(p, LEVELS);
        int[] bins = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int level = p[i] <= cut[2] ? 3 : p[i] <= cut[1] ? 2 : p[i] <= cut[0] ? 1 : 0;
            bins[i] = z[i] > 0 ? level : z[i] < 0 ? -level : 0;
        }
        return bins;
    }
}
