package org.sightline.jobs.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sightline.engine.hotspot.HotspotOptions;
import org.sightline.engine.io.ColumnMap;
import org.sightline.engine.io.Layer;
import org.sightline.engine.io.ReadOptions;
import org.sightline.engine.viewshed.ViewshedOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The validated configuration of {@code sightline run}: one YAML file, checked completely before any
 * work starts. An unknown key, a value of the wrong type or a missing input file is a {@link
 * ConfigException} naming the key and its line. Relative paths are relative to the config file.
 *
 * <pre>
 * inputs:                       # cameras and buildings required; CSV, GeoJSON, GeoParquet, shapefile,
 *   cameras: cameras.csv        # GeoPackage, or postgis:TABLE with output.postgis set
 *   buildings: {path: buildings.geojson}
 *   incidents: {path: incidents.csv, map: {lon: LONGITUDE, lat: LATITUDE}, set: {category: theft}}
 *   areas: areas.geojson
 *   streets: streets.geojson
 *   input_crs: EPSG:4326
 * metric_crs: EPSG:32617        # default: UTM zone of the data
 * parameters: {cell_m: 100, band_m: 150, bandwidth_m: 200, k: 10, demand: hotspot, top: 10,
 *              uncertainty_m: 15, approach_m: 150, min_occluder_height_m: 2, arc_tolerance_m: 0.1,
 *              street_distance_m: 200, low_confidence_range_m: 25, tile_m: 1000, partitions: 8}
 * stages: [viewsheds, coverage, hotspots, gaps, outreach, dispatch]
 * output: {dir: out, format: parquet, crs: EPSG:4326,
 *          postgis: {url: jdbc:postgresql://host/db, user: u, password: p, schema: public}}
 * spark: {master: "local[*]"}
 * </pre>
 */
public record RunConfig(
        Path file,
        Map<Layer, Path> inputs,
        Map<Layer, String> postgisInputs,
        ColumnMap columns,
        ReadOptions readOptions,
        Optional<String> metricCrs,
        Parameters parameters,
        List<String> stages,
        Path outDir,
        String format,
        Optional<String> outputCrs,
        Optional<Postgis> postgis,
        String master) {

    public static final List<String> STAGES =
            List.of("viewsheds", "coverage", "hotspots", "gaps", "outreach", "dispatch");
    public static final List<String> FORMATS = List.of("parquet", "geojson", "csv");

    /** Where a PostGIS database is: tables are read from and written to {@code schema}. */
    public record Postgis(String url, String user, String password, String schema) {}

    /** The numbers of every stage. */
    public record Parameters(
            double cellM,
            Double bandM,
            double bandwidthM,
            int k,
            String demand,
            int top,
            double uncertaintyM,
            double approachM,
            double minOccluderHeightM,
            double arcToleranceM,
            double streetDistanceM,
            double lowConfidenceRangeM,
            double tileM,
            int partitions) {
        public ViewshedOptions viewshedOptions() {
            return ViewshedOptions.DEFAULTS
                    .withMinOccluderHeightM(minOccluderHeightM)
                    .withArcToleranceM(arcToleranceM);
        }

        public HotspotOptions hotspotOptions() {
            HotspotOptions o = HotspotOptions.squares(cellM);
            if (bandM != null) o = o.withBand(bandM);
            return o.withBandwidth(bandwidthM);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cell_m", cellM);
            m.put("band_m", bandM == null ? 1.5 * cellM : bandM);
            m.put("bandwidth_m", bandwidthM);
            m.put("k", k);
            m.put("demand", demand);
            m.put("top", top);
            m.put("uncertainty_m", uncertaintyM);
            m.put("approach_m", approachM);
            m.put("min_occluder_height_m", minOccluderHeightM);
            m.put("arc_tolerance_m", arcToleranceM);
            m.put("street_distance_m", streetDistanceM);
            m.put("low_confidence_range_m", lowConfidenceRangeM);
            m.put("tile_m", tileM);
            m.put("partitions", partitions);
            return m;
        }
    }

    /** A configuration error: the message names the file, line and key. */
    public static final class ConfigException extends IllegalArgumentException {
        public ConfigException(String message) {
            super(message);
        }
    }

    public static RunConfig load(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) throw new ConfigException("config file not found: " + abs);
        Node root;
        try (Reader r = Files.newBufferedReader(abs)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + abs + ": " + e.getMessage());
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(abs.getFileName() + " line " + line + ": not valid YAML: " + e.getProblem());
        }
        return new Parser(abs).parse(root);
    }

    private static final class Parser {
        private final Path file;
        private final Path base;

        Parser(Path file) {
            this.file = file;
            this.base = file.getParent();
        }

        ConfigException error(Node node, String key, String message) {
            int line = node == null ? 1 : node.getStartMark().getLine() + 1;
            return new ConfigException(file.getFileName() + " line " + line + ": '" + key + "' " + message);
        }

        Map<String, NodeTuple> mapping(Node node, String key, Set<String> known) {
            if (!(node instanceof MappingNode m)) throw error(node, key, "must be a mapping of keys to values");
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                String full = key.isEmpty() ? k : key + "." + k;
                if (!known.contains(k))
                    throw error(
                            t.getKeyNode(),
                            full,
                            "is not a known key"
                                    + (known.isEmpty()
                                            ? ""
                                            : " (expected one of: "
                                                    + String.join(
                                                            ", ",
                                                            known.stream()
                                                                    .sorted()
                                                                    .toList()) + ")"));
                out.put(k, t);
            }
            return out;
        }

        String string(NodeTuple t, String key) {
            if (!(t.getValueNode() instanceof ScalarNode s))
                throw error(t.getValueNode(), key, "must be a single value");
            return s.getValue();
        }

        double number(NodeTuple t, String key, double min, double max) {
            String v = string(t, key);
            double d;
            try {
                d = Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw error(t.getValueNode(), key, "must be a number, was '" + v + "'");
            }
            if (!(d >= min && d <= max))
                throw error(t.getValueNode(), key, "must be in [" + fmt(min) + ", " + fmt(max) + "], was " + v);
            return d;
        }

        int integer(NodeTuple t, String key, int min, int max) {
            String v = string(t, key);
            int i;
            try {
                i = Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw error(t.getValueNode(), key, "must be a whole number, was '" + v + "'");
            }
            if (i < min || i > max)
                throw error(t.getValueNode(), key, "must be in [" + min + ", " + max + "], was " + v);
            return i;
        }

        static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }

        RunConfig parse(Node root) {
            if (root == null) throw new ConfigException(file.getFileName() + " line 1: the file is empty");
            Map<String, NodeTuple> top =
                    mapping(root, "", Set.of("inputs", "metric_crs", "parameters", "stages", "output", "spark"));
            if (!top.containsKey("inputs")) throw error(root, "inputs", "is required (cameras and buildings at least)");
            Map<Layer, Path> inputs = new EnumMap<>(Layer.class);
            Map<Layer, String> postgisInputs = new EnumMap<>(Layer.class);
            List<String> mapSpec = new ArrayList<>();
            List<String> setSpec = new ArrayList<>();
            String inputCrs = null;
            NodeTuple in = top.get("inputs");
            Set<String> layerKeys = Set.of("cameras", "buildings", "incidents", "areas", "streets", "input_crs");
            for (var e : mapping(in.getValueNode(), "inputs", layerKeys).entrySet()) {
                String key = "inputs." + e.getKey();
                if (e.getKey().equals("input_crs")) {
                    inputCrs = string(e.getValue(), key);
                    continue;
                }
                Layer layer = Layer.valueOf(e.getKey().toUpperCase(Locale.ROOT));
                Node v = e.getValue().getValueNode();
                String path;
                NodeTuple pathTuple = e.getValue();
                if (v instanceof MappingNode) {
                    Map<String, NodeTuple> m = mapping(v, key, Set.of("path", "map", "set"));
                    if (!m.containsKey("path")) throw error(v, key + ".path", "is required");
                    pathTuple = m.get("path");
                    path = string(pathTuple, key + ".path");
                    for (String kind : List.of("map", "set")) {
                        if (!m.containsKey(kind)) continue;
                        Node mn = m.get(kind).getValueNode();
                        if (!(mn instanceof MappingNode mm))
                            throw error(mn, key + "." + kind, "must be a mapping like {lon: LONGITUDE}");
                        for (NodeTuple t : mm.getValue()) {
                            String col = ((ScalarNode) t.getKeyNode()).getValue();
                            String spec = e.getKey() + "." + col + "=" + string(t, key + "." + kind + "." + col);
                            try {
                                ColumnMap.parse(kind.equals("map") ? spec : null, kind.equals("set") ? spec : null);
                            } catch (IllegalArgumentException ex) {
                                throw error(
                                        t.getKeyNode(),
                                        key + "." + kind + "." + col,
                                        "is not valid: " + ex.getMessage());
                            }
                            (kind.equals("map") ? mapSpec : setSpec).add(spec);
                        }
                    }
                } else {
                    path = string(e.getValue(), key);
                }
                if (path.startsWith("postgis:")) {
                    postgisInputs.put(layer, path.substring("postgis:".length()));
                    continue;
                }
                Path p = base.resolve(path).toAbsolutePath().normalize();
                if (!Files.exists(SedonaInputs.existing(p)))
                    throw error(pathTuple.getValueNode(), key, "names a file that does not exist: " + p);
                inputs.put(layer, p);
            }
            for (Layer required : List.of(Layer.CAMERAS, Layer.BUILDINGS))
                if (!inputs.containsKey(required) && !postgisInputs.containsKey(required))
                    throw error(in.getValueNode(), "inputs." + required.name().toLowerCase(Locale.ROOT), "is required");

            Parameters p = parameters(top.get("parameters"));
            List<String> stages = new ArrayList<>(STAGES);
            if (top.containsKey("stages")) {
                Node s = top.get("stages").getValueNode();
                if (!(s instanceof SequenceNode seq))
                    throw error(s, "stages", "must be a list like [viewsheds, coverage]");
                stages.clear();
                for (Node n : seq.getValue()) {
                    String name = n instanceof ScalarNode sn ? sn.getValue() : "?";
                    if (!STAGES.contains(name))
                        throw error(
                                n,
                                "stages",
                                "has an unknown stage '" + name + "' (stages: " + String.join(", ", STAGES) + ")");
                    stages.add(name);
                }
                stages.sort(java.util.Comparator.comparingInt(STAGES::indexOf));
            }
            boolean needIncidents = stages.stream().anyMatch(st -> !st.equals("viewsheds") && !st.equals("coverage"));
            if (needIncidents && !inputs.containsKey(Layer.INCIDENTS) && !postgisInputs.containsKey(Layer.INCIDENTS))
                throw error(in.getValueNode(), "inputs.incidents", "is required for the stages " + stages);

            Path outDir = base.resolve("out");
            String format = "parquet";
            String outputCrs = null;
            Postgis postgis = null;
            if (top.containsKey("output")) {
                var o = mapping(top.get("output").getValueNode(), "output", Set.of("dir", "format", "crs", "postgis"));
                if (o.containsKey("dir"))
                    outDir = base.resolve(string(o.get("dir"), "output.dir"))
                            .toAbsolutePath()
                            .normalize();
                if (o.containsKey("format")) {
                    format = string(o.get("format"), "output.format").toLowerCase(Locale.ROOT);
                    if (!FORMATS.contains(format))
                        throw error(
                                o.get("format").getValueNode(),
                                "output.format",
                                "must be one of " + FORMATS + ", was '" + format + "'");
                }
                if (o.containsKey("crs")) outputCrs = string(o.get("crs"), "output.crs");
                if (o.containsKey("postgis")) {
                    var pg = mapping(
                            o.get("postgis").getValueNode(),
                            "output.postgis",
                            Set.of("url", "user", "password", "schema"));
                    if (!pg.containsKey("url"))
                        throw error(o.get("postgis").getValueNode(), "output.postgis.url", "is required");
                    postgis = new Postgis(
                            string(pg.get("url"), "output.postgis.url"),
                            pg.containsKey("user") ? string(pg.get("user"), "output.postgis.user") : null,
                            pg.containsKey("password") ? string(pg.get("password"), "output.postgis.password") : null,
                            pg.containsKey("schema") ? string(pg.get("schema"), "output.postgis.schema") : "public");
                }
            }
            if (!postgisInputs.isEmpty() && postgis == null)
                throw error(
                        in.getValueNode(),
                        "inputs",
                        "reads postgis: tables but output.postgis (the database) is not set");
            String master = null; // local[*], or spark-submit's master
            if (top.containsKey("spark")) {
                var s = mapping(top.get("spark").getValueNode(), "spark", Set.of("master"));
                if (s.containsKey("master")) master = string(s.get("master"), "spark.master");
            }
            String metric = top.containsKey("metric_crs") ? string(top.get("metric_crs"), "metric_crs") : null;
            ColumnMap columns;
            try {
                columns = ColumnMap.parse(String.join(",", mapSpec), String.join(",", setSpec));
            } catch (IllegalArgumentException e) {
                throw error(in.getValueNode(), "inputs", e.getMessage());
            }
            return new RunConfig(
                    file,
                    inputs,
                    postgisInputs,
                    columns,
                    new ReadOptions(Optional.ofNullable(inputCrs), p.lowConfidenceRangeM()),
                    Optional.ofNullable(metric),
                    p,
                    List.copyOf(stages),
                    outDir,
                    format,
                    Optional.ofNullable(outputCrs),
                    Optional.ofNullable(postgis),
                    master);
        }

        Parameters parameters(NodeTuple t) {
            double cell = HotspotOptions.DEFAULT_CELL, bandwidth = HotspotOptions.DEFAULT_BANDWIDTH;
            Double band = null;
            int k = 10, top = 10, partitions = 8;
            String demand = "hotspot";
            double unc = 15,
                    approach = 150,
                    minH = 2,
                    arc = 0.1,
                    street = 200,
                    low = ReadOptions.DEFAULT_LOW_CONFIDENCE_RANGE_M;
            double tile = 1000;
            if (t != null) {
                Set<String> known = Set.of(
                        "cell_m",
                        "band_m",
                        "bandwidth_m",
                        "k",
                        "demand",
                        "top",
                        "uncertainty_m",
                        "approach_m",
                        "min_occluder_height_m",
                        "arc_tolerance_m",
                        "street_distance_m",
                        "low_confidence_range_m",
                        "tile_m",
                        "partitions");
                for (var e : mapping(t.getValueNode(), "parameters", known).entrySet()) {
                    String key = "parameters." + e.getKey();
                    NodeTuple v = e.getValue();
                    switch (e.getKey()) {
                        case "cell_m" -> cell = number(v, key, 1, 100_000);
                        case "band_m" -> band = number(v, key, 1, 1_000_000);
                        case "bandwidth_m" -> bandwidth = number(v, key, 1, 100_000);
                        case "k" -> k = integer(v, key, 1, 1_000_000);
                        case "demand" -> {
                            demand = string(v, key);
                            if (!demand.equals("hotspot") && !demand.equals("all"))
                                throw error(v.getValueNode(), key, "must be 'hotspot' or 'all', was '" + demand + "'");
                        }
                        case "top" -> top = integer(v, key, 1, 1000);
                        case "uncertainty_m" -> unc = number(v, key, 0, 1000);
                        case "approach_m" -> approach = number(v, key, 0, 5000);
                        case "min_occluder_height_m" -> minH = number(v, key, 0, 1000);
                        case "arc_tolerance_m" -> arc = number(v, key, 0.001, 10);
                        case "street_distance_m" -> street = number(v, key, 0, 10_000);
                        case "low_confidence_range_m" -> low = number(v, key, 0.001, 500);
                        case "tile_m" -> tile = number(v, key, 50, 1_000_000);
                        case "partitions" -> partitions = integer(v, key, 1, 100_000);
                        default -> throw new IllegalStateException(key);
                    }
                }
            }
            return new Parameters(
                    cell, band, bandwidth, k, demand, top, unc, approach, minH, arc, street, low, tile, partitions);
        }
    }
}
