package org.sightline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
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
import org.sightline.engine.coverage.CameraView;
import org.sightline.engine.coverage.Coverage;
import org.sightline.engine.coverage.CoverageResult;
import org.sightline.engine.coverage.OutdoorArea;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Street;
import org.sightline.engine.viewshed.Footprints;
import org.sightline.engine.viewshed.Scenes;
import org.sightline.engine.viewshed.Viewshed;
import org.sightline.engine.viewshed.Viewsheds;

/**
 * Coverage aggregation of 3,438 viewsheds (the camera count of the charlotte preset): façade cameras
 * of fov 90° and range 30–150 m on a {@link Scenes#charlotteDensity} scene of {@code sizeM} ×
 * {@code sizeM} metres, 60 areas tiling it (6 × 10), and a street grid every 200 m (vertices every
 * 50 m). Viewsheds, areas, streets and outdoor areas are built in {@code @Setup}; only the
 * aggregation is timed. Target: {@link Coverage#compute} ≤ 200 ms.
 *
 * <p>{@code plainJtsUnion} is the baseline of the issue: one {@link UnaryUnionOp} (OverlayNG) of the
 * same viewsheds, then one intersection per area. It computes only the covered area per area (no
 * depth levels, live coverage, unique areas or streets), so the comparison favours it.
 *
 * <p>4 km × 4 km puts the 3,438 cameras at about 215 per km²: their viewsheds overlap far more than
 * in the 1,050 km² preset, which makes this a hard case for both methods.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar CoverageBenchmark -f 1 -wi 3 -i 5
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
public class CoverageBenchmark {
    @Param({"3438"})
    int cameras;

    @Param({"4000"})
    double sizeM;

    private List<CameraView> views;
    private List<Area> areas;
    private List<Street> streets;
    private double[] outdoorM2;

    @Setup(Level.Trial)
    public void setUp() {
        double x0 = 430_000, y0 = 3_900_000;
        Scenes.Scene scene = Scenes.charlotteDensity(5, sizeM, 2 * cameras, x0, y0);
        Footprints fp = Footprints.of(scene.footprints());
        views = new ArrayList<>(cameras);
        for (Camera c : scene.cameras()) {
            Viewshed v = Viewsheds.of(c, fp);
            if (v.isEmpty()) continue;
            views.add(new CameraView(c.id(), v.geometry(), views.size() % 3 == 0));
            if (views.size() == cameras) break;
        }
        if (views.size() < cameras) throw new IllegalStateException("only " + views.size() + " non-empty viewsheds");
        areas = new ArrayList<>();
        int cols = 6, rows = 10;
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < rows; j++) {
                Envelope e = new Envelope(
                        x0 + i * sizeM / cols,
                        x0 + (i + 1) * sizeM / cols,
                        y0 + j * sizeM / rows,
                        y0 + (j + 1) * sizeM / rows);
                areas.add(new Area("a" + i + "_" + j, "", Geometries.FACTORY.toGeometry(e)));
            }
        }
        streets = new ArrayList<>();
        for (double d = 100; d < sizeM; d += 200) {
            streets.add(street("h" + (int) d, x0, y0 + d, 1, 0));
            streets.add(street("v" + (int) d, x0 + d, y0, 0, 1));
        }
        outdoorM2 = OutdoorArea.perArea(areas, fp.merged());
        System.err.printf(
                "setup: %s; %d viewsheds, %d areas, %d streets%n", fp, views.size(), areas.size(), streets.size());
    }

    private Street street(String id, double x, double y, double dx, double dy) {
        int n = (int) (sizeM / 50);
        Coordinate[] cs = new Coordinate[n + 1];
        for (int k = 0; k <= n; k++) cs[k] = new Coordinate(x + dx * k * sizeM / n, y + dy * k * sizeM / n);
        return new Street(id, "", Geometries.FACTORY.createLineString(cs));
    }

    /** The engine's exact boundary-integral coverage, all cores. */
    @Benchmark
    public CoverageResult coverageParallel() {
        return Coverage.compute(views, areas, streets, outdoorM2, true);
    }

    /** The same on one thread. */
    @Benchmark
    public CoverageResult coverageOneThread() {
        return Coverage.compute(views, areas, streets, outdoorM2, false);
    }

    /** Baseline: a plain OverlayNG union of the viewsheds, then covered m² per area by intersection. */
    @Benchmark
    public double[] plainJtsUnion() {
        Geometry union =
                UnaryUnionOp.union(views.stream().map(CameraView::viewshed).toList());
        double[] covered = new double[areas.size()];
        for (int a = 0; a < covered.length; a++) {
            covered[a] = OverlayNGRobust.overlay(union, areas.get(a).geometry(), OverlayNG.INTERSECTION)
                    .getArea();
        }
        return covered;
    }
}
