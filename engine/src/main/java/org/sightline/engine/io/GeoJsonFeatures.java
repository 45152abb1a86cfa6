package org.sightline.engine.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The {@code features} array of a GeoJSON FeatureCollection, read in one pass of the token stream:
 * each feature's properties as text (as a JSON tree would render them), its geometry parsed to JTS
 * ({@link GeoJsonGeometryReader}) and its byte range in the file (for the raw text of a reject),
 * plus the union of property names over all features.
 */
final class GeoJsonFeatures implements Closeable {
    private final ObjectMapper json;
    private final Path path;
    private final long base;
    private final LinkedHashSet<String> names = new LinkedHashSet<>();
    private boolean namesComplete;
    private final Map<String, String> keys = new HashMap<>();
    private final GeoJsonGeometryReader geometries = new GeoJsonGeometryReader(this::tree);
    private FileChannel channel;
    /** properties(): key, text pairs of the feature being read, and the name that gave each key. */
    private String[] scratch = new String[32];

    private String[] owners = new String[16];

    /**
     * @param base the file offset of the parser's first byte (3 after a byte-order mark)
     */
    GeoJsonFeatures(ObjectMapper json, Path path, long base) {
        this.json = json;
        this.path = path;
        this.base = base;
    }

    /** Property names of every feature, in first-seen order. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** The features of the array at the parser's {@code START_ARRAY}; returns on its END_ARRAY. */
    List<SourceRecord> read(JsonParser p, List<SourceRecord> out) throws IOException {
        long n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            n++;
            if (t == JsonToken.START_OBJECT) {
                out.add(feature(p, n));
            } else {
                // as before the one-pass reader: the column union ends at the first element that is no object
                namesComplete = true;
                out.add(fromTree(n, json.readTree(p)));
            }
        }
        return out;
    }

    /** A record from a feature's JSON tree (a top-level Feature, or an element that is no object). */
    SourceRecord fromTree(long n, JsonNode f) {
        Map<String, String> values = new HashMap<>();
        JsonNode props = f.get("properties");
        if (props != null && props.isObject()) {
            props.fields()
                    .forEachRemaining(
                            e -> values.putIfAbsent(SourceRecord.key(e.getKey()), SourceFile.text(e.getValue())));
        }
        JsonNode g = f.get("geometry");
        FeatureGeometry geometry = g == null || g.isNull() ? FeatureGeometry.NULL : geometries.slow(g);
        JsonNode id = f.get("id");
        JsonText raw = JsonText.of(
                f.isObject() ? (com.fasterxml.jackson.databind.node.ObjectNode) f : json.createObjectNode());
        return new SourceRecord(n, values, geometry, id == null || id.isNull() ? "" : id.asText(), 0, null, null, raw);
    }

    private SourceRecord feature(JsonParser p, long n) throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        Map<String, String> values = Map.of();
        FeatureGeometry geometry = FeatureGeometry.NULL;
        String id = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "properties" -> {
                    if (v == JsonToken.START_OBJECT) values = properties(p);
                    else {
                        values = Map.of();
                        p.skipChildren();
                    }
                }
                case "geometry" -> {
                    if (v == JsonToken.VALUE_NULL) geometry = FeatureGeometry.NULL;
                    else if (v == JsonToken.START_OBJECT) geometry = geometries.read(p);
                    else geometry = geometries.slow(json.readTree(p));
                }
                case "id" -> {
                    JsonNode node = json.readTree(p);
                    id = node == null || node.isNull() ? "" : node.asText();
                }
                default -> p.skipChildren();
            }
        }
        long end = p.currentLocation().getByteOffset();
        return new SourceRecord(n, values, geometry, id, 0, null, null, JsonText.slice(path, base + start, base + end));
    }

    /**
     * Property values as text, keyed by {@link SourceRecord#key}: for a repeated name the last value
     * wins (as in a JSON tree); of two names with the same key, the first one.
     */
    private Map<String, String> properties(JsonParser p) throws IOException {
        String[] kv = scratch;
        int n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!namesComplete) names.add(name);
            String key = keys.computeIfAbsent(name, SourceRecord::key);
            String text = text(p, p.nextToken());
            int at = -1;
            for (int i = 0; i < n; i++) {
                if (kv[2 * i].equals(key)) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                if (2 * n + 2 > kv.length) {
                    kv = scratch = Arrays.copyOf(kv, 2 * kv.length);
                    owners = Arrays.copyOf(owners, kv.length / 2);
                }
                kv[2 * n] = key;
                kv[2 * n + 1] = text;
                owners[n] = name;
                n++;
            } else if (owners[at].equals(name)) {
                kv[2 * at + 1] = text;
            }
        }
        return n == 0 ? Map.of() : new RowValues(Arrays.copyOf(kv, 2 * n));
    }

    /** The value at the current token as {@link SourceFile#text} renders its tree node. */
    private String text(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NULL -> "";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
            case VALUE_NUMBER_INT ->
                switch (p.getNumberType()) {
                    case INT -> Integer.toString(p.getIntValue());
                    case LONG -> Long.toString(p.getLongValue());
                    default -> p.getBigIntegerValue().toString();
                };
            default -> SourceFile.text(json.readTree(p));
        };
    }

    private JsonNode tree(long start, long end) throws IOException {
        if (channel == null) channel = FileChannel.open(path, StandardOpenOption.READ);
        return json.readTree(JsonText.bytes(channel, base + start, base + end));
    }

    @Override
    public void close() throws IOException {
        if (channel != null) channel.close();
    }
}
