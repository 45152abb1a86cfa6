package org.sightline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sightline.engine.synth.CitySummary;
import org.sightline.engine.synth.SynthOptions;
import org.sightline.engine.synth.SyntheticCity;

/**
 * Wall time to generate a whole synthetic city (all six files) into a temporary folder. The budget
 * for the charlotte preset (~410,000 buildings, 120,000 incidents, ~140 MB of output) is 60 s on two
 * cores; it is single-threaded by design (byte-for-byte determinism).
 *
 * <pre>java -jar bench/target/benchmarks.jar GenerateBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class GenerateBenchmark {
    @Param({"charlotte"})
    public String preset;

    @Param({"1"})
    public double scale;

    private Path dir;

    @Setup(Level.Trial)
    public void createDir() throws IOException {
        dir = Files.createTempDirectory("sightline-generate-bench");
    }

    @TearDown(Level.Trial)
    public void deleteDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public CitySummary generate() {
        return SyntheticCity.generate(dir, SynthOptions.of(preset, 1, scale));
    }
}
