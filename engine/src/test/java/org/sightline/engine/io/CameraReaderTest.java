package org.sightline.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;

class CameraReaderTest {
    static final String HEADER = "camera_id,lon,lat,heading_deg,fov_deg,range_m,height_m,kind,live_feed,"
            + "retention_days,status,owner_name,owner_phone,owner_email\n";

    /** One bad row of each kind (line → expected reason), among good rows around Uptown Charlotte. */
    static final String CSV = HEADER
            + "c1,-80.8431,35.2271,90,60,40,4,business,true,30,active,Ann,555-0101,ann@example.com\n" // 2
            + "c2,-80.8432,35.2272,,,,,resident,,,,Bob,555-0102,bob@example.com\n" // 3
            + "c3,-80.8433,35.2273,180,90,50,3,resident,false,7,inactive,\"Jane\nDoe\",555-0103,j@example.com\n" // 4-5
            + "c4,-80.8434,35.2274,,360,30,3,business,yes,14,active,,,\n" // 6
            + "c5,-80.8435,35.2275,45.5,70.5,60,3,Business,FALSE,7,Active,,,\n" // 7
            + "c6,-80.8436,35.2276,10,50,,,,,,,,,\n" // 8
            + "b1,,35.2271,90,60,40,3,resident,true,7,active,Secret Owner,555-9999,secret@example.com\n" // 9
            + "b2,-80.8431,abc,90,60,40,3,resident,true,7,active,,,\n" // 10
            + "b3,200,35.2271,90,60,40,3,resident,true,7,active,,,\n" // 11
            + "b4,-100,95,90,60,40,3,resident,true,7,active,,,\n" // 12
            + "b5,35.2271,-100.8431,90,60,40,3,resident,true,7,active,,,\n" // 13
            + "b6,35.2272,-80.8432,90,60,40,3,resident,true,7,active,,,\n" // 14
            + "b7,-90.0706,29.9538,90,60,40,3,resident,true,7,active,,,\n" // 15
            + "c1,-80.8437,35.2277,90,60,40,3,resident,true,7,active,Dup Owner,555-0000,dup@example.com\n" // 16
            + "b9,-80.8438,35.2278,360,60,40,3,resident,true,7,active,,,\n" // 17
            + "b10,-80.8439,35.2279,90,0,40,3,resident,true,7,active,,,\n" // 18
            + "b11,-80.8440,35.2280,90,60,600,3,resident,true,7,active,,,\n" // 19
            + "b12,-80.8441,35.2281,90,60,40,3,police,true,7,active,,,\n" // 20
            + "b13,-80.8442,35.2282,90,60,40,3,resident,maybe,7,active,,,\n" // 21
            + "b14,-80.8443,35.2283,90,60,40,3,resident,true,7,broken,,,\n" // 22
            + "b15,NaN,35.2284,90,60,40,3,resident,true,7,active,,,\n" // 23
            + "c7,-80.8444,35.2285,270,45,80,6,business,1,3,active,,,\n"; // 24

    static final Map<Long, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put(9L, "missing coordinate (lon)");
        EXPECTED.put(10L, "non-numeric coordinate lat 'abc'");
        EXPECTED.put(11L, "lon 200 out of range [-180, 180]");
        EXPECTED.put(12L, "lat 95 out of range [-90, 90]");
        EXPECTED.put(13L, "probably swapped lat/lon (lon 35.2271, lat -100.8431)");
        EXPECTED.put(14L, "probably swapped lat/lon (lon 35.2272, lat -80.8432)");
        EXPECTED.put(15L, "position far outside the layer's extent");
        EXPECTED.put(16L, "duplicate camera_id 'c1' (first on line 2)");
        EXPECTED.put(17L, "heading_deg 360 outside [0, 360)");
        EXPECTED.put(18L, "fov_deg 0 outside (0, 360]");
        EXPECTED.put(19L, "range_m 600 outside (0, 500]");
        EXPECTED.put(20L, "unknown kind 'police' (use resident or business)");
        EXPECTED.put(21L, "bad live_feed 'maybe' (use true or false)");
        EXPECTED.put(22L, "bad status 'broken' (use active or inactive)");
        EXPECTED.put(23L, "non-numeric coordinate lon 'NaN'");
    }

    @TempDir
    Path dir;

    private LayerResult<Camera> read(String content, boolean bom) throws IOException {
        Path f = dir.resolve(bom ? "bom.csv" : "cameras.csv");
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = body;
        if (bom) {
            bytes = new byte[body.length + 3];
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
            System.arraycopy(body, 0, bytes, 3, body.length);
        }
        Files.write(f, bytes);
        return CameraReader.read(f, ColumnMap.NONE, ReadOptions.DEFAULTS);
    }

    @Test
    void eachBadRowIsRejectedOnceWithItsReasonAndEveryGoodRowIsAccepted() throws IOException {
        LayerResult<Camera> r = read(CSV, false);
        assertThat(r.rejects()).extracting(Reject::sourceLine).containsExactlyElementsOf(EXPECTED.keySet());
        for (Reject rej : r.rejects()) {
            assertThat(rej.layer()).isEqualTo("cameras");
            assertThat(rej.reason()).as("line %d", rej.sourceLine()).startsWith(EXPECTED.get(rej.sourceLine()));
        }
        assertThat(r.accepted()).extracting(Camera::id).containsExactly("c1", "c2", "c3", "c4", "c5", "c6", "c7");
        LayerStats s = r.stats();
        assertThat(s.read()).isEqualTo(22);
        assertThat(s.read()).isEqualTo(s.accepted() + s.rejected());
        assertThat(s.rejected()).isEqualTo(EXPECTED.size());
        assertThat(s.repaired()).isZero();
        assertThat(s.lowConfidence()).isEqualTo(2); // c2 (no heading, fov), c6 (no range)
    }

    @Test
    void rejectKeepsTheRawRowWithOwnerFieldsBlanked() throws IOException {
        LayerResult<Camera> r = read(CSV, false);
        Reject missingLon = r.rejects().get(0);
        assertThat(missingLon.raw()).isEqualTo("b1,,35.2271,90,60,40,3,resident,true,7,active,,,");
        Reject dup = r.rejects().stream()
                .filter(x -> x.sourceLine() == 16)
                .findFirst()
                .orElseThrow();
        assertThat(dup.raw()).startsWith("c1,-80.8437,35.2277").doesNotContain("Dup Owner", "dup@example.com");
    }

    @Test
    void valuesAndDefaultsFollowTheContract() throws IOException {
        Map<String, Camera> byId = new LinkedHashMap<>();
        read(CSV, false).accepted().forEach(c -> byId.put(c.id(), c));
        Camera c1 = byId.get("c1");
        assertThat(c1.position().getX()).isEqualTo(-80.8431);
        assertThat(c1.position().getY()).isEqualTo(35.2271);
        assertThat(c1.headingDeg()).isEqualTo(90);
        assertThat(c1.kind()).isEqualTo(CameraKind.BUSINESS);
        assertThat(c1.liveFeed()).isTrue();
        assertThat(c1.retentionDays()).isEqualTo(30);
        assertThat(c1.owner().email()).isEqualTo("ann@example.com");
        assertThat(c1.lowConfidence()).isFalse();

        Camera c2 = byId.get("c2"); // unknown heading and FOV: 360°, reduced range, low confidence
        assertThat(c2.fovDeg()).isEqualTo(360);
        assertThat(c2.rangeM()).isEqualTo(25);
        assertThat(c2.lowConfidence()).isTrue();
        assertThat(c2.heightM()).isEqualTo(Camera.DEFAULT_HEIGHT_M);
        assertThat(c2.retentionDays()).isEqualTo(Camera.DEFAULT_RETENTION_DAYS);
        assertThat(c2.active()).isTrue();
        assertThat(c2.liveFeed()).isFalse();

        assertThat(byId.get("c3").active()).isFalse();
        assertThat(byId.get("c3").owner().name()).isEqualTo("Jane\nDoe");
        Camera c4 = byId.get("c4"); // FOV 360 needs no heading: full confidence, own range
        assertThat(c4.lowConfidence()).isFalse();
        assertThat(c4.rangeM()).isEqualTo(30);
        assertThat(byId.get("c6").lowConfidence()).isTrue();
        assertThat(byId.get("c6").fovDeg()).isEqualTo(50);
        assertThat(byId.get("c6").rangeM()).isEqualTo(25);
        assertThat(byId.get("c7").heightM()).isEqualTo(6);
    }

    @Test
    void aByteOrderMarkChangesNothing() throws IOException {
        LayerResult<Camera> plain = read(CSV, false);
        LayerResult<Camera> bom = read(CSV, true);
        assertThat(bom.stats()).isEqualTo(plain.stats());
        assertThat(bom.accepted()).isEqualTo(plain.accepted());
        assertThat(bom.rejects()).isEqualTo(plain.rejects());
    }

    @Test
    void mappedColumnsMatchCaseInsensitivelyAndConstantsFillMissingColumns() throws IOException {
        Path f = dir.resolve("green.csv");
        Files.writeString(f, " X , Y ,Name\n-83.1,42.4,a\n-83.2,42.41,b\n");
        LayerResult<Camera> r = CameraReader.read(
                f, ColumnMap.parse("lon=x,lat=y,camera_id=NAME", "kind=business,live_feed=true"), ReadOptions.DEFAULTS);
        assertThat(r.rejects()).isEmpty();
        assertThat(r.accepted()).extracting(Camera::id).containsExactly("a", "b");
        assertThat(r.accepted()).allMatch(c -> c.kind() == CameraKind.BUSINESS && c.liveFeed() && c.lowConfidence());
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aFileWithoutIdsGetsSynthesizedIdsAndAWarning() throws IOException {
        Path f = dir.resolve("noid.csv");
        Files.writeString(f, "latitude,longitude\n29.95,-90.07\n29.96,-90.08\n");
        LayerResult<Camera> r = CameraReader.read(f, ColumnMap.NONE, ReadOptions.DEFAULTS);
        assertThat(r.accepted()).extracting(Camera::id).containsExactly("cameras-2", "cameras-3");
        assertThat(r.warnings()).anyMatch(w -> w.contains("synthesized as cameras-<line>"));
        assertThat(r.warnings()).anyMatch(w -> w.contains("no kind column"));
    }

    @Test
    void aBadConstantFailsTheRunInsteadOfEveryRow() throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "lon,lat\n-83.1,42.4\n");
        assertThatThrownBy(() -> CameraReader.read(f, ColumnMap.parse(null, "kind=police"), ReadOptions.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown kind 'police'");
    }

    @Test
    void unreadableFilesNameTheFileAndTheProblem() throws IOException {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CameraReader.read(missing, ColumnMap.NONE, ReadOptions.DEFAULTS))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("nope.csv")
                .hasMessageContaining("not found");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "\n\n");
        assertThatThrownBy(() -> CameraReader.read(empty, ColumnMap.NONE, ReadOptions.DEFAULTS))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("empty.csv")
                .hasMessageContaining("empty");
        Path noLon = Files.writeString(dir.resolve("nolon.csv"), "id,X,Y\n1,2,3\n");
        assertThatThrownBy(() -> CameraReader.read(noLon, ColumnMap.NONE, ReadOptions.DEFAULTS))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("nolon.csv")
                .hasMessageContaining("no column for lon, lat")
                .hasMessageContaining("columns id, X, Y")
                .hasMessageContaining("--map lon=COLUMN,lat=COLUMN");
        assertThatThrownBy(
                        () -> CameraReader.read(noLon, ColumnMap.parse("lon=LONG,lat=Y", null), ReadOptions.DEFAULTS))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("column 'LONG' (--map lon=LONG) is not in the file");
        Path badJson =
                Files.writeString(dir.resolve("bad.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [");
        assertThatThrownBy(() -> CameraReader.read(badJson, ColumnMap.NONE, ReadOptions.DEFAULTS))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("bad.geojson")
                .hasMessageContaining("not valid JSON");
        Path unterminated = Files.writeString(dir.resolve("quote.csv"), "lon,lat\n\"-80.1,35\n");
        assertThatThrownBy(() -> CameraReader.read(unterminated, ColumnMap.NONE, ReadOptions.DEFAULTS))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("quote.csv")
                .hasMessageContaining("not parseable as CSV");
    }

    @Test
    void geoJsonPointsWithEmptyOrWrongGeometriesAreRejected() throws IOException {
        Path f = dir.resolve("cams.geojson");
        Files.writeString(f, """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "id": "g1", "properties": {"heading_deg": 90, "fov_deg": 60, "range_m": 40},
                  "geometry": {"type": "Point", "coordinates": [-80.8431, 35.2271]}},
                 {"type": "Feature", "properties": {"camera_id": "g2"}, "geometry": {"type": "Point", "coordinates": []}},
                 {"type": "Feature", "properties": {"camera_id": "g3"},
                  "geometry": {"type": "LineString", "coordinates": [[-80.84, 35.22], [-80.85, 35.23]]}},
                 {"type": "Feature", "properties": {"camera_id": "g4"}, "geometry": null},
                 {"type": "Feature", "properties": {"camera_id": "g5", "owner_email": "x@example.com"},
                  "geometry": {"type": "Point", "coordinates": [-80.8432, 35.2272]}}
                ]}""");
        LayerResult<Camera> r = CameraReader.read(f, ColumnMap.NONE, ReadOptions.DEFAULTS);
        assertThat(r.accepted()).extracting(Camera::id).containsExactly("g1", "g5");
        assertThat(r.rejects())
                .extracting(Reject::sourceLine, Reject::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "empty geometry"),
                        org.assertj.core.groups.Tuple.tuple(3L, "wrong geometry type LineString (expected Point)"),
                        org.assertj.core.groups.Tuple.tuple(4L, "missing geometry"));
        assertThat(r.rejects().get(1).raw()).contains("\"camera_id\":\"g3\"");
    }
}
