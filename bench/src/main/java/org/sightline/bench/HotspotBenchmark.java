package org.sightline.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.hotspot.CellNeighbours;
import org.sightline.engine.hotspot.ConditionalRandomization;
import org.sightline.engine.hotspot.FalseDiscovery;
import org.sightline.engine.hotspot.GiScores;
import org.sightline.engine.hotspot.GiStar;
import org.sightline.engine.hotspot.GridSpec;
import org.sightline.engine.hotspot.GridWindow;
import org.sightline.engine.hotspot.H3Cells;
import org.sightline.engine.hotspot.LonLatProjection;
import org.sightline.engine.hotspot.QuarticKde;

/**
 * Hotspot kernels at city scale. Targets: Gi* on 1 000 000 square cells ≤ 10 ms, quartic KDE on
 * 1 000 000 cells ≤ 50 ms, 999-permutation pseudo p-values on 14 000 H3 cells ≤ 1 s on 2 cores.
 * Cells, counts and neighbour lists are built in {@code @Setup}; only the statistics are timed.
 *
 * <pre>
 * mvn -B -q -o -pl engine,jobs,bench -am -Dspotless.check.skip=true -DskipTests package
 * java -jar bench/target/benchmarks.jar HotspotBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HotspotBenchmark {
    /** Side of the square raster, in cells (1000 → 1 000 000 cells). */
    @Param({"1000"})
    int side;

    /** Incidents spread over the raster (a mixture of clusters and background). */
    @Param({"100000"})
    int incidents;

    /** Cell size in metres for the KDE raster (bandwidth 200 m). */
    @Param({"30"})
    double kdeCell;

    /** Worker threads of the permutation benchmark. */
    @Param({"2"})
    int threads;

    private double[] raster;
    private byte[] mask;
    private GridWindow window;
    private double[] xs, ys, ws;
    private GridSpec kdeGrid;
    private double[] h3Counts;
    private CellNeighbours h3Neighbours;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(2024);
        double cell = 100;
        raster = new double[side * side];
        mask = new byte[side * side];
        Arrays.fill(mask, (byte) 1);
        window = GridWindow.of(1.5 * cell, cell);
        xs = new double[incidents];
        ys = new double[incidents];
        ws = new double[incidents];
        double extent = side * kdeCell;
        double[][] centres = new double[40][];
        for (int c = 0; c < centres.length; c++)
            centres[c] = new double[] {rnd.nextDouble() * extent, rnd.nextDouble() * extent};
        for (int k = 0; k < incidents; k++) {
            double x, y;
            if (rnd.nextDouble() < 0.5) {
                double[] c = centres[rnd.nextInt(centres.length)];
                x = c[0] + rnd.nextDouble() * 400 - 200;
                y = c[1] + rnd.nextDouble() * 400 - 200;
            } else {
                x = rnd.nextDouble() * extent;
                y = rnd.nextDouble() * extent;
            }
            xs[k] = Math.min(Math.max(x, 0), extent - 1e-6);
            ys[k] = Math.min(Math.max(y, 0), extent - 1e-6);
            ws[k] = 1;
            // the Gi* raster has 100 m cells: scale the positions onto it
            int c = (int) (xs[k] / extent * side);
            int r = (int) (ys[k] / extent * side);
            raster[r * side + c] += 1;
        }
        kdeGrid = new GridSpec(kdeCell, 0, 0, side, side);

        // ~14 000 H3 cells of resolution 9 (~0.105 km² each): a disc of radius 20.35 km
        LonLatProjection proj = equirectangular(-80.84, 35.22);
        H3Cells h3 = H3Cells.of(Geometries.point(0, 0).buffer(20_350, 32), 9, proj);
        h3Counts = new double[h3.size()];
        for (int k = 0; k < incidents / 4; k++) {
            double a = rnd.nextDouble() * 2 * Math.PI;
            double d = 20_000 * Math.sqrt(rnd.nextDouble()) * (rnd.nextDouble() < 0.4 ? 0.1 : 1);
            int i = h3.indexAt(d * Math.cos(a), d * Math.sin(a));
            if (i >= 0) h3Counts[i] += 1;
        }
        h3Neighbours = h3.neighbours();
        System.err.printf(
                "setup: %d square cells, %d incidents, %d H3 cells (res 9)%n", side * side, incidents, h3.size());
    }

    /** Gi* z-scores on 1 000 000 cells, 3×3 window (band 1.5 × cell). */
    @Benchmark
    public GiScores giStarZ() {
        return GiStar.onGrid(raster, mask, side, side, window);
    }

    /** Gi* z, two-sided p and BH-FDR bins on 1 000 000 cells: the whole inference. */
    @Benchmark
    public byte[] giStarWithBins() {
        double[] p = new double[side * side]; // every cell is a study cell (the mask is all ones)
        FalseDiscovery.Inference inference = new FalseDiscovery.Inference(p); // as Hotspots does
        GiScores gi = GiStar.onGrid(raster, mask, side, side, window, inference);
        return inference.bins(gi.z());
    }

    /** Quartic KDE (h = 200 m) at the centres of 1 000 000 cells. */
    @Benchmark
    public double[] kde() {
        return QuarticKde.raster(xs, ys, ws, kdeGrid, 200);
    }

    /** 999 conditional permutations of Gi* on ~14 000 H3 cells (ring-1 neighbourhoods). */
    @Benchmark
    public double[] permutationsH3() {
        return ConditionalRandomization.pseudoP(h3Counts, h3Neighbours, 999, 7, threads);
    }

    private static LonLatProjection equirectangular(double lon0, double lat0) {
        double ky = Math.PI / 180 * 6_371_008.8;
        double kx = ky * Math.cos(Math.toRadians(lat0));
        return new LonLatProjection() {
            @Override
            public Coordinate toLonLat(double x, double y) {
                return new Coordinate(lon0 + x / kx, lat0 + y / ky);
            }

            @Override
            public Coordinate toMetric(double lon, double lat) {
                return new Coordinate((lon - lon0) * kx, (lat - lat0) * ky);
            }
        };
    }
}
