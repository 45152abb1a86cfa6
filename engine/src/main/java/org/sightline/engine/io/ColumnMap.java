package org.sightline.engine.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which source column holds each canonical column, and constants for columns a file lacks.
 *
 * <p>Parsed from {@code --map lon=LONGITUDE_PUBLIC,lat=LATITUDE_PUBLIC} (canonical = source column
 * or GeoJSON / JSON property) and {@code --set kind=business,live_feed=true} (canonical = value for
 * every row). A key may carry a layer prefix, {@code cameras.lon=X}, to apply to one layer only; a
 * prefixed entry wins over an unprefixed one for its layer. Keys are canonical column names
 * (case-insensitive); source names are matched against the file's header case-insensitively and
 * trimmed. Without an entry, a canonical column is read from the source column of the same name.
 *
 * <p>Instances are immutable. Source names and values cannot contain commas.
 */
public final class ColumnMap {
    public static final ColumnMap NONE = new ColumnMap(Map.of(), Map.of());

    private final Map<String, String> columns;
    private final Map<String, String> constants;

    private ColumnMap(Map<String, String> columns, Map<String, String> constants) {
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    }

    /**
     * Parses a {@code --map} and a {@code --set} specification (either may be {@code null} or blank).
     *
     * @throws IllegalArgumentException naming an unknown key or layer and listing the valid ones
     */
    public static ColumnMap parse(String mapSpec, String setSpec) {
        return of(pairs(mapSpec, "--map"), pairs(setSpec, "--set"));
    }

    /** A map from already split entries; keys are validated as in {@link #parse}. */
    public static ColumnMap of(Map<String, String> columns, Map<String, String> constants) {
        Map<String, String> c = normalise(columns, "--map");
        Map<String, String> k = normalise(constants, "--set");
        for (String key : c.keySet()) {
            if (k.containsKey(key))
                throw new IllegalArgumentException(
                        "'" + key + "' is given both by --map and by --set; use one of them");
        }
        return new ColumnMap(c, k);
    }

    /** This map merged with {@code other}; entries of {@code other} win. */
    public ColumnMap with(ColumnMap other) {
        Map<String, String> c = new LinkedHashMap<>(columns);
        Map<String, String> k = new LinkedHashMap<>(constants);
        other.columns.forEach((key, v) -> {
            k.remove(key);
            c.put(key, v);
        });
        other.constants.forEach((key, v) -> {
            c.remove(key);
            k.put(key, v);
        });
        return new ColumnMap(c, k);
    }

    /**
     * The entries that apply to {@code layer}, without prefixes: unprefixed keys that are columns of
     * the layer, overridden by {@code layer.}-prefixed keys.
     */
    public ColumnMap forLayer(Layer layer) {
        return new ColumnMap(resolve(columns, layer), resolve(constants, layer));
    }

    /** The source column mapped to {@code canonical} (after {@link #forLayer}), if any. */
    public Optional<String> column(String canonical) {
        return Optional.ofNullable(columns.get(canonical));
    }

    /** The constant given for {@code canonical} (after {@link #forLayer}), if any. */
    public Optional<String> constant(String canonical) {
        return Optional.ofNullable(constants.get(canonical));
    }

    public Map<String, String> columns() {
        return columns;
    }

    public Map<String, String> constants() {
        return constants;
    }

    public boolean isEmpty() {
        return columns.isEmpty() && constants.isEmpty();
    }

    private static Map<String, String> resolve(Map<String, String> entries, Layer layer) {
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = layer.layerName() + ".";
        entries.forEach((k, v) -> {
            if (!k.contains(".") && layer.columns().contains(k)) out.putIfAbsent(k, v);
        });
        entries.forEach((k, v) -> {
            if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v);
        });
        return out;
    }

    private static Map<String, String> pairs(String spec, String option) {
        Map<String, String> out = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) return out;
        for (String part : spec.split(",")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0)
                throw new IllegalArgumentException(option + ": '" + part.trim() + "' is not key=value (e.g. " + option
                        + " lon=LONGITUDE,lat=LATITUDE)");
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (value.isEmpty() && option.equals("--map"))
                throw new IllegalArgumentException(option + ": no source column given for '" + key + "'");
            if (out.put(key, value) != null)
                throw new IllegalArgumentException(option + ": '" + key + "' is given twice");
        }
        return out;
    }

    private static Map<String, String> normalise(Map<String, String> entries, String option) {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach((rawKey, value) -> {
            String key = rawKey.trim().toLowerCase(Locale.ROOT);
            int dot = key.indexOf('.');
            if (dot >= 0) {
                String layerName = key.substring(0, dot);
                String column = key.substring(dot + 1);
                Layer layer = Layer.byName(layerName)
                        .orElseThrow(() -> new IllegalArgumentException(option + ": unknown layer '" + layerName
                                + "' in '" + rawKey.trim() + "'; layers: " + layerNames()));
                if (!layer.columns().contains(column))
                    throw new IllegalArgumentException(option + ": unknown column key '" + column + "' for layer "
                            + layer.layerName() + "; valid keys: " + String.join(", ", layer.columns()));
            } else if (!allColumns().contains(key)) {
                throw new IllegalArgumentException(option + ": unknown column key '" + rawKey.trim()
                        + "'; valid keys: " + String.join(", ", allColumns())
                        + " (prefix a key with its layer, e.g. cameras.lon=X, to set it for one layer only)");
            }
            out.put(key, value);
        });
        return out;
    }

    private static Set<String> allColumns() {
        Set<String> all = new LinkedHashSet<>();
        for (Layer l : Layer.values()) all.addAll(l.columns());
        return all;
    }

    private static String layerNames() {
        StringBuilder b = new StringBuilder();
        for (Layer l : Layer.values()) b.append(b.length() == 0 ? "" : ", ").append(l.layerName());
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMap m && m.columns.equals(columns) && m.constants.equals(constants);
    }

    @Override
    public int hashCode() {
        return columns.hashCode() * 31 + constants.hashCode();
    }

    @Override
    public String toString() {
        return "ColumnMap[map " + columns + ", set " + constants + "]";
    }
}
