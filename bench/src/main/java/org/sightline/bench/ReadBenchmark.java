package org.sightline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.io.ColumnMap;
import org.sightline.engine.io.FootprintReader;
import org.sightline.engine.io.InputLayers;
import org.sightline.engine.io.LayerResult;
import org.sightline.engine.io.ReadOptions;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.synth.SynthOptions;
import org.sightline.engine.synth.SyntheticCity;

/**
 * Wall time to read, validate and project the charlotte preset's 411,456 building footprints
 * (buildings.geojson, ~118 MB) to its UTM zone. The budget is 4 s warm on one core, so that a whole
 * {@code sightline coverage} run fits in 15 s on two.
 *
 * <p>Measured on the shared 2-core machine (busy; ± is large), {@code -wi 1 -i 3}: with {@code
 * -jvmArgsAppend -XX:ActiveProcessorCount=1} (one core, serial GC) read 2.3 s and read + project
 * 3.0 s warm, 5.1 s and 4.3 s for the first shot in a fresh JVM; the two-pass, tree-based reader
 * before it took 3.8 s and 4.2 s warm, 8.5 s and 9.3 s first shot. On both cores (G1): 3.7 s and
 * 4.0 s warm, against 5.2 s and 6.3 s before.
 *
 * <p>The city is taken from {@code -Dsightline.demoCity=DIR}, else {@code .sightline/demo/charlotte-seed1}
 * under the working directory, and generated there when absent.
 *
 * <pre>java -Dsightline.demoCity=/path/to/charlotte-seed1 -jar bench/target/benchmarks.jar ReadBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ReadBenchmark {
    private Path buildings;
    private MetricCrs crs;

    @Setup(Level.Trial)
    public void city() {
        Path dir = Path.of(System.getProperty("sightline.demoCity", ".sightline/demo/charlotte-seed1"));
        if (!Files.isRegularFile(dir.resolve("buildings.geojson")))
            SyntheticCity.generate(dir, SynthOptions.of("charlotte", 1, 1));
        buildings = dir.resolve("buildings.geojson");
        crs = MetricCrs.of("EPSG:32617");
    }

    /** Parse + validate: the accepted footprints in WGS84. */
    @Benchmark
    public LayerResult<Footprint> read() {
        return FootprintReader.read(buildings, ColumnMap.NONE, ReadOptions.DEFAULTS);
    }

    /** Parse + validate + project to metres, as {@code InputLayers.project} does. */
    @Benchmark
    public List<Footprint> readAndProject() {
        LayerResult<Footprint> r = FootprintReader.read(buildings, ColumnMap.NONE, ReadOptions.DEFAULTS);
        InputLayers layers =
                new InputLayers(Optional.empty(), Optional.of(r), Optional.empty(), Optional.empty(), Optional.empty());
        return layers.project(crs).buildings();
    }
}
