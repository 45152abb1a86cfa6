package org.sightline.bench;

import java.util.List;
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
import org.sightline.engine.model.Footprint;
import org.sightline.engine.viewshed.Footprints;
import org.sightline.engine.viewshed.Scenes;

/**
 * Building the occluders of a county: {@link Footprints#of} on 300,000 typical footprints
 * (rectangles, rotated rectangles, L and U shapes, terraces sharing walls; {@link Scenes#county}).
 * Target: ≤ 2 s on one thread. Each call is one whole build, so the mode is single-shot.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar FootprintsBenchmark -f 1 -wi 2 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class FootprintsBenchmark {
    @Param({"300000"})
    int footprints;

    private List<Footprint> county;

    @Setup(Level.Trial)
    public void setUp() {
        county = Scenes.county(11, footprints, 430_000, 3_900_000);
        System.err.printf("setup: %d footprints%n", county.size());
    }

    @Benchmark
    public Footprints build() {
        return Footprints.of(county);
    }
}
