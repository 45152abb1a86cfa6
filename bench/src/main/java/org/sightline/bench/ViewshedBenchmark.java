package org.sightline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.io.ColumnMap;
import org.sightline.engine.io.FootprintReader;
import org.sightline.engine.io.ReadOptions;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.viewshed.Footprints;
import org.sightline.engine.viewshed.Scenes;
import org.sightline.engine.viewshed.Viewshed;
import org.sightline.engine.viewshed.ViewshedOptions;
import org.sightline.engine.viewshed.Viewsheds;

/**
 * Time per camera of {@link Viewsheds#of} on one thread, façade cameras of fov 90° and range
 * 30–150 m. Target: median ≤ 10 µs, p99 ≤ 50 µs. Each call computes the next camera's viewshed
 * (round robin), so the sampled distribution is the distribution over cameras.
 *
 * <ul>
 *   <li>{@code charlotte}: {@link Scenes#charlotteDensity} (≈ 3,000 rectangular houses per km²) on
 *       2 km × 2 km, 4,096 cameras exactly on façades (so every one is nudged out first);
 *   <li>{@code uptown}: the 1,069 real OSM buildings of Charlotte Uptown ({@code
 *       charlotte/osm_uptown_buildings.geojson} of the shared data, read with {@link FootprintReader}
 *       and projected to UTM 17N), a camera 0.2 m out from the middle of every wall of at least 3 m
 *       ({@link Scenes#facadeCameras}).
 * </ul>
 *
 * <p>The shared data directory is the system property {@code sightline.sharedData}, by default
 * {@code ../shared/data} relative to the working directory.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar ViewshedBenchmark -f 1 -wi 3 -i 5
 * java -jar bench/target/benchmarks.jar ViewshedBenchmark -jvmArgsAppend -Dsightline.sharedData=/path/to/data
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ViewshedBenchmark {
    @Param({"charlotte", "uptown"})
    String scene;

    private Footprints footprints;
    private Camera[] cameras;
    private int next;
    private final ViewshedOptions options = ViewshedOptions.defaults();

    @Setup(Level.Trial)
    public void setUp() {
        List<Footprint> fps;
        List<Camera> cams;
        switch (scene) {
            case "charlotte" -> {
                Scenes.Scene s = Scenes.charlotteDensity(3, 2_000, 4_096, 430_000, 3_900_000);
                fps = s.footprints();
                cams = s.cameras();
            }
            case "uptown" -> {
                fps = uptown();
                cams = Scenes.facadeCameras(fps, new Random(42));
            }
            default -> throw new IllegalArgumentException("unknown scene " + scene);
        }
        footprints = Footprints.of(fps, options);
        cameras = cams.toArray(Camera[]::new);
        System.err.printf("setup %s: %s, %d cameras%n", scene, footprints, cameras.length);
    }

    static List<Footprint> uptown() {
        Path dir = Path.of(System.getProperty("sightline.sharedData", "../shared/data"));
        Path file = dir.resolve("charlotte/osm_uptown_buildings.geojson");
        if (!Files.isReadable(file)) {
            String msg = "Uptown footprints not found at " + file.toAbsolutePath()
                    + ": run from the repository root next to ../shared, or pass"
                    + " -jvmArgsAppend -Dsightline.sharedData=<dir containing charlotte/>";
            System.err.println(msg);
            throw new IllegalStateException(msg);
        }
        MetricCrs utm17 = MetricCrs.of("EPSG:32617");
        return FootprintReader.read(file, ColumnMap.NONE, ReadOptions.DEFAULTS).accepted().stream()
                .map(utm17::toMetric)
                .toList();
    }

    @Benchmark
    public Viewshed viewshed() {
        Camera c = cameras[next];
        next = next + 1 == cameras.length ? 0 : next + 1;
        return Viewsheds.of(c, footprints, options);
    }
}
