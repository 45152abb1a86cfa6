package org.sightline.engine.outreach;

import java.util.ArrayList;
import java.util.List;

/**
 * Lazy greedy (CELF, Leskovec et al. 2007) for weighted maximum coverage: picks k candidates, each
 * time the one with the largest marginal gain (ties: lower candidate index), re-evaluating a
 * candidate only when its stale gain reaches the top of the heap. Because coverage is submodular,
 * stale gains are upper bounds of current ones, so the result equals plain greedy's and is within
 * 1 − 1/e of the optimum; the online bound states the actual gap, usually far smaller.
 *
 * <p>Cost: O(m log m) heap operations plus one pass over a candidate's demand list per
 * re-evaluation; the bound costs O(k log k) per pick.
 */
public final class LazyGreedy {
    private LazyGreedy() {}

    public static GreedyPlan solve(MaxCoverage problem, int k) {
        if (k < 0) throw new IllegalArgumentException("k must be >= 0, was " + k);
        int m = problem.candidates();
        double[] w = problem.weights();
        int[][] covers = problem.covers();
        boolean[] covered = new boolean[w.length];
        double[] gain = new double[m]; // stale marginal gains: upper bounds of the current ones
        int[] stamp = new int[m]; // the pick count at which gain[c] was computed
        int[] heap = new int[m];
        for (int c = 0; c < m; c++) {
            double g = 0;
            for (int d : covers[c]) g += w[d];
            gain[c] = g;
            heap[c] = c;
        }
        int size = m;
        for (int i = size / 2 - 1; i >= 0; i--) siftDown(heap, size, i, gain);

        List<GreedyPlan.Pick> picks = new ArrayList<>();
        double total = 0;
        double bound = Double.POSITIVE_INFINITY;
        int target = Math.min(k, m);
        while (picks.size() < target && size > 0) {
            int top = heap[0];
            if (stamp[top] != picks.size()) {
                double g = 0;
                for (int d : covers[top]) if (!covered[d]) g += w[d];
                gain[top] = g;
                stamp[top] = picks.size();
                siftDown(heap, size, 0, gain);
                continue;
            }
            // the online bound for the current set S_i, from stale gains (valid upper bounds); once
            // per pick, when the top is fresh, so it costs O(m) per pick, not per re-evaluation
            bound = Math.min(bound, total + sumOfLargest(gain, heap, size, k));
            if (gain[top] <= 0) break; // nothing left to gain: stop early and say so via picks.size()
            heap[0] = heap[--size];
            siftDown(heap, size, 0, gain);
            for (int d : covers[top]) covered[d] = true;
            total += gain[top];
            picks.add(new GreedyPlan.Pick(picks.size() + 1, top, gain[top], total, bound));
        }
        bound = Math.min(bound, total + sumOfLargest(gain, heap, size, k));
        // every step's bound is ≥ OPT ≥ total; rounding aside, so is the final one
        return new GreedyPlan(picks, Math.max(bound, total), k, m);
    }

    /**
     * Sum of the k largest stale gains among the candidates still in the heap, in O(k log k): a
     * best-first walk of the max-heap from its root (a node's children are never larger than it).
     * The frontier is itself a small binary max-heap of heap positions.
     */
    private static double sumOfLargest(double[] gain, int[] heap, int size, int k) {
        int[] frontier = new int[Math.min(size, 2 * k + 2)];
        int n = 0;
        double s = 0;
        if (size == 0 || k == 0) return 0;
        frontier[n++] = 0;
        for (int taken = 0; taken < k && n > 0; taken++) {
            int pos = frontier[0];
            frontier[0] = frontier[--n];
            siftDownPositions(frontier, n, heap, gain);
            s += Math.max(0, gain[heap[pos]]);
            for (int child = 2 * pos + 1; child <= 2 * pos + 2 && child < size; child++) {
                if (n == frontier.length) frontier = java.util.Arrays.copyOf(frontier, 2 * n);
                frontier[n] = child;
                siftUpPositions(frontier, n++, heap, gain);
            }
        }
        return s;
    }

    private static void siftDownPositions(int[] f, int n, int[] heap, double[] gain) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= n) return;
            int r = l + 1;
            int best = r < n && gain[heap[f[r]]] > gain[heap[f[l]]] ? r : l;
            if (gain[heap[f[best]]] <= gain[heap[f[i]]]) return;
            int t = f[i];
            f[i] = f[best];
            f[best] = t;
            i = best;
        }
    }

    private static void siftUpPositions(int[] f, int i, int[] heap, double[] gain) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (gain[heap[f[parent]]] >= gain[heap[f[i]]]) return;
            int t = f[i];
            f[i] = f[parent];
            f[parent] = t;
            i = parent;
        }
    }

    /** Max-heap on gain, ties to the lower candidate index. */
    private static boolean before(int a, int b, double[] gain) {
        return gain[a] > gain[b] || (gain[a] == gain[b] && a < b);
    }

    private static void siftDown(int[] heap, int size, int i, double[] gain) {
        int x = heap[i];
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) break;
            int r = l + 1;
            int best = (r < size && before(heap[r], heap[l], gain)) ? r : l;
            if (!before(heap[best], x, gain)) break;
            heap[i] = heap[best];
            i = best;
        }
        heap[i] = x;
    }
}
