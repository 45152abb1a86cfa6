package org.sightline.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV, GeoJSON or JSON-array file, streamed record by record. The format is recognised from the
 * content (first character after an optional UTF-8 byte-order mark and white space: {@code {} for
 * GeoJSON, {@code [} for a JSON array of objects, anything else CSV). CSV files are UTF-8, with or
 * without BOM; the delimiter is the most frequent of {@code , ; TAB} in the header line.
 *
 * <p>GeoJSON is read once, by {@link #open}: one pass of a byte-based streaming parser collects the
 * features (properties as text, geometries straight to JTS) together with the union of property
 * names and a legacy {@code crs} member wherever it is; a reject's raw text is read back from the
 * feature's byte range. CSV and JSON arrays: {@link #open} reads only the start, {@link #forEach}
 * streams the records. {@link #forEach} may be called again.
 */
final class SourceFile {
    enum Format {
        CSV,
        GEOJSON,
        JSON_ARRAY
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final Path path;
    private final Format format;
    private final List<String> columns;
    private final String crsName;
    private final char delimiter;
    /** GeoJSON: every feature, read by {@link #open}; other formats stream in {@link #forEach}. */
    private final List<SourceRecord> records;

    private SourceFile(Path path, Format format, List<String> columns, String crsName, char delimiter) {
        this(path, format, columns, crsName, delimiter, List.of());
    }

    private SourceFile(
            Path path,
            Format format,
            List<String> columns,
            String crsName,
            char delimiter,
            List<SourceRecord> records) {
        this.records = records;
        this.path = path;
        this.format = format;
        this.columns = List.copyOf(columns);
        this.crsName = crsName;
        this.delimiter = delimiter;
    }

    Path path() {
        return path;
    }

    Format format() {
        return format;
    }

    /** CSV header; GeoJSON: property names of all features; JSON array: keys of all elements. */
    List<String> columns() {
        return columns;
    }

    /** The GeoJSON legacy {@code crs} name ({@code EPSG:2264}, a URN, ...), or {@code null}. */
    String crsName() {
        return crsName;
    }

    static SourceFile open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new UnreadableInputException(
                    path, Files.exists(path) ? "not a regular file" : "file not found (check the path)");
        }
        int first;
        try (Reader r = reader(path)) {
            first = r.read();
            while (first >= 0 && Character.isWhitespace(first)) first = r.read();
        } catch (IOException e) {
            throw new UnreadableInputException(path, "cannot read: " + e.getMessage(), e);
        }
        if (first < 0) throw new UnreadableInputException(path, "the file is empty (no header, no features)");
        try {
            if (first == '{') return openGeoJson(path);
            if (first == '[') return openJsonArray(path);
            return openCsv(path);
        } catch (JsonProcessingException e) {
            throw new UnreadableInputException(path, "not valid JSON: " + e.getOriginalMessage() + locationOf(e), e);
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableInputException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Streams every record to {@code sink}, in file order (GeoJSON: from memory). */
    void forEach(Consumer<SourceRecord> sink) {
        try {
            switch (format) {
                case CSV -> streamCsv(sink);
                case GEOJSON -> records.forEach(sink);
                case JSON_ARRAY -> streamJsonArray(sink);
            }
        } catch (JsonProcessingException e) {
            throw new UnreadableInputException(path, "not valid JSON: " + e.getOriginalMessage() + locationOf(e), e);
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableInputException(path, "not parseable as CSV: " + messageOf(e), e);
        }
    }

    // ---- CSV ----

    private static SourceFile openCsv(Path path) throws IOException {
        String headerLine;
        try (BufferedReader r = reader(path)) {
            headerLine = r.readLine();
            while (headerLine != null && headerLine.isBlank()) headerLine = r.readLine();
        }
        char delimiter = delimiterOf(headerLine == null ? "" : headerLine);
        try (Reader r = reader(path);
                CSVParser p = csvFormat(delimiter).parse(r)) {
            Iterator<CSVRecord> it = p.iterator();
            while (it.hasNext()) {
                CSVRecord header = it.next();
                if (isBlank(header)) continue;
                List<String> names = new ArrayList<>();
                header.forEach(names::add);
                return new SourceFile(path, Format.CSV, names, null, delimiter);
            }
        }
        throw new UnreadableInputException(path, "the file is empty (no header)");
    }

    private void streamCsv(Consumer<SourceRecord> sink) throws IOException {
        try (Reader r = reader(path);
                CSVParser p = csvFormat(delimiter).parse(r)) {
            Iterator<CSVRecord> it = p.iterator();
            List<String> headerKeys = null;
            long lastLine = 0;
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                long line = lastLine + 1; // the record starts on the line after the previous one ended
                lastLine = p.getCurrentLineNumber();
                if (isBlank(rec)) continue;
                List<String> fields = new ArrayList<>(rec.size());
                rec.forEach(fields::add);
                if (headerKeys == null) {
                    headerKeys = new ArrayList<>();
                    for (String h : fields) headerKeys.add(SourceRecord.key(h));
                    headerKeys = Collections.unmodifiableList(headerKeys);
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < headerKeys.size(); i++) {
                    values.putIfAbsent(headerKeys.get(i), i < fields.size() ? fields.get(i) : "");
                }
                int extra = Math.max(0, fields.size() - headerKeys.size());
                sink.accept(new SourceRecord(line, values, null, "", extra, fields, headerKeys, null));
            }
        }
    }

    private static CSVFormat csvFormat(char delimiter) {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
    }

    private static boolean isBlank(CSVRecord rec) {
        return rec.size() == 1 && rec.get(0).isBlank();
    }

    private static char delimiterOf(String headerLine) {
        long commas = headerLine.chars().filter(c -> c == ',').count();
        long semis = headerLine.chars().filter(c -> c == ';').count();
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs >= semis) return '\t';
        if (semis > commas) return ';';
        return ',';
    }

    // ---- GeoJSON ----

    /** One pass: the members of the top-level object, with every feature of {@code features} read. */
    private static SourceFile openGeoJson(Path path) throws IOException {
        String crs = null;
        String type = null;
        List<String> columns = List.of();
        boolean sawFeatures = false;
        List<SourceRecord> records = new ArrayList<>();
        try (InputStream in = bytes(path);
                JsonParser p = FACTORY.createParser(in);
                GeoJsonFeatures features = new GeoJsonFeatures(JSON, path, bomLength(path))) {
            expect(p.nextToken(), JsonToken.START_OBJECT, path);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "type" -> type = p.getValueAsString();
                    case "crs" -> crs = crsName(JSON.readTree(p));
                    case "features" -> {
                        sawFeatures = true;
                        if (t != JsonToken.START_ARRAY)
                            throw new UnreadableInputException(path, "\"features\" is not an array");
                        features.read(p, records);
                        columns = features.names();
                    }
                    case "properties" -> {
                        if (t == JsonToken.START_OBJECT) columns = propertyNames(JSON.readTree(p));
                    }
                    default -> p.skipChildren();
                }
            }
            if ("Feature".equals(type)) {
                sawFeatures = true;
                try (InputStream whole = bytes(path)) {
                    records.add(features.fromTree(1, JSON.readTree(whole)));
                }
            }
        }
        if (!"FeatureCollection".equals(type) && !"Feature".equals(type))
            throw new UnreadableInputException(
                    path,
                    "not GeoJSON: a JSON object whose \"type\" is "
                            + (type == null ? "missing" : "'" + type + "'")
                            + " (expected FeatureCollection or Feature)");
        if (!sawFeatures) throw new UnreadableInputException(path, "GeoJSON FeatureCollection without \"features\"");
        return new SourceFile(path, Format.GEOJSON, columns, crs, ',', records);
    }

    private static List<String> propertyNames(JsonNode featureOrProps) {
        JsonNode props = featureOrProps.has("type") ? featureOrProps.get("properties") : featureOrProps;
        List<String> names = new ArrayList<>();
        if (props != null && props.isObject()) props.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String crsName(JsonNode crs) {
        JsonNode name = crs.path("properties").path("name");
        return name.isTextual() ? name.asText() : null;
    }

    // ---- JSON array of objects ----

    private static SourceFile openJsonArray(Path path) throws IOException {
        try (JsonParser p = FACTORY.createParser(reader(path))) {
            expect(p.nextToken(), JsonToken.START_ARRAY, path);
            LinkedHashSet<String> columns = new LinkedHashSet<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    columns.add(p.currentName());
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_ARRAY)
                throw new UnreadableInputException(path, "a JSON array, but its elements are not all objects");
            return new SourceFile(path, Format.JSON_ARRAY, List.copyOf(columns), null, ',');
        }
    }

    private void streamJsonArray(Consumer<SourceRecord> sink) throws IOException {
        try (JsonParser p = FACTORY.createParser(reader(path))) {
            expect(p.nextToken(), JsonToken.START_ARRAY, path);
            long n = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode e = JSON.readTree(p);
                n++;
                Map<String, String> values = new HashMap<>();
                ObjectNode json;
                if (e.isObject()) {
                    json = (ObjectNode) e;
                    e.fields()
                            .forEachRemaining(
                                    f -> values.putIfAbsent(SourceRecord.key(f.getKey()), text(f.getValue())));
                } else {
                    json = JSON.createObjectNode();
                    json.set("value", e);
                }
                sink.accept(new SourceRecord(n, values, null, "", 0, null, null, JsonText.of(json)));
            }
        }
    }

    // ---- helpers ----

    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return "";
        if (v.isValueNode()) return v.asText();
        return v.toString();
    }

    private static void expect(JsonToken got, JsonToken want, Path path) {
        if (got != want)
            throw new UnreadableInputException(path, "not valid JSON: expected " + want + ", found " + got);
    }

    /** The bytes of the file after a leading UTF-8 byte-order mark. */
    static InputStream bytes(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(3);
        if (in.read() != 0xEF || in.read() != 0xBB || in.read() != 0xBF) in.reset();
        return in;
    }

    /** 3 when the file starts with a UTF-8 byte-order mark, else 0. */
    static long bomLength(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] b = in.readNBytes(3);
            return b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        }
    }

    /** A UTF-8 reader that skips a leading byte-order mark. */
    static BufferedReader reader(Path path) throws IOException {
        BufferedReader r =
                new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), 1 << 16);
        r.mark(1);
        if (r.read() != '\uFEFF') r.reset();
        return r;
    }

    private static String locationOf(JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private static String messageOf(Exception e) {
        if (e instanceof NoSuchFileException) return "file not found";
        Throwable c = e;
        while (c.getCause() != null && c.getMessage() == null) c = c.getCause();
        return c.getMessage();
    }
}
