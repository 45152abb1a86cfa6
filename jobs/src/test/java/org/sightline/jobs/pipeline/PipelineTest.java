package org.sightline.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.engine.io.Layer;
import org.sightline.jobs.cli.SqlCommandAccess;

/**
 * The pipeline on the small synthetic city: every stage's folder, run.json, idempotent re-runs, a
 * failed stage that leaves earlier outputs intact, and the example SQL analyses' expected output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineTest {
    @TempDir
    static Path dir;

    static Map<Layer, Path> city;
    static Path out;

    @BeforeAll
    static void generate() {
        city = org.sightline.jobs.spark.SmallCityAccess.generate(dir.resolve("city"));
        out = dir.resolve("out");
    }

    static Path config(String name, String extra) throws IOException {
        String yaml = "inputs:\n"
                + "  cameras: city/cameras.csv\n"
                + "  buildings: city/buildings.geojson\n"
                + "  incidents: city/incidents.csv\n"
                + "  areas: city/areas.geojson\n"
                + "  streets: city/streets.geojson\n"
                + "parameters:\n"
                + "  k: 5\n"
                + "  tile_m: 500\n"
                + "  partitions: 4\n"
                + extra
                + "output:\n"
                + "  dir: out\n"
                + "  format: geojson\n";
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    static Pipeline.Outcome run(Path config) {
        StringWriter w = new StringWriter();
        Pipeline.Outcome o = new Pipeline(RunConfig.load(config), TestSpark.get(), new PrintWriter(w)).run();
        System.out.print(w);
        return o;
    }

    @Test
    @Order(1)
    void theWholePipelineWritesEveryStageAndRunJson() throws IOException {
        Pipeline.Outcome o = run(config("run.yaml", ""));
        assertThat(o.ok()).as(o.failure()).isTrue();
        for (String f : new String[] {
            "viewsheds/viewsheds.geojson",
            "viewsheds/viewsheds.csv",
            "coverage/areas.csv",
            "coverage/areas.geojson",
            "coverage/cameras.csv",
            "coverage/city.json",
            "hotspots/cells.csv",
            "hotspots/kde.tif",
            "gaps/gaps.csv",
            "gaps/incidents.csv",
            "outreach/picks.csv",
            "outreach/candidates.geojson",
            "dispatch/suggestions.csv",
            "summary.json",
            "run.json"
        }) assertThat(out.resolve(f)).as(f).isRegularFile();
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(run.path("inputs").path("cameras").asText())
                .isEqualTo(city.get(Layer.CAMERAS).toAbsolutePath().toString());
        assertThat(run.path("metric_crs").asText()).isEqualTo("EPSG:32617");
        assertThat(run.path("parameters").path("k").asInt()).isEqualTo(5);
        assertThat(run.path("stages")).hasSize(6);
        run.path("stages").forEach(s -> assertThat(s.path("status").asText()).isEqualTo("ok"));
        assertThat(Files.readAllLines(out.resolve("outreach/picks.csv"))).hasSize(6);
    }

    @Test
    @Order(2)
    void aReRunGivesTheSameFilesAndLeavesNoTemporaryFolders() throws IOException {
        String areas = Files.readString(out.resolve("coverage/areas.csv"));
        String suggestions = Files.readString(out.resolve("dispatch/suggestions.csv"));
        assertThat(run(config("rerun.yaml", "stages: [coverage, dispatch]\n")).ok())
                .isTrue();
        assertThat(Files.readString(out.resolve("coverage/areas.csv"))).isEqualTo(areas);
        assertThat(Files.readString(out.resolve("dispatch/suggestions.csv"))).isEqualTo(suggestions);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")))
                    .isEmpty();
        }
    }

    @Test
    @Order(3)
    void aFailedStageNamesItselfAndLeavesEarlierOutputsIntact() throws IOException {
        String cells = Files.readString(out.resolve("hotspots/cells.csv"));
        // a band of 5000 cells is refused when the hotspot stage builds its options
        Pipeline.Outcome o = run(config("bad.yaml", "  cell_m: 1\n  band_m: 5000\nstages: [coverage, hotspots]\n"));
        assertThat(o.ok()).isFalse();
        assertThat(o.failedStage()).isEqualTo("hotspots");
        assertThat(o.failure()).contains("band");
        assertThat(out.resolve("viewsheds/viewsheds.geojson")).isRegularFile();
        assertThat(out.resolve("coverage/areas.csv")).isRegularFile();
        assertThat(Files.readString(out.resolve("hotspots/cells.csv"))).isEqualTo(cells);
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(run.path("stages").get(1).path("status").asText()).isEqualTo("failed");
    }

    @Test
    @Order(4)
    void theExampleQueriesGiveTheirExpectedOutput() throws IOException {
        Path queries = Path.of(System.getProperty("user.dir"))
                .resolve("../notebooks-data/queries")
                .normalize();
        Path expected = Path.of(System.getProperty("user.dir")).resolve("src/test/resources/queries");
        OutputViews.register(TestSpark.get(), out);
        try (Stream<Path> s = Files.list(queries)) {
            for (Path q : s.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String csv = SqlCommandAccess.run(TestSpark.get(), q);
                Path e = expected.resolve(q.getFileName().toString().replace(".sql", ".csv"));
                if (Boolean.getBoolean("sightline.updateExpected")) {
                    Files.createDirectories(expected);
                    Files.writeString(e, csv);
                }
                assertThat(csv).as(q.getFileName().toString()).isEqualTo(Files.readString(e));
                assertThat(csv.lines().count()).as(q.getFileName().toString()).isGreaterThan(2);
            }
        }
    }
}
