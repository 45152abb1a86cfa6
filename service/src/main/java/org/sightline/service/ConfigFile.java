package org.sightline.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code service.yaml}: a small YAML mapping checked key by key, so that a typo is an error
 * naming the key and its line instead of a silently ignored setting. Relative paths are relative to
 * the file's directory.
 *
 * <pre>
 * host: 127.0.0.1
 * port: 8080
 * data_dir: /var/lib/sightline
 * key_file: /etc/sightline/key        # base64 AES key; SIGHTLINE_KEY in the environment wins
 * database:                           # optional; default: embedded H2 in data_dir
 *   url: jdbc:postgresql://db/sightline
 *   user: sightline
 *   password_env: SIGHTLINE_DB_PASSWORD
 * city:
 *   cameras: cameras.csv
 *   buildings: buildings.geojson
 *   incidents: incidents.csv          # optional: hotspots and gaps
 *   areas: areas.geojson              # optional: coverage per area
 *   streets: streets.geojson          # optional: approach suggestions on streets
 *   metric_crs: EPSG:32617            # optional
 * dispatch:
 *   approach_m: 150
 * privacy:
 *   k_anon: 3
 * max_body_bytes: 16384
 * public_url: https://sightline.example.org
 * </pre>
 */
public final class ConfigFile {
    private static final List<String> TOP = List.of(
            "host",
            "port",
            "data_dir",
            "key_file",
            "database",
            "city",
            "dispatch",
            "privacy",
            "max_body_bytes",
            "public_url");
    private static final List<String> DATABASE = List.of("url", "user", "password_env");
    private static final List<String> CITY =
            List.of("cameras", "buildings", "incidents", "areas", "streets", "metric_crs");
    private static final List<String> DISPATCH = List.of("approach_m");
    private static final List<String> PRIVACY = List.of("k_anon");

    private final Path file;

    private ConfigFile(Path file) {
        this.file = file;
    }

    /** @throws IllegalArgumentException naming the file, line and key of the first problem */
    public static ServiceConfig read(Path file) {
        Node root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(
                    file + " line " + (e.getProblemMark().getLine() + 1) + ": not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the config " + file + ": " + e.getMessage());
        }
        return new ConfigFile(file).parse(root);
    }

    private ServiceConfig parse(Node root) {
        if (!(root instanceof MappingNode)) throw error(root, "the config must be a mapping of keys to values");
        Map<String, Node> top = mapping(root, TOP, "the top level");
        Path base = file.toAbsolutePath().getParent();
        Map<String, Node> c = mapping(required(top, "city", root), CITY, "city");
        var city = new ServiceConfig.CityFiles(
                path(base, required(c, "cameras", top.get("city"))),
                path(base, required(c, "buildings", top.get("city"))),
                opt(c, "incidents").map(n -> path(base, n)),
                opt(c, "areas").map(n -> path(base, n)),
                opt(c, "streets").map(n -> path(base, n)),
                opt(c, "metric_crs").map(this::text));
        Optional<ServiceConfig.DatabaseConfig> db = opt(top, "database").map(n -> {
            Map<String, Node> d = mapping(n, DATABASE, "database");
            String url = text(required(d, "url", n));
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:"))
                throw error(d.get("url"), "database.url must start with jdbc:postgresql: or jdbc:h2:");
            return new ServiceConfig.DatabaseConfig(
                    url, opt(d, "user").map(this::text), opt(d, "password_env").map(this::text));
        });
        double approach = opt(top, "dispatch")
                .map(n -> mapping(n, DISPATCH, "dispatch"))
                .flatMap(d -> opt(d, "approach_m"))
                .map(n -> number(n, 0, 2000))
                .orElse(150.0);
        int k = opt(top, "privacy")
                .map(n -> mapping(n, PRIVACY, "privacy"))
                .flatMap(d -> opt(d, "k_anon"))
                .map(n -> (int) number(n, 1, 1000))
                .orElse(3);
        try {
            return new ServiceConfig(
                    opt(top, "host").map(this::text).orElse("127.0.0.1"),
                    opt(top, "port").map(n -> (int) number(n, 0, 65535)).orElse(8080),
                    opt(top, "data_dir").map(n -> path(base, n)).orElse(base.resolve(".sightline-service")),
                    opt(top, "key_file").map(n -> path(base, n)),
                    db,
                    city,
                    approach,
                    k,
                    opt(top, "max_body_bytes")
                            .map(n -> (long) number(n, 256, 1 << 20))
                            .orElse(ServiceConfig.DEFAULT_MAX_BODY),
                    opt(top, "public_url").map(this::text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private Map<String, Node> mapping(Node n, List<String> known, String where) {
        if (!(n instanceof MappingNode m)) throw error(n, where + " must be a mapping of keys to values");
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!known.contains(key))
                throw error(
                        t.getKeyNode(),
                        "unknown key '" + key + "' in " + where + "; known keys: " + String.join(", ", known));
            if (out.put(key, t.getValueNode()) != null) throw error(t.getKeyNode(), "key '" + key + "' given twice");
        }
        return out;
    }

    private Node required(Map<String, Node> m, String key, Node parent) {
        Node n = m.get(key);
        if (n == null) throw error(parent, "missing key '" + key + "'");
        return n;
    }

    private static Optional<Node> opt(Map<String, Node> m, String key) {
        return Optional.ofNullable(m.get(key));
    }

    private String text(Node n) {
        if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) throw error(n, "expected a non-empty value");
        return s.getValue().trim();
    }

    private Path path(Path base, Node n) {
        return base.resolve(text(n)).normalize();
    }

    private double number(Node n, double min, double max) {
        String t = text(n);
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error(n, "expected a number, found '" + t + "'");
        }
        if (!(v >= min && v <= max)) throw error(n, "must be in [" + (long) min + ", " + (long) max + "], was " + t);
        return v;
    }

    private IllegalArgumentException error(Node n, String message) {
        int line = n == null ? 0 : n.getStartMark().getLine() + 1;
        return new IllegalArgumentException(file + " line " + line + ": " + message);
    }
}
