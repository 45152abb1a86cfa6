package org.sightline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sightline.engine.geo.Geometries;

class GeoJsonTest {
    @TempDir
    Path dir;

    /** The reader this one replaced: a whole JSON tree, each geometry through JTS' GeoJsonReader. */
    static List<Feature> reference(Path file) throws Exception {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        GeoJsonReader reader = new GeoJsonReader(Geometries.FACTORY);
        List<Feature> out = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            Map<String, String> props = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                props.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
            JsonNode g = f.get("geometry");
            Geometry geom = g == null || g.isNull() ? Geometries.emptyPolygon() : reader.read(g.toString());
            geom.setSRID(0);
            out.add(new Feature(geom, props));
        }
        return out;
    }

    @Test
    void randomCollectionsReadAsTheTreeAndJtsReaderReadThem() throws Exception {
        for (int round = 0; round < 200; round++) {
            long seed = 0x5eed0000L + round;
            SplittableRandom r = new SplittableRandom(seed);
            Path file = dir.resolve("r" + round + ".geojson");
            Files.writeString(file, collection(r));
            List<Feature> expected = reference(file);
            List<Feature> actual = GeoJson.read(file);
            assertSame(expected, actual, "seed " + seed);
            List<Feature> geometryOnly = GeoJson.read(file, Set.of());
            assertThat(geometryOnly).as("seed %d", seed).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(geometryOnly.get(i).properties()).as("seed %d", seed).isEmpty();
                assertSameGeometry(
                        expected.get(i).geometry(), geometryOnly.get(i).geometry(), "seed " + seed);
            }
            List<Feature> someProps = GeoJson.read(file, Set.of("id", "n"));
            for (int i = 0; i < expected.size(); i++) {
                Map<String, String> want = new LinkedHashMap<>(expected.get(i).properties());
                want.keySet().retainAll(Set.of("id", "n"));
                assertThat(someProps.get(i).properties()).as("seed %d", seed).isEqualTo(want);
            }
        }
    }

    @Test
    void geometriesJtsRejectsAreRejected() throws Exception {
        List<String> bad = List.of(
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1]]]}", // ring too short
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,2]]]}", // not closed
                "{\"type\":\"LineString\",\"coordinates\":[[0,0]]}",
                "{\"type\":\"Curve\",\"coordinates\":[[0,0],[1,1]]}",
                "{\"coordinates\":[0,0]}",
                "{\"type\":\"MultiPolygon\",\"coordinates\":[[]]}",
                "{\"type\":\"MultiLineString\"}",
                "{\"type\":\"Point\",\"coordinates\":[\"a\",1]}",
                "\"POINT (1 2)\"");
        for (String g : bad) {
            Path file = dir.resolve("bad.geojson");
            Files.writeString(file, "{\"features\":[{\"type\":\"Feature\",\"geometry\":" + g + "}]}");
            assertThatThrownBy(() -> reference(file)).as(g).isNotNull();
            assertThatThrownBy(() -> GeoJson.read(file))
                    .as(g)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad geometry in");
        }
    }

    @Test
    void unusualButReadableDocuments() throws Exception {
        List<String> docs = List.of(
                "{}",
                "{\"type\":\"FeatureCollection\",\"features\":[]}",
                "{\"features\":[1, null, {\"geometry\":null}, {\"properties\":7}]}",
                "{\"features\":[{\"geometry\":{\"coordinates\":[[1,2],[3,4]],\"type\":\"LineString\"}}],"
                        + " \"bbox\":[0,0,1,1], \"features\":[{\"properties\":{\"a\":1,\"a\":2}}]}",
                "{\"features\":[{\"geometry\":{\"type\":\"Point\",\"coordinates\":[]}},"
                        + " {\"geometry\":{\"type\":\"Point\",\"coordinates\":[5]}},"
                        + " {\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}},"
                        + " {\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[],[1,1,7,8]]}},"
                        + " {\"geometry\":{\"type\":\"MultiPoint\",\"coordinates\":[]}},"
                        + " {\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[]]}},"
                        + " {\"geometry\":{\"type\":\"GeometryCollection\",\"geometries\":[]}}]}");
        for (String d : docs) {
            Path file = dir.resolve("odd.geojson");
            Files.writeString(file, d);
            assertSame(reference(file), GeoJson.read(file), d);
        }
    }

    private static void assertSame(List<Feature> expected, List<Feature> actual, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).properties())
                    .as(what + ", feature " + i)
                    .containsExactlyEntriesOf(expected.get(i).properties());
            assertSameGeometry(expected.get(i).geometry(), actual.get(i).geometry(), what + ", feature " + i);
        }
    }

    private static void assertSameGeometry(Geometry e, Geometry a, String what) {
        assertThat(a.getGeometryType()).as(what).isEqualTo(e.getGeometryType());
        assertThat(a.getSRID()).as(what).isEqualTo(e.getSRID());
        assertThat(a.getNumGeometries()).as(what).isEqualTo(e.getNumGeometries());
        assertThat(a.equalsExact(e)).as(what + ": " + e + " vs " + a).isTrue();
        Coordinate[] ce = e.getCoordinates(), ca = a.getCoordinates();
        assertThat(ca.length).as(what).isEqualTo(ce.length);
        for (int k = 0; k < ce.length; k++) {
            assertThat(Double.compare(ca[k].x, ce[k].x)).as(what).isZero();
            assertThat(Double.compare(ca[k].y, ce[k].y)).as(what).isZero();
            assertThat(Double.compare(ca[k].getZ(), ce[k].getZ())).as(what).isZero();
        }
    }

    // --- random documents: every geometry type, property types, key orders, number spellings ---

    private static String collection(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("{");
        if (r.nextBoolean()) sb.append("\"type\":\"FeatureCollection\",");
        if (r.nextInt(4) == 0) sb.append("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4326\"}},");
        sb.append("\"features\":[");
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(",\n");
            sb.append(feature(r, i));
        }
        sb.append("]");
        if (r.nextBoolean()) sb.append(",\"bbox\":[-81,35,-80,36]");
        return sb.append("}").toString();
    }

    private static String feature(SplittableRandom r, int i) {
        List<String> parts = new ArrayList<>();
        parts.add("\"type\":\"Feature\"");
        if (r.nextInt(5) > 0) parts.add("\"properties\":" + properties(r, i));
        else if (r.nextBoolean()) parts.add("\"properties\":null");
        int g = r.nextInt(10);
        if (g == 0) parts.add("\"geometry\":null");
        else if (g > 1) parts.add("\"geometry\":" + geometry(r, 0));
        if (r.nextInt(4) == 0) parts.add("\"id\":" + i);
        shuffle(parts, r);
        return "{" + String.join(",", parts) + "}";
    }

    private static String properties(SplittableRandom r, int i) {
        List<String> parts = new ArrayList<>();
        parts.add("\"id\":\"F" + i + "\"");
        parts.add("\"n\":" + number(r));
        parts.add("\"flag\":" + r.nextBoolean());
        parts.add("\"none\":null");
        parts.add("\"text\":\"a \\\"quoted\\\" é\\u00e9 \\n x\"");
        parts.add("\"obj\":{\"x\":[1,2,{\"y\":3}]}");
        parts.add("\"arr\":[1,\"two\",null]");
        parts.add("\"big\":" + (r.nextBoolean() ? "12345678901234567890" : "-0"));
        parts.add("\"f\":" + (r.nextBoolean() ? "1.0E-7" : "0.50"));
        shuffle(parts, r);
        return "{" + String.join(",", parts.subList(0, r.nextInt(parts.size() + 1))) + "}";
    }

    private static String geometry(SplittableRandom r, int depth) {
        int t = r.nextInt(depth > 1 ? 6 : 7);
        String type;
        String coords;
        switch (t) {
            case 0 -> {
                type = "Point";
                coords = position(r);
            }
            case 1 -> {
                type = "LineString";
                coords = line(r);
            }
            case 2 -> {
                type = "Polygon";
                coords = rings(r);
            }
            case 3 -> {
                type = "MultiPoint";
                coords = positions(r, r.nextInt(4));
            }
            case 4 -> {
                type = "MultiLineString";
                List<String> ls = new ArrayList<>();
                for (int i = r.nextInt(3); i >= 0; i--) ls.add(line(r));
                coords = "[" + String.join(",", ls) + "]";
            }
            case 5 -> {
                type = "MultiPolygon";
                List<String> ps = new ArrayList<>();
                for (int i = r.nextInt(3); i >= 0; i--) ps.add(rings(r));
                coords = "[" + String.join(",", ps) + "]";
            }
            default -> {
                List<String> gs = new ArrayList<>();
                for (int i = r.nextInt(3); i >= 0; i--) gs.add(geometry(r, depth + 1));
                List<String> parts = new ArrayList<>(
                        List.of("\"type\":\"GeometryCollection\"", "\"geometries\":[" + String.join(",", gs) + "]"));
                shuffle(parts, r);
                return "{" + String.join(",", parts) + "}";
            }
        }
        List<String> parts = new ArrayList<>(List.of("\"type\":\"" + type + "\"", "\"coordinates\":" + coords));
        if (r.nextInt(5) == 0) parts.add("\"bbox\":[0,0,1,1]");
        shuffle(parts, r);
        return "{" + String.join(",", parts) + "}";
    }

    private static String line(SplittableRandom r) {
        return positions(r, 2 + r.nextInt(4));
    }

    /** One to three closed rings of 4 to 7 positions. */
    private static String rings(SplittableRandom r) {
        List<String> rings = new ArrayList<>();
        for (int k = r.nextInt(3); k >= 0; k--) {
            List<String> ps = new ArrayList<>();
            int n = 3 + r.nextInt(4);
            for (int i = 0; i < n; i++) ps.add(position(r));
            ps.add(ps.get(0));
            rings.add("[" + String.join(",", ps) + "]");
        }
        return "[" + String.join(",", rings) + "]";
    }

    private static String positions(SplittableRandom r, int n) {
        List<String> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) ps.add(position(r));
        return "[" + String.join(",", ps) + "]";
    }

    private static String position(SplittableRandom r) {
        String xy = coordinate(r, -81.1, -80.6) + "," + coordinate(r, 35.0, 35.4);
        return switch (r.nextInt(6)) {
            case 0 -> "[" + xy + "," + number(r) + "]";
            case 1 -> "[" + xy + "," + number(r) + "," + number(r) + "]";
            default -> "[" + xy + "]";
        };
    }

    private static String coordinate(SplittableRandom r, double lo, double hi) {
        double v = lo + (hi - lo) * r.nextDouble();
        return switch (r.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, "%.8f", v);
            case 1 -> Double.toString(v);
            case 2 -> String.format(Locale.ROOT, "%.3e", v);
            default -> Long.toString(Math.round(v));
        };
    }

    private static String number(SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> Integer.toString(r.nextInt(-1000, 1000));
            case 1 -> Double.toString(r.nextDouble() * 1000);
            case 2 -> String.format(Locale.ROOT, "%.2f", r.nextDouble() * 100);
            case 3 -> String.format(Locale.ROOT, "%.4E", r.nextDouble() * 1e6);
            default -> "0.1";
        };
    }

    private static void shuffle(List<String> l, SplittableRandom r) {
        for (int i = l.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = l.get(i);
            l.set(i, l.get(j));
            l.set(j, t);
        }
    }
}
