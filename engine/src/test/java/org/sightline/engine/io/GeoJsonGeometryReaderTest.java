package org.sightline.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The streaming geometry reader agrees with the tree parser on every input, odd ones included. */
class GeoJsonGeometryReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] GEOMETRIES = {
        "{\"type\": \"Point\", \"coordinates\": [-80.84, 35.22]}",
        "{\"type\": \"Point\", \"coordinates\": []}",
        "{\"type\": \"MultiPoint\", \"coordinates\": [[1, 2], [3, 4.5, 9]]}",
        "{\"coordinates\": [[1, 2], [3, 4]], \"bbox\": [1, 2, 3, 4], \"type\": \"LineString\"}",
        "{\"type\": \"LineString\", \"coordinates\": [[1, 2]]}",
        "{\"type\": \"MultiLineString\", \"coordinates\": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [10, 0], [10, 10], [0, 10]]]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [10, 0], [0, 0]]]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [10, 0], [10, 10], [0, 0]], []]}",
        "{\"type\": \"Polygon\", \"coordinates\": []}",
        "{\"type\": \"Polygon\", \"coordinates\": [[]]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[1, \"2\"], [3, 4], [5, 6], [1, 2]]]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[1], [3, 4], [5, 6], [1, 2]]]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1e400, 0], [10, 10], [0, 0]]]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[0, 0], [10, 0], [10, 10], [0, 0]]}",
        "{\"type\": \"Polygon\"}",
        "{\"type\": \"Polygon\", \"coordinates\": null}",
        "{\"type\": 5, \"coordinates\": [1, 2]}",
        "{\"type\": \"Hexagon\", \"coordinates\": [1, 2]}",
        "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6]]]]}",
        "{\"type\": \"GeometryCollection\", \"geometries\": [{\"type\": \"Point\", \"coordinates\": [1, 2]}]}",
        "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [10, 0], [10, 10], [0, 0]]], \"type\": \"LineString\"}",
    };

    @Test
    void streamingAndTreeReadersGiveTheSameGeometryOrReason() throws IOException {
        for (String g : GEOMETRIES) {
            byte[] doc = ("{\"geometry\": " + g + ", \"after\": 1}").getBytes(StandardCharsets.UTF_8);
            GeoJsonGeometryReader reader = new GeoJsonGeometryReader(
                    (start, end) -> JSON.readTree(Arrays.copyOfRange(doc, (int) start, (int) end)));
            FeatureGeometry streamed;
            try (JsonParser p = JSON.getFactory().createParser(doc)) {
                p.nextToken();
                p.nextToken();
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                streamed = reader.read(p);
                assertThat(p.currentToken()).as(g).isEqualTo(JsonToken.END_OBJECT);
                assertThat(p.nextToken()).as(g).isEqualTo(JsonToken.FIELD_NAME);
                assertThat(p.currentName()).as(g).isEqualTo("after");
            }
            FeatureGeometry tree = reader.slow(JSON.readTree(g));
            assertThat(streamed.error()).as(g).isEqualTo(tree.error());
            assertThat(streamed.closedRing()).as(g).isEqualTo(tree.closedRing());
            if (tree.geometry() != null) {
                assertThat(streamed.geometry().equalsExact(tree.geometry()))
                        .as(g)
                        .isTrue();
                assertThat(streamed.geometry().toText())
                        .as(g)
                        .isEqualTo(tree.geometry().toText());
            }
        }
    }
}
