package org.sightline.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;
import org.sightline.engine.geo.Geometries;

/**
 * Reads a GeoJSON FeatureCollection (RFC 7946, lon/lat) into features; null geometries become empty ones.
 *
 * <p>Streams the file with Jackson's parser: no JSON tree of the whole file is built (the demo's 118 MB
 * buildings layer would take gigabytes), and geometries are built directly, with the same results as
 * JTS' {@code GeoJsonReader} (same coordinates, same geometry types, the same constructions rejected).
 * Property values become text as a Jackson tree's {@code asText()} gives them (null → "", objects and
 * arrays → "").
 */
final class GeoJson {
    /** Jackson's fast double parser: correctly rounded, so the same doubles as Double.parseDouble. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private static final GeometryFactory GF = Geometries.FACTORY;

    private GeoJson() {}

    /** Every feature with all its properties. */
    static List<Feature> read(Path file) {
        return read(file, null);
    }

    /**
     * Every feature, keeping only the properties named in {@code keep} ({@code null}: all of them; an
     * empty set: none, for layers that are only drawn).
     */
    static List<Feature> read(Path file, Set<String> keep) {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            List<Feature> out = new ArrayList<>();
            if (p.nextToken() != JsonToken.START_OBJECT) return out;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (!name.equals("features") || (t != JsonToken.START_ARRAY && t != JsonToken.START_OBJECT)) {
                    p.skipChildren();
                    continue;
                }
                out.clear(); // a repeated "features" key: the last one counts, as in a JSON tree
                boolean object = t == JsonToken.START_OBJECT; // iterating an object visits its values
                while (true) {
                    JsonToken v = p.nextToken();
                    if (object) {
                        if (v == JsonToken.END_OBJECT) break;
                        v = p.nextToken();
                    } else if (v == JsonToken.END_ARRAY) break;
                    out.add(feature(p, v, keep, file));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
        }
    }

    private static Feature feature(JsonParser p, JsonToken start, Set<String> keep, Path file) throws IOException {
        Map<String, String> props = keep != null && keep.isEmpty() ? Map.of() : new LinkedHashMap<>();
        Geometry geom = null;
        if (start != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new Feature(Geometries.emptyPolygon(), props);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("properties")) {
                if (!props.isEmpty()) props.clear(); // a repeated key: the last one counts
                if (t == JsonToken.START_OBJECT) properties(p, props, keep);
                else p.skipChildren();
            } else if (name.equals("geometry")) {
                if (t == JsonToken.VALUE_NULL) geom = null;
                else {
                    try {
                        if (t != JsonToken.START_OBJECT)
                            throw new IllegalArgumentException("geometry is not an object");
                        geom = geometry(p);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("bad geometry in " + file + ": " + e.getMessage(), e);
                    }
                }
            } else p.skipChildren();
        }
        if (geom == null) geom = Geometries.emptyPolygon();
        geom.setSRID(0);
        return new Feature(geom, props);
    }

    private static void properties(JsonParser p, Map<String, String> props, Set<String> keep) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (keep != null && !keep.contains(key)) {
                p.skipChildren();
                continue;
            }
            String value = switch (t) {
                case VALUE_STRING -> p.getText();
                case VALUE_NUMBER_INT -> p.getNumberValue().toString();
                case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case START_OBJECT, START_ARRAY -> {
                    p.skipChildren();
                    yield "";
                }
                default -> "";
            };
            props.put(key, value);
        }
    }

    /** A geometry object; the parser is on its START_OBJECT. Keys may come in any order. */
    private static Geometry geometry(JsonParser p) throws IOException {
        String type = null;
        Object coordinates = null;
        List<Geometry> geometries = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> {
                    if (t != JsonToken.VALUE_STRING) throw new IllegalArgumentException("'type' is not a string");
                    type = p.getText();
                }
                case "coordinates" -> coordinates = t == JsonToken.VALUE_NULL ? null : nested(p, t);
                case "geometries" -> {
                    if (t == JsonToken.VALUE_NULL) geometries = null;
                    else {
                        if (t != JsonToken.START_ARRAY)
                            throw new IllegalArgumentException("'geometries' is not an array");
                        geometries = new ArrayList<>();
                        for (JsonToken g = p.nextToken(); g != JsonToken.END_ARRAY; g = p.nextToken()) {
                            if (g != JsonToken.START_OBJECT)
                                throw new IllegalArgumentException("a member of 'geometries' is not an object");
                            geometries.add(geometry(p));
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (type == null)
            throw new IllegalArgumentException("Could not parse Geometry from Json string.  No 'type' property found.");
        return switch (type) {
            case "Point" -> point(coordinates);
            case "LineString" -> GF.createLineString(sequence(list(coordinates, true)));
            case "Polygon" -> polygon(list(coordinates, true), false);
            case "MultiPoint" -> GF.createMultiPoint(sequence(list(coordinates, false)));
            case "MultiLineString" -> {
                List<?> lines = list(coordinates, false);
                LineString[] out = new LineString[lines.size()];
                for (int i = 0; i < out.length; i++) out[i] = GF.createLineString(sequence(list(lines.get(i), true)));
                yield GF.createMultiLineString(out);
            }
            case "MultiPolygon" -> {
                List<?> polys = list(coordinates, false);
                Polygon[] out = new Polygon[polys.size()];
                for (int i = 0; i < out.length; i++) out[i] = polygon(list(polys.get(i), true), true);
                yield GF.createMultiPolygon(out);
            }
            case "GeometryCollection" -> {
                if (geometries == null) throw new IllegalArgumentException("GeometryCollection without 'geometries'");
                yield GF.createGeometryCollection(geometries.toArray(new Geometry[0]));
            }
            default ->
                throw new IllegalArgumentException(
                        "Could not parse Geometry from GeoJson string.  Unsupported 'type':" + type);
        };
    }

    /**
     * A coordinates value: a position (array of numbers) becomes a {@link Coordinate}, any other array a
     * list of nested values. The parser is on the value's first token.
     */
    private static Object nested(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) throw new IllegalArgumentException("coordinates must be arrays, found " + t);
        JsonToken first = p.nextToken();
        if (first == JsonToken.VALUE_NUMBER_INT || first == JsonToken.VALUE_NUMBER_FLOAT) {
            // like JTS: ordinates 1-3 as x, y, z (missing: 0, 0, NaN); more are ignored
            double x = 0, y = 0, z = Double.NaN;
            int n = 0;
            for (JsonToken v = first; v != JsonToken.END_ARRAY; v = p.nextToken(), n++) {
                if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT)
                    throw new IllegalArgumentException("a position holds a non-number: " + v);
                double d = p.getDoubleValue();
                if (n == 0) x = d;
                else if (n == 1) y = d;
                else if (n == 2) z = d;
            }
            return new Coordinate(x, y, z);
        }
        List<Object> out = new ArrayList<>();
        for (JsonToken v = first; v != JsonToken.END_ARRAY; v = p.nextToken()) out.add(nested(p, v));
        return out;
    }

    /** A list value; a missing value is an empty list where JTS allows it ({@code nullIsEmpty}). */
    private static List<?> list(Object o, boolean nullIsEmpty) {
        if (o == null) {
            if (nullIsEmpty) return List.of();
            throw new IllegalArgumentException("missing 'coordinates'");
        }
        if (o instanceof List<?> l) return l;
        throw new IllegalArgumentException("expected an array of positions or arrays, found a position");
    }

    private static Geometry point(Object coordinates) {
        if (coordinates == null || (coordinates instanceof List<?> l && l.isEmpty()))
            return GF.createPoint(new CoordinateArraySequence(0));
        if (!(coordinates instanceof Coordinate c))
            throw new IllegalArgumentException("a Point's coordinates must be one position");
        return GF.createPoint(new CoordinateArraySequence(new Coordinate[] {c}));
    }

    private static CoordinateArraySequence sequence(List<?> positions) {
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) {
            Object o = positions.get(i);
            if (o instanceof Coordinate c) cs[i] = c;
            else if (o instanceof List<?> l && l.isEmpty()) cs[i] = new Coordinate(); // [] is (0, 0), as in JTS
            else throw new IllegalArgumentException("expected a position, found an array of arrays");
        }
        return new CoordinateArraySequence(cs);
    }

    /** Rings → polygon; no rings: an empty polygon, or (inside a MultiPolygon) an error, as in JTS. */
    private static Polygon polygon(List<?> rings, boolean inMulti) {
        if (rings.isEmpty()) {
            if (inMulti) throw new IllegalArgumentException("a MultiPolygon member has no rings");
            return GF.createPolygon();
        }
        LinearRing shell = GF.createLinearRing(sequence(list(rings.get(0), true)));
        LinearRing[] holes = null;
        if (rings.size() > 1) {
            holes = new LinearRing[rings.size() - 1];
            for (int i = 1; i < rings.size(); i++)
                holes[i - 1] = GF.createLinearRing(sequence(list(rings.get(i), true)));
        }
        return GF.createPolygon(shell, holes);
    }
}
