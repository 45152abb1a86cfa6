package org.sightline.engine.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConditionalRandomizationTest {
    private static final SquareCells CELLS = SquareCells.of(GiStarTest.square(0, 0, 4000), 100, 150); // 40 × 40

    @Test
    void aStrongClusterGetsSmallPseudoPAndARandomPatternDoesNot() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] clustered = new double[CELLS.size()];
        double[] random = new double[CELLS.size()];
        for (int i = 0; i < clustered.length; i++) {
            clustered[i] = rnd.nextInt(2);
            random[i] = rnd.nextInt(2) + rnd.nextInt(2);
        }
        int hot = CELLS.indexAt(2050, 2050);
        for (int dx = -1; dx <= 1; dx++)
            for (int dy = -1; dy <= 1; dy++) clustered[CELLS.indexAt(2050 + 100 * dx, 2050 + 100 * dy)] = 12;

        CellNeighbours nb = CELLS.neighbours();
        double[] pc = ConditionalRandomization.pseudoP(clustered, nb, 999, 42, 1);
        assertThat(pc[hot]).as("cluster centre").isEqualTo(0.001);

        double[] pr = ConditionalRandomization.pseudoP(random, nb, 999, 42, 1);
        long small = java.util.Arrays.stream(pr).filter(p -> p <= 0.01).count();
        // one-sided pseudo p under the null: about 1 % of cells at ≤ 0.01, never most of them
        assertThat(small).as("cells with p ≤ 0.01 of %d", pr.length).isLessThan(pr.length / 30);
        double mean = java.util.Arrays.stream(pr).average().orElseThrow();
        assertThat(mean).isGreaterThan(0.3);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] x = new double[CELLS.size()];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextDouble() < 0.3 ? rnd.nextInt(6) : 0;
        CellNeighbours nb = CELLS.neighbours();
        double[] one = ConditionalRandomization.pseudoP(x, nb, 199, 11, 1);
        double[] two = ConditionalRandomization.pseudoP(x, nb, 199, 11, 2);
        double[] three = ConditionalRandomization.pseudoP(x, nb, 199, 11, 3);
        assertThat(two).containsExactly(one);
        assertThat(three).containsExactly(one);
        assertThat(ConditionalRandomization.pseudoP(x, nb, 199, 12, 2)).isNotEqualTo(one);
    }

    @Test
    void zeroCellsAmongZerosAreNotSignificantlyCold() {
        double[] x = new double[CELLS.size()];
        x[0] = 5;
        x[CELLS.size() - 1] = 3;
        double[] p = ConditionalRandomization.pseudoP(x, CELLS.neighbours(), 99, 1, 1);
        // lower tail, ties extreme: nearly every permutation draws only zeros, so p ≈ 1 (PySAL's folding gives 0.01)
        assertThat(p[CELLS.indexAt(2050, 2050)]).isGreaterThan(0.9);
    }

    @Test
    void largeWindowsUseTheStampPathAndAgreeInDistribution() {
        SquareCells wide = SquareCells.of(GiStarTest.square(0, 0, 3000), 100, 350); // 37-cell disc
        double[] x = new double[wide.size()];
        for (int dx = -2; dx <= 2; dx++)
            for (int dy = -2; dy <= 2; dy++) x[wide.indexAt(1550 + 100 * dx, 1550 + 100 * dy)] = 9;
        double[] p = ConditionalRandomization.pseudoP(x, wide.neighbours(), 199, 5, 2);
        assertThat(p[wide.indexAt(1550, 1550)]).isEqualTo(0.005);
    }
}
