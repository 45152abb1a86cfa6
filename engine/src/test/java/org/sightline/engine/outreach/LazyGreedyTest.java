package org.sightline.engine.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LazyGreedyTest {

    @Test
    void picksTheLargestGainFirstAndReportsMarginalGains() {
        MaxCoverage p =
                new MaxCoverage(new double[] {1, 1, 1, 1, 5}, new int[][] {{0, 1, 2}, {4}, {2, 3}, {0, 1, 2, 3}});
        GreedyPlan plan = LazyGreedy.solve(p, 2);
        assertThat(plan.picks()).extracting(GreedyPlan.Pick::candidate).containsExactly(1, 3);
        assertThat(plan.picks()).extracting(GreedyPlan.Pick::gain).containsExactly(5.0, 4.0);
        assertThat(plan.total()).isEqualTo(9);
        assertThat(plan.upperBound()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void tiesGoToTheLowerCandidateIndex() {
        MaxCoverage p = new MaxCoverage(new double[] {2, 2}, new int[][] {{1}, {0}});
        assertThat(LazyGreedy.solve(p, 1).picks().get(0).candidate()).isEqualTo(0);
    }

    @Test
    void aBudgetLargerThanTheCandidatesReturnsEveryUsefulCandidate() {
        MaxCoverage p = new MaxCoverage(new double[] {1, 2, 3}, new int[][] {{0}, {1, 2}, {}});
        GreedyPlan plan = LazyGreedy.solve(p, 10);
        assertThat(plan.picks()).extracting(GreedyPlan.Pick::candidate).containsExactly(1, 0);
        assertThat(plan.requestedK()).isEqualTo(10);
        assertThat(plan.upperBound()).isEqualTo(6);
        assertThat(plan.optimalityGap()).isZero();
    }

    @Test
    void emptyInstanceGivesAnEmptyPlan() {
        GreedyPlan plan = LazyGreedy.solve(new MaxCoverage(new double[0], new int[0][]), 5);
        assertThat(plan.picks()).isEmpty();
        assertThat(plan.total()).isZero();
        assertThat(plan.upperBound()).isZero();
    }

    /** Exhaustive search on tiny instances: greedy ≤ OPT ≤ bound, and greedy = plain (non-lazy) greedy. */
    @Test
    void greedyNeverBeatsTheOptimumAndTheBoundNeverFallsBelowIt() {
        for (long seed = 1; seed <= 400; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int nd = 1 + rnd.nextInt(14), nc = 1 + rnd.nextInt(10), k = 1 + rnd.nextInt(4);
            double[] w = new double[nd];
            for (int d = 0; d < nd; d++) w[d] = rnd.nextInt(3) == 0 ? 1 : rnd.nextDouble(0.1, 5);
            int[][] covers = new int[nc][];
            for (int c = 0; c < nc; c++) {
                List<Integer> s = new ArrayList<>();
                for (int d = 0; d < nd; d++) if (rnd.nextInt(4) == 0) s.add(d);
                covers[c] = s.stream().mapToInt(Integer::intValue).toArray();
            }
            MaxCoverage p = new MaxCoverage(w, covers);
            GreedyPlan plan = LazyGreedy.solve(p, k);
            double opt = exhaustiveOptimum(p, Math.min(k, nc));
            String msg = "seed " + seed;
            assertThat(plan.total()).as(msg).isLessThanOrEqualTo(opt + 1e-9);
            assertThat(plan.upperBound()).as(msg).isGreaterThanOrEqualTo(opt - 1e-9);
            assertThat(plan.total()).as(msg + " (1 - 1/e)").isGreaterThanOrEqualTo((1 - 1 / Math.E) * opt - 1e-9);
            assertThat(plan.total()).as(msg + " equals plain greedy").isCloseTo(plainGreedy(p, k), within(1e-9));
            double previous = Double.POSITIVE_INFINITY;
            for (GreedyPlan.Pick pick : plan.picks()) {
                assertThat(pick.gain()).as(msg + " gains never increase").isLessThanOrEqualTo(previous + 1e-12);
                assertThat(pick.upperBound()).as(msg).isGreaterThanOrEqualTo(opt - 1e-9);
                previous = pick.gain();
            }
        }
    }

    private static double exhaustiveOptimum(MaxCoverage p, int k) {
        int n = p.candidates();
        double best = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) > k) continue;
            int[] picks = new int[Integer.bitCount(mask)];
            int j = 0;
            for (int c = 0; c < n; c++) if ((mask & (1 << c)) != 0) picks[j++] = c;
            best = Math.max(best, p.value(picks));
        }
        return best;
    }

    private static double plainGreedy(MaxCoverage p, int k) {
        List<Integer> chosen = new ArrayList<>();
        for (int step = 0; step < k; step++) {
            int best = -1;
            double bestGain = 0,
                    base = p.value(chosen.stream().mapToInt(Integer::intValue).toArray());
            for (int c = 0; c < p.candidates(); c++) {
                if (chosen.contains(c)) continue;
                List<Integer> with = new ArrayList<>(chosen);
                with.add(c);
                double g = p.value(with.stream().mapToInt(Integer::intValue).toArray()) - base;
                if (g > bestGain + 1e-12) {
                    bestGain = g;
                    best = c;
                }
            }
            if (best < 0) break;
            chosen.add(best);
        }
        return p.value(chosen.stream().mapToInt(Integer::intValue).toArray());
    }
}
