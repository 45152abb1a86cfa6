package org.sightline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import picocli.CommandLine;

/**
 * Every stage command end to end on the committed small city (notebooks-data/small): exit codes, the
 * files and columns of docs/outputs.md, and GeoJSON that parses into valid geometries.
 */
class StageCommandsTest {
    static final Path CITY = GenerateCommandTest.COMMITTED;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    static String run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cli = SightlineCli.commandLine();
        cli.setOut(new PrintWriter(text));
        cli.setErr(new PrintWriter(text));
        int code = cli.execute(args);
        assertThat(code).as(String.join(" ", args) + "\n" + text).isZero();
        return text.toString();
    }

    static String f(String name) {
        return CITY.resolve(name).toString();
    }

    @BeforeAll
    static void cityExists() {
        assertThat(Files.exists(CITY.resolve("cameras.csv"))).isTrue();
    }

    @Test
    void viewshedsWritesOneValidFeaturePerCamera() throws IOException {
        Path out = root.resolve("viewsheds");
        String text = run(
                "viewsheds",
                "--cameras",
                f("cameras.csv"),
                "--buildings",
                f("buildings.geojson"),
                "--out",
                out.toString());
        assertThat(text).contains("150 cameras");
        List<JsonNode> features = validFeatures(out.resolve("viewsheds.geojson"));
        assertThat(features).hasSize(150);
        assertThat(features.get(0).get("properties").fieldNames())
                .toIterable()
                .containsExactly("camera_id", "kind", "live_feed", "area_m2", "low_confidence", "status");
        assertThat(header(out.resolve("viewsheds.csv")))
                .containsExactly("camera_id", "kind", "live_feed", "area_m2", "low_confidence", "status", "wkt");
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/layers/cameras/accepted").asLong()).isEqualTo(150);
        assertThat(Files.exists(out.resolve("rejects/cameras.csv"))).isTrue();
    }

    @Test
    void coverageTablesAddUpAndAreasAreValidGeoJson() throws IOException {
        Path out = root.resolve("coverage");
        run(
                "coverage",
                "--cameras",
                f("cameras.csv"),
                "--buildings",
                f("buildings.geojson"),
                "--areas",
                f("areas.geojson"),
                "--streets",
                f("streets.geojson"),
                "--out",
                out.toString());
        assertThat(header(out.resolve("areas.csv")))
                .containsExactly(
                        "area_id",
                        "name",
                        "area_m2",
                        "outdoor_m2",
                        "covered_share",
                        "live_share",
                        "depth1_share",
                        "depth2_share",
                        "depth3_share",
                        "street_length_m",
                        "street_covered_share");
        List<CSVRecord> areas = rows(out.resolve("areas.csv"));
        assertThat(areas).hasSize(10);
        for (CSVRecord a : areas) {
            double c = Double.parseDouble(a.get("covered_share")), d2 = Double.parseDouble(a.get("depth2_share"));
            double live = Double.parseDouble(a.get("live_share"));
            assertThat(c).isBetween(0.0, 1.0);
            assertThat(d2).isLessThanOrEqualTo(c);
            assertThat(live).isLessThanOrEqualTo(c);
            assertThat(Double.parseDouble(a.get("outdoor_m2"))).isLessThan(Double.parseDouble(a.get("area_m2")));
        }
        assertThat(validFeatures(out.resolve("areas.geojson"))).hasSize(10);
        assertThat(header(out.resolve("streets.csv"))).startsWith("street_id", "name", "length_m", "covered_m");
        assertThat(rows(out.resolve("streets.csv"))).hasSize(495);
        JsonNode city = JSON.readTree(out.resolve("city.json").toFile());
        assertThat(city.get("covered_share").asDouble()).isBetween(0.0, 1.0);
        double uniqueSum = rows(out.resolve("cameras.csv")).stream()
                .mapToDouble(r -> Double.parseDouble(r.get("unique_m2")))
                .sum();
        assertThat(uniqueSum).isLessThanOrEqualTo(city.get("covered_m2").asDouble() + 1);
    }

    @Test
    void hotspotsGapsOutreachAndDispatchWriteTheirTables() throws IOException {
        Path hs = root.resolve("hotspots");
        String text = run(
                "hotspots", "--incidents", f("incidents.csv"), "--areas", f("areas.geojson"), "--out", hs.toString());
        assertThat(text).contains("hot (gi_bin ≥ 2)");
        assertThat(header(hs.resolve("cells.csv")))
                .containsExactly("cell_id", "cx", "cy", "count", "gi_z", "gi_p", "gi_bin");
        assertThat(validFeatures(hs.resolve("cells.geojson"))).isNotEmpty();
        assertThat(Files.size(hs.resolve("kde.tif"))).isGreaterThan(1000);
        assertThat(JSON.readTree(hs.resolve("summary.json").toFile())
                        .at("/hotspots/pai")
                        .asDouble())
                .isGreaterThan(1);

        Path gaps = root.resolve("gaps");
        run(
                "gaps",
                "--cameras",
                f("cameras.csv"),
                "--buildings",
                f("buildings.geojson"),
                "--incidents",
                f("incidents.csv"),
                "--areas",
                f("areas.geojson"),
                "--out",
                gaps.toString());
        List<CSVRecord> g = rows(gaps.resolve("gaps.csv"));
        assertThat(g).isNotEmpty();
        for (int k = 1; k < g.size(); k++) {
            assertThat(Double.parseDouble(g.get(k).get("uncovered_weight")))
                    .isLessThanOrEqualTo(Double.parseDouble(g.get(k - 1).get("uncovered_weight")));
        }
        assertThat(rows(gaps.resolve("incidents.csv"))).hasSize(2000);
        assertThat(validFeatures(gaps.resolve("gaps.geojson"))).hasSize(g.size());

        Path or = root.resolve("outreach");
        run(
                "outreach",
                "--cameras",
                f("cameras.csv"),
                "--buildings",
                f("buildings.geojson"),
                "--incidents",
                f("incidents.csv"),
                "--areas",
                f("areas.geojson"),
                "--streets",
                f("streets.geojson"),
                "--k",
                "8",
                "--out",
                or.toString());
        List<CSVRecord> picks = rows(or.resolve("picks.csv"));
        assertThat(picks).hasSize(8);
        for (int k = 1; k < picks.size(); k++) {
            assertThat(Double.parseDouble(picks.get(k).get("gain")))
                    .as("marginal gains never increase")
                    .isLessThanOrEqualTo(Double.parseDouble(picks.get(k - 1).get("gain")));
        }
        double total = Double.parseDouble(picks.get(7).get("cumulative"));
        JsonNode os = JSON.readTree(or.resolve("summary.json").toFile()).get("outreach");
        assertThat(os.get("upper_bound").asDouble()).isGreaterThanOrEqualTo(total);
        assertThat(validFeatures(or.resolve("candidates.geojson")))
                .hasSize(os.get("candidates").asInt());

        Path dp = root.resolve("dispatch");
        run(
                "dispatch",
                "--cameras",
                f("cameras.csv"),
                "--buildings",
                f("buildings.geojson"),
                "--incidents",
                f("incidents.csv"),
                "--streets",
                f("streets.geojson"),
                "--top",
                "5",
                "--out",
                dp.toString());
        assertThat(header(dp.resolve("suggestions.csv")))
                .containsExactly(
                        "incident_id",
                        "rank",
                        "camera_id",
                        "kind",
                        "access",
                        "visible_share",
                        "distance_m",
                        "off_axis_deg",
                        "footage_until",
                        "role",
                        "reason");
        List<CSVRecord> s = rows(dp.resolve("suggestions.csv"));
        assertThat(s).isNotEmpty().allSatisfy(r -> assertThat(r.get("reason")).isNotBlank());
        assertThat(s.stream()
                        .mapToInt(r -> Integer.parseInt(r.get("rank")))
                        .max()
                        .orElseThrow())
                .isLessThanOrEqualTo(5);
    }

    @Test
    void aMissingFileIsBadInputWithOneMessage(@TempDir Path out) {
        StringWriter err = new StringWriter();
        CommandLine cli = SightlineCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(
                "coverage", "--cameras", "no-such.csv", "--buildings", f("buildings.geojson"), "--out", out.toString());
        assertThat(code).isEqualTo(SightlineCli.BAD_INPUT);
        assertThat(err.toString()).contains("no-such.csv").doesNotContain("Exception");
    }

    static List<String> header(Path csv) throws IOException {
        try (CSVParser p = CSVParser.parse(csv, java.nio.charset.StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            return p.iterator().next().toList();
        }
    }

    static List<CSVRecord> rows(Path csv) throws IOException {
        try (CSVParser p = CSVParser.parse(
                csv,
                java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            return p.getRecords();
        }
    }

    /** Features of a FeatureCollection, each geometry parsed by JTS and valid. */
    static List<JsonNode> validFeatures(Path geojson) throws IOException {
        JsonNode root = JSON.readTree(geojson.toFile());
        assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
        GeoJsonReader reader = new GeoJsonReader();
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode f : root.get("features")) {
            assertThat(f.get("type").asText()).isEqualTo("Feature");
            try {
                Geometry g = reader.read(f.get("geometry").toString());
                assertThat(g.isValid())
                        .as("valid geometry in " + geojson + ": " + f.get("properties"))
                        .isTrue();
                if (!g.isEmpty()) {
                    assertThat(g.getEnvelopeInternal().getMinX()).isBetween(-180.0, 180.0);
                    assertThat(g.getEnvelopeInternal().getMinY()).isBetween(-90.0, 90.0);
                }
            } catch (org.locationtech.jts.io.ParseException e) {
                throw new AssertionError("unparseable geometry in " + geojson, e);
            }
            out.add(f);
        }
        return out;
    }
}
