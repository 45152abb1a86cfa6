package org.sightline.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sightline.engine.geo.GridIndex;
import org.sightline.engine.outreach.GreedyPlan;
import org.sightline.engine.outreach.LazyGreedy;
import org.sightline.engine.outreach.MaxCoverage;

/**
 * Lazy greedy (CELF) with the online bound, after the candidate viewsheds exist. Target: 20 000
 * candidates × 100 000 demand points, k = 200, ≤ 50 ms. Demand is clustered like crime (half of it
 * in a few hundred hot spots); each candidate covers the demand within a 90° wedge of 60 m, so the
 * coverage sets have the sizes and overlaps of the real problem.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar OutreachBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OutreachBenchmark {
    @Param({"20000"})
    int candidates;

    @Param({"100000"})
    int demand;

    @Param({"200"})
    int k;

    MaxCoverage problem;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        double side = 10_000;
        double[] x = new double[demand], y = new double[demand], w = new double[demand];
        double[][] hot = new double[300][];
        for (int h = 0; h < hot.length; h++) hot[h] = new double[] {rnd.nextDouble(side), rnd.nextDouble(side)};
        for (int d = 0; d < demand; d++) {
            if (d % 2 == 0) {
                double[] c = hot[rnd.nextInt(hot.length)];
                x[d] = c[0] + rnd.nextGaussian() * 40;
                y[d] = c[1] + rnd.nextGaussian() * 40;
            } else {
                x[d] = rnd.nextDouble(side);
                y[d] = rnd.nextDouble(side);
            }
            w[d] = 1 + rnd.nextInt(3) * 0.5;
        }
        GridIndex grid = new GridIndex(64, x, y, x, y);
        GridIndex.Cursor cur = grid.cursor();
        int[][] covers = new int[candidates][];
        for (int c = 0; c < candidates; c++) {
            // sites near the demand, as derived sites are
            int anchor = rnd.nextInt(demand);
            double cx = x[anchor] + rnd.nextDouble(-30, 30), cy = y[anchor] + rnd.nextDouble(-30, 30);
            double heading = rnd.nextDouble(2 * Math.PI), range = 60;
            cur.query(cx - range, cy - range, cx + range, cy + range);
            int[] found = new int[cur.count];
            int f = 0;
            for (int j = 0; j < cur.count; j++) {
                int d = cur.found[j];
                double dx = x[d] - cx, dy = y[d] - cy;
                if (dx * dx + dy * dy > range * range) continue;
                double diff = Math.abs(Math.IEEEremainder(Math.atan2(dx, dy) - heading, 2 * Math.PI));
                if (diff <= Math.PI / 4) found[f++] = d;
            }
            covers[c] = java.util.Arrays.copyOf(found, f);
        }
        problem = new MaxCoverage(w, covers);
    }

    @Benchmark
    public GreedyPlan lazyGreedyWithBound() {
        return LazyGreedy.solve(problem, k);
    }
}
