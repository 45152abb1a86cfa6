package org.sightline.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Street;

class FootprintReaderTest {
    @TempDir
    Path dir;

    private static String feature(String props, String geometry) {
        return "{\"type\": \"Feature\", \"properties\": " + props + ", \"geometry\": " + geometry + "}";
    }

    private Path collection(String name, String... features) throws IOException {
        return Files.writeString(
                dir.resolve(name),
                "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",\n", features) + "]}");
    }

    static final String SQUARE = "{\"type\": \"Polygon\", \"coordinates\": [[[-80.8400, 35.2200], [-80.8390, 35.2200],"
            + " [-80.8390, 35.2210], [-80.8400, 35.2210], [-80.8400, 35.2200]]]}";

    @Test
    void heightsUnitsRepairsAndRejects() throws IOException {
        Path f = collection(
                "b.geojson",
                feature("{\"building_id\": \"a\", \"height_m\": \"12\"}", SQUARE),
                feature("{\"building_id\": \"b\", \"height_m\": \"12.5 m\", \"use\": \"commercial\"}", SQUARE),
                feature("{\"building_id\": \"c\", \"height_m\": \"40 ft\"}", SQUARE),
                feature("{\"building_id\": \"d\", \"height_m\": \"\"}", SQUARE),
                feature("{\"building_id\": \"e\", \"height_m\": \"tall\"}", SQUARE),
                // unclosed ring: closed, counted as repaired
                feature(
                        "{\"building_id\": \"f\"}",
                        "{\"type\": \"Polygon\", \"coordinates\": [[[-80.84, 35.22],"
                                + " [-80.839, 35.22], [-80.839, 35.221], [-80.84, 35.221]]]}"),
                // a zero-width spike: repaired without changing the area
                feature(
                        "{\"building_id\": \"g\"}",
                        "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [10, 0],"
                                + " [10, 10], [10, 15], [10, 10], [0, 10], [0, 0]]]}"),
                // bow-tie: the fix would double the area: rejected
                feature(
                        "{\"building_id\": \"h\"}",
                        "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [10, 10],"
                                + " [10, 0], [0, 10], [0, 0]]]}"),
                feature("{\"building_id\": \"i\"}", "{\"type\": \"Polygon\", \"coordinates\": []}"),
                feature("{\"building_id\": \"j\"}", "{\"type\": \"Point\", \"coordinates\": [-80.84, 35.22]}"),
                feature("{\"building_id\": \"a\"}", SQUARE));
        LayerResult<Footprint> r = FootprintReader.read(f, ColumnMap.NONE, ReadOptions.DEFAULTS);
        assertThat(r.accepted()).extracting(Footprint::id).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(r.accepted().get(0).heightM()).isEqualTo(12);
        assertThat(r.accepted().get(1).heightM()).isEqualTo(12.5);
        assertThat(r.accepted().get(1).use()).isEqualTo("commercial");
        assertThat(r.accepted().get(2).heightM()).isCloseTo(12.192, Offset.offset(1e-9));
        assertThat(r.accepted().get(3).hasHeight()).isFalse();
        assertThat(r.accepted().get(4).hasHeight()).isFalse();
        assertThat(r.accepted()).allMatch(fp -> fp.geometry().isValid());
        assertThat(r.accepted().get(6).geometry().getArea()).isEqualTo(100);
        assertThat(r.stats().repaired()).isEqualTo(2);
        assertThat(r.rejects()).extracting(Reject::sourceLine).containsExactly(8L, 9L, 10L, 11L);
        assertThat(r.rejects().get(0).reason())
                .startsWith("invalid polygon (Self-intersection")
                .contains("repair would change its area by");
        assertThat(r.rejects().get(1).reason()).isEqualTo("empty geometry");
        assertThat(r.rejects().get(2).reason())
                .isEqualTo("wrong geometry type Point (expected Polygon or MultiPolygon)");
        assertThat(r.rejects().get(3).reason()).isEqualTo("duplicate building_id 'a' (first on line 1)");
        assertThat(r.warnings()).anyMatch(w -> w.contains("1 height_m values are not lengths") && w.contains("'tall'"));
    }

    @Test
    void buildingsMustBeGeoJson() throws IOException {
        Path f = Files.writeString(dir.resolve("b.csv"), "id,wkt\n1,POINT (1 2)\n");
        assertThatThrownBy(() -> FootprintReader.read(f, ColumnMap.NONE, ReadOptions.DEFAULTS))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("buildings must be GeoJSON");
    }

    @Test
    void areasAndStreets() throws IOException {
        Path a = collection(
                "areas.geojson",
                feature("{\"id\": \"9\", \"name\": \"Uptown\"}", SQUARE),
                feature(
                        "{\"id\": \"10\"}",
                        "{\"type\": \"MultiPolygon\", \"coordinates\": [["
                                + "[[-80.83, 35.22], [-80.82, 35.22], [-80.82, 35.23], [-80.83, 35.22]]]]}"));
        LayerResult<Area> areas = AreaReader.read(a, ColumnMap.parse("areas.area_id=id", null), ReadOptions.DEFAULTS);
        assertThat(areas.accepted())
                .extracting(Area::id, Area::name)
                .containsExactly(tuple("9", "Uptown"), tuple("10", ""));
        Path s = collection(
                "streets.geojson",
                feature(
                        "{\"street_id\": \"s1\", \"name\": \"Trade St\"}",
                        "{\"type\": \"LineString\", \"coordinates\": [[-80.84, 35.22], [-80.83, 35.23]]}"),
                feature("{\"street_id\": \"s2\"}", SQUARE),
                feature(
                        "{\"street_id\": \"s3\"}",
                        "{\"type\": \"LineString\", \"coordinates\": [[-80.84, 35.22], [-80.84, 35.22]]}"));
        LayerResult<Street> streets = StreetReader.read(s, ColumnMap.NONE, ReadOptions.DEFAULTS);
        assertThat(streets.accepted()).extracting(Street::id).containsExactly("s1");
        assertThat(streets.rejects())
                .extracting(Reject::reason)
                .containsExactly(
                        "wrong geometry type Polygon (expected LineString or MultiLineString)",
                        "degenerate line (zero length)");
    }

    @Test
    void aRejectKeepsTheFeatureAsWrittenEvenAfterAByteOrderMark() throws IOException {
        Path f = dir.resolve("bom.geojson");
        Files.writeString(
                f,
                "\uFEFF{\"type\": \"FeatureCollection\", \"features\": ["
                        + feature("{\"building_id\": \"a\", \"note\": \"caf\u00e9\"}", SQUARE) + ",\n"
                        + feature("{\"building_id\": \"b\", \"height_m\": 4.50}", "{\"type\": \"Polygon\"}")
                        + "]}");
        LayerResult<Footprint> r = FootprintReader.read(f, ColumnMap.NONE, ReadOptions.DEFAULTS);
        assertThat(r.accepted()).extracting(Footprint::id).containsExactly("a");
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo("empty geometry");
            assertThat(x.raw())
                    .isEqualTo("{\"type\":\"Feature\",\"properties\":{\"building_id\":\"b\",\"height_m\":4.5},"
                            + "\"geometry\":{\"type\":\"Polygon\"}}");
        });
    }

    @Test
    void aMappedColumnThatNoFeatureHasFailsTheRunNamingTheColumnsOfAllFeatures() throws IOException {
        Path f = collection(
                "b.geojson",
                feature("{\"building_id\": \"a\"}", SQUARE),
                feature("{\"building_id\": \"b\", \"levels\": 3}", SQUARE));
        assertThatThrownBy(
                        () -> FootprintReader.read(f, ColumnMap.parse("height_m=height", null), ReadOptions.DEFAULTS))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("column 'height' (--map height_m=height) is not in the file")
                .hasMessageContaining("columns building_id, levels");
    }
}
