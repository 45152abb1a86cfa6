package org.sightline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sightline.engine.city.City;
import org.sightline.engine.dispatch.DispatchIndex;
import org.sightline.engine.dispatch.DispatchOptions;
import org.sightline.engine.dispatch.Suggestion;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.io.Inputs;
import org.sightline.engine.io.Layer;
import org.sightline.engine.io.MetricLayers;
import org.sightline.engine.model.Incident;
import org.sightline.engine.synth.SynthOptions;
import org.sightline.engine.synth.SyntheticCity;
import org.sightline.engine.viewshed.ViewshedOptions;

/**
 * Dispatch ranking on the synthetic charlotte preset (3,438 cameras, 120,000 incidents): one query
 * (p50/p99 per call, target p99 ≤ 5 µs) and all incidents (target ≤ 2 s on 2 cores). The city is
 * generated once into {@code .sightline/demo/charlotte-seed1} (as {@code sightline demo} does) or
 * reused from there; loading it and building the index is not timed.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar DispatchBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
// transparent huge pages, as the sightline launcher runs the service (README.md), where the queries
// are asked: the index (~100 MB) is read at random, and its TLB misses are much of the slowest
// queries' time
@Fork(
        value = 1,
        jvmArgs = {"-Xmx8g", "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DispatchBenchmark {
    DispatchIndex index;
    List<Incident> incidents;
    int next;
    /** The incidents as a request brings them: coordinates and a time, nothing else. */
    double[] xs, ys;

    long[] seconds;

    @Setup
    public void setup() {
        Path dir = Path.of(System.getProperty("sightline.demoCity", ".sightline/demo/charlotte-seed1"));
        if (!Files.exists(dir.resolve("city.json"))) SyntheticCity.generate(dir, SynthOptions.of("charlotte", 1, 1));
        Map<Layer, Path> files = new EnumMap<>(Layer.class);
        files.put(Layer.CAMERAS, dir.resolve("cameras.csv"));
        files.put(Layer.BUILDINGS, dir.resolve("buildings.geojson"));
        files.put(Layer.INCIDENTS, dir.resolve("incidents.csv"));
        files.put(Layer.STREETS, dir.resolve("streets.geojson"));
        MetricLayers m = Inputs.load(Inputs.Request.of(files));
        City city = new City(
                m.crs(), m.cameras(), m.buildings(), m.incidents(), m.areas(), m.streets(), ViewshedOptions.defaults());
        index = city.dispatchIndex(DispatchOptions.DEFAULTS.approachM());
        incidents = m.incidents();
        xs = new double[incidents.size()];
        ys = new double[incidents.size()];
        seconds = new long[incidents.size()];
        for (int k = 0; k < incidents.size(); k++) {
            xs[k] = incidents.get(k).position().getX();
            ys[k] = incidents.get(k).position().getY();
            seconds[k] = incidents.get(k).occurredAt().getEpochSecond();
        }
    }

    /** One incident at a time, cycling through the incident file (so queries land where crime is). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Suggestion> oneQuery() {
        Incident i = incidents.get(next);
        next = next + 1 == incidents.size() ? 0 : next + 1;
        return index.rank(i.id(), i.position(), i.occurredAt(), i.occurredAt(), DispatchOptions.DEFAULTS);
    }

    /**
     * {@link #oneQuery} as the service asks it: the point and time arrive as numbers in a request
     * and become a fresh Point and Instant (in {@link #oneQuery} the harness's own read of a cold
     * {@code Incident} record, its Point and its Instant, several cache misses, is timed too).
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Suggestion> requestQuery() {
        int k = next;
        next = next + 1 == xs.length ? 0 : next + 1;
        Instant t = Instant.ofEpochSecond(seconds[k]);
        return index.rank(
                "query", Geometries.FACTORY.createPoint(new Coordinate(xs[k], ys[k])), t, t, DispatchOptions.DEFAULTS);
    }

    /** Every incident of the preset, on all cores. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<List<Suggestion>> allIncidents() {
        return index.rankAll(incidents, Incident::occurredAt, DispatchOptions.DEFAULTS, true);
    }
}
