package org.sightline.engine.outreach;

import java.util.List;

/**
 * The result of {@link LazyGreedy}: picks in order, each with its marginal gain and the cumulative
 * covered weight, and an upper bound on the optimum over all k-subsets.
 *
 * @param upperBound min over the greedy steps of f(S_i) + the k largest marginal gains w.r.t. S_i
 *     (Leskovec et al. 2007, online bound); f(S_k) ≤ OPT ≤ upperBound
 * @param requestedK the budget asked for; {@code picks.size()} is smaller when there are fewer
 *     candidates, or when no remaining candidate adds anything
 */
public record GreedyPlan(List<Pick> picks, double upperBound, int requestedK, int candidates) {
    public GreedyPlan {
        picks = List.copyOf(picks);
    }

    /** One pick: {@code candidate} index, its marginal gain, the running total, the bound at that step. */
    public record Pick(int rank, int candidate, double gain, double cumulative, double upperBound) {}

    public double total() {
        return picks.isEmpty() ? 0 : picks.get(picks.size() - 1).cumulative();
    }

    /** (bound − achieved) / bound: how far from optimal the plan can at most be; 0 when bound is 0. */
    public double optimalityGap() {
        return upperBound > 0 ? (upperBound - total()) / upperBound : 0;
    }
}
