package org.sightline.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Envelope;
import org.sightline.engine.geo.MetricCrs;

/**
 * A pipeline output folder as docs/outputs.md lays it out: {@code run.json}, {@code summary.json},
 * {@code rejects/} and one folder per stage. Missing files are not errors: each look-up returns an
 * empty {@link Optional}, and the report leaves the section out with a note.
 */
public final class RunFolder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final JsonNode run;
    private final JsonNode summary;
    /** Look-ups read once, possibly ahead of need on a {@link Background} thread ({@link #prefetch}). */
    private final Map<String, FutureTask<Optional<Table>>> tables = new ConcurrentHashMap<>();

    private final Map<String, FutureTask<Optional<List<Feature>>>> layers = new ConcurrentHashMap<>();
    private MetricCrs crs;

    private RunFolder(Path dir) {
        this.dir = dir;
        this.run = readJson(dir.resolve("run.json"));
        this.summary = readJson(dir.resolve("summary.json"));
    }

    /** @throws IllegalArgumentException if {@code dir} is not a folder */
    public static RunFolder open(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("--in " + dir + " is not a folder");
        return new RunFolder(dir.toAbsolutePath().normalize());
    }

    public Path dir() {
        return dir;
    }

    /** {@code run.json}, or a missing node. */
    public JsonNode run() {
        return run;
    }

    /** {@code summary.json}, or a missing node. */
    public JsonNode summary() {
        return summary;
    }

    public boolean exists(String relative) {
        return Files.isRegularFile(dir.resolve(relative));
    }

    /** A CSV table such as {@code coverage/areas.csv}. */
    public Optional<Table> table(String relative) {
        return once(tables, relative, () -> {
            Path p = dir.resolve(relative);
            return Files.isRegularFile(p) ? Optional.of(Table.read(p)) : Optional.empty();
        });
    }

    /** A JSON file such as {@code coverage/city.json}. */
    public Optional<JsonNode> json(String relative) {
        Path p = dir.resolve(relative);
        return Files.isRegularFile(p) ? Optional.of(readJson(p)) : Optional.empty();
    }

    /** A GeoJSON output such as {@code gaps/gaps.geojson}, in lon/lat. */
    public Optional<List<Feature>> geojson(String relative) {
        return once(layers, relative, () -> {
            Path p = dir.resolve(relative);
            return Files.isRegularFile(p) ? Optional.of(GeoJson.read(p)) : Optional.empty();
        });
    }

    /** The input file of a layer ({@code run.json} → {@code inputs.<layer>}), if given and present. */
    public Optional<Path> input(String layer) {
        JsonNode n = run.path("inputs").path(layer);
        if (!n.isTextual() || n.asText().isBlank()) return Optional.empty();
        Path p = Path.of(n.asText());
        if (!p.isAbsolute()) p = dir.resolve(p);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** An input layer read as features (GeoJSON, or CSV with {@code lon, lat} columns), in lon/lat. */
    public Optional<List<Feature>> inputFeatures(String layer) {
        return once(layers, "input:" + layer, () -> input(layer).flatMap(InputLayers::read));
    }

    /**
     * An input layer's geometries without their properties, for layers that are only drawn (the
     * buildings: hundreds of thousands of property maps nobody reads). Shares the full read if one was
     * made.
     */
    public Optional<List<Feature>> inputGeometries(String layer) {
        FutureTask<Optional<List<Feature>>> full = layers.get("input:" + layer);
        if (full != null) return once(layers, "input:" + layer, null);
        return once(
                layers, "input-geometries:" + layer, () -> input(layer).flatMap(p -> InputLayers.read(p, Set.of())));
    }

    /**
     * Starts look-ups on {@link Background} threads, e.g. {@code run.prefetch(() -> run.geojson("x"))}:
     * a later call of the same look-up waits for that read instead of reading again. A failed prefetch
     * fails the later look-up the same way.
     */
    void prefetch(Runnable... lookUps) {
        for (Runnable r : lookUps)
            Background.submit(() -> {
                PREFETCHING.set(true);
                try {
                    r.run();
                } catch (RuntimeException e) {
                    // the look-up's own call rethrows it (the failed read is memoised)
                } finally {
                    PREFETCHING.set(false);
                }
                return null;
            });
    }

    /** Set on a thread running a prefetch: it never waits for a read another thread already runs. */
    private static final ThreadLocal<Boolean> PREFETCHING = ThreadLocal.withInitial(() -> false);

    /** The memoised value of {@code key}: computed here unless another thread already computes it. */
    private static <T> T once(Map<String, FutureTask<T>> memo, String key, Callable<T> load) {
        FutureTask<T> task = memo.get(key);
        if (task == null) {
            FutureTask<T> mine = new FutureTask<>(load);
            task = memo.putIfAbsent(key, mine);
            if (task == null) {
                task = mine;
                mine.run();
            }
        }
        if (PREFETCHING.get() && !task.isDone()) return null; // read elsewhere; nothing to wait for
        return Background.join(task);
    }

    /** {@code rejects/<layer>.csv} tables, by layer name. */
    public Map<String, Table> rejects() {
        Map<String, Table> out = new java.util.TreeMap<>();
        Path r = dir.resolve("rejects");
        if (!Files.isDirectory(r)) return out;
        try (Stream<Path> files = Files.list(r)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                String name = p.getFileName().toString();
                out.put(name.substring(0, name.length() - 4), Table.read(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The metric CRS of the run: {@code run.json metric_crs}, else {@code coverage/city.json}, else the
     * UTM zone of {@code extentLonLat}.
     */
    public synchronized MetricCrs metricCrs(Envelope extentLonLat) {
        return knownMetricCrs().orElseGet(() -> crs = MetricCrs.utmFor(extentLonLat));
    }

    /**
     * The metric CRS if the run names one ({@code run.json}, {@code coverage/city.json} or {@code
     * hotspots/summary.json}), without looking at data. The first use of a CRS loads the EPSG database,
     * so a report calls this ahead on a background thread.
     */
    synchronized Optional<MetricCrs> knownMetricCrs() {
        if (crs != null) return Optional.of(crs);
        List<String> codes = new ArrayList<>();
        codes.add(run.path("metric_crs").asText(""));
        json("coverage/city.json").ifPresent(c -> codes.add(c.path("metric_crs").asText("")));
        json("hotspots/summary.json")
                .ifPresent(c -> codes.add(c.path("metric_crs").asText("")));
        for (String c : codes) {
            if (!c.isBlank()) return Optional.of(crs = MetricCrs.of(c));
        }
        return Optional.empty();
    }

    private static JsonNode readJson(Path p) {
        if (!Files.isRegularFile(p)) return MissingNode.getInstance();
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + p + ": " + e.getMessage(), e));
        }
    }
}
