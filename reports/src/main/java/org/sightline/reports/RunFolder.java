package org.sightline.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final Map<String, Optional<Table>> tables = new HashMap<>();
    private final Map<String, Optional<List<Feature>>> layers = new HashMap<>();
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
        return tables.computeIfAbsent(relative, r -> {
            Path p = dir.resolve(r);
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
        return layers.computeIfAbsent(relative, r -> {
            Path p = dir.resolve(r);
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
        return layers.computeIfAbsent("input:" + layer, k -> input(layer).flatMap(InputLayers::read));
    }

    /**
     * An input layer's geometries without their properties, for layers that are only drawn (the
     * buildings: hundreds of thousands of property maps nobody reads). Shares the full read if one was
     * made.
     */
    public Optional<List<Feature>> inputGeometries(String layer) {
        Optional<List<Feature>> full = layers.get("input:" + layer);
        if (full != null) return full;
        return layers.computeIfAbsent(
                "input-geometries:" + layer, k -> input(layer).flatMap(p -> InputLayers.read(p, Set.of())));
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
    public MetricCrs metricCrs(Envelope extentLonLat) {
        if (crs != null) return crs;
        List<String> codes = new ArrayList<>();
        codes.add(run.path("metric_crs").asText(""));
        json("coverage/city.json").ifPresent(c -> codes.add(c.path("metric_crs").asText("")));
        json("hotspots/summary.json")
                .ifPresent(c -> codes.add(c.path("metric_crs").asText("")));
        for (String c : codes) {
            if (!c.isBlank()) return crs = MetricCrs.of(c);
        }
        return crs = MetricCrs.utmFor(extentLonLat);
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
