package org.sightline.engine.outreach;

import java.util.Arrays;
import java.util.Objects;

/**
 * A weighted maximum-coverage instance: demand points with weights > 0, and candidates each covering
 * a set of demand points. Candidate order is the deterministic tie-break (lower index wins).
 *
 * @param weights weight of each demand point
 * @param covers for each candidate, the sorted, distinct demand indices it covers
 */
public record MaxCoverage(double[] weights, int[][] covers) {
    public MaxCoverage {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(covers, "covers");
        for (int d = 0; d < weights.length; d++) {
            if (!(weights[d] > 0 && Double.isFinite(weights[d])))
                throw new IllegalArgumentException("demand weight " + d + " must be finite and > 0, was " + weights[d]);
        }
        int[][] copy = new int[covers.length][];
        for (int c = 0; c < covers.length; c++) {
            int[] s = covers[c].clone();
            Arrays.sort(s);
            for (int k = 0; k < s.length; k++) {
                if (s[k] < 0 || s[k] >= weights.length)
                    throw new IllegalArgumentException("candidate " + c + " covers unknown demand " + s[k]);
                if (k > 0 && s[k] == s[k - 1])
                    throw new IllegalArgumentException("candidate " + c + " lists demand " + s[k] + " twice");
            }
            copy[c] = s;
        }
        weights = weights.clone();
        covers = copy;
    }

    public int candidates() {
        return covers.length;
    }

    /** Total weight covered by a set of candidates (the objective f). */
    public double value(int... picks) {
        boolean[] seen = new boolean[weights.length];
        double total = 0;
        for (int c : picks) {
            for (int d : covers[c]) {
                if (!seen[d]) {
                    seen[d] = true;
                    total += weights[d];
                }
            }
        }
        return total;
    }
}
