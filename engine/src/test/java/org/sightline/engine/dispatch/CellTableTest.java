package org.sightline.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellTableTest {
    /** Every box that holds a point is in the point's cell, once, and the cell's boxes ascend. */
    @Test
    void aPointsCellListsEveryBoxHoldingItInOrder() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 1 + rnd.nextInt(200);
            // odd seeds put a few boxes far away, so the table is sparse (binary search)
            double far = seed % 2 == 1 ? 5e6 : 0;
            double[] x0 = new double[n], y0 = new double[n], x1 = new double[n], y1 = new double[n];
            for (int i = 0; i < n; i++) {
                double x = rnd.nextDouble(-500, 500) + (rnd.nextInt(10) == 0 ? far : 0);
                double y = rnd.nextDouble(-500, 500) - (rnd.nextInt(10) == 0 ? far : 0);
                x0[i] = x;
                y0[i] = y;
                x1[i] = x + (rnd.nextInt(8) == 0 ? 0 : rnd.nextDouble(0, 300));
                y1[i] = y + (rnd.nextInt(8) == 0 ? 0 : rnd.nextDouble(0, 300));
                if (rnd.nextInt(30) == 0) { // an empty box
                    x0[i] = Double.POSITIVE_INFINITY;
                    x1[i] = Double.NEGATIVE_INFINITY;
                }
            }
            double cell = new double[] {16, 64, 128}[rnd.nextInt(3)];
            CellTable t = new CellTable(cell, x0, y0, x1, y1);
            for (int q = 0; q < 300; q++) {
                double px, py;
                if (rnd.nextInt(4) == 0) { // a box corner
                    int i = rnd.nextInt(n);
                    px = rnd.nextBoolean() ? x0[i] : x1[i];
                    py = rnd.nextBoolean() ? y0[i] : y1[i];
                } else {
                    px = rnd.nextDouble(-700, 900) + (rnd.nextInt(10) == 0 ? far : 0);
                    py = rnd.nextDouble(-700, 900) - (rnd.nextInt(10) == 0 ? far : 0);
                }
                List<Integer> want = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (x0[i] <= px && px <= x1[i] && y0[i] <= py && py <= y1[i]) want.add(i);
                }
                long range = t.range(t.cellOf(px), t.cellOf(py));
                List<Integer> got = new ArrayList<>();
                for (int e = (int) (range >>> 32); e < (int) range; e++) {
                    int i = t.entries[e];
                    if (x0[i] <= px && px <= x1[i] && y0[i] <= py && py <= y1[i]) got.add(i);
                }
                assertThat(got)
                        .as("seed %d, query %d at (%s, %s)", seed, q, px, py)
                        .isEqualTo(want);
            }
        }
    }
}
