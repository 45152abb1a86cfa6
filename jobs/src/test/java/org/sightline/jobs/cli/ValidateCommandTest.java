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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cli = SightlineCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesRejectsAndSummaryAndExitsZero() throws IOException {
        Path cams = Files.writeString(dir.resolve("cams.csv"), """
                ID,X,Y,heading_deg,fov_deg,owner_email
                a,-80.8431,35.2271,90,60,a@example.com
                b,-80.8432,35.2272,,,b@example.com
                c,-80.8433,,90,60,secret@example.com
                a,-80.8434,35.2274,90,60,dup@example.com
                d,-80.8435,35.2275,400,60,
                """);
        Path out = dir.resolve("out");
        Run r = run(
                "validate",
                "--cameras",
                cams.toString(),
                "--out",
                out.toString(),
                "--map",
                "cameras.camera_id=id,cameras.lon=x,cameras.lat=y",
                "--set",
                "kind=business");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cameras", "read", "accepted", "low-confidence", "metric CRS: EPSG:32617");
        // a: unknown range, b: unknown heading and FOV
        assertThat(r.out()).containsPattern("cameras\\s+5\\s+2\\s+0\\s+3\\s+2");

        List<String> rejects = Files.readAllLines(out.resolve("rejects/cameras.csv"));
        assertThat(rejects)
                .containsExactly(
                        "layer,source_line,reason,raw",
                        "cameras,4,missing coordinate (lat),\"c,-80.8433,,90,60,\"",
                        "cameras,5,duplicate camera_id 'a' (first on line 2),\"a,-80.8434,35.2274,90,60,\"",
                        "cameras,6,\"heading_deg 400 outside [0, 360)\",\"d,-80.8435,35.2275,400,60,\"");
        assertThat(String.join("\n", rejects)).doesNotContain("@example.com");

        JsonNode summary =
                new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode c = summary.path("layers").path("cameras");
        assertThat(c.path("read").asLong()).isEqualTo(5);
        assertThat(c.path("accepted").asLong()).isEqualTo(2);
        assertThat(c.path("repaired").asLong()).isZero();
        assertThat(c.path("rejected").asLong()).isEqualTo(3);
        assertThat(c.path("low_confidence").asLong()).isEqualTo(2);
        assertThat(summary.path("metric_crs").asText()).isEqualTo("EPSG:32617");
    }

    @Test
    void everyLayerReadGetsARejectsFileEvenWhenNothingIsRejected() throws IOException {
        Path inc = Files.writeString(
                dir.resolve("inc.csv"), "incident_id,lon,lat,occurred_at\n1,-80.84,35.22,2020-01-01\n");
        Path out = dir.resolve("out");
        assertThat(run("validate", "--incidents", inc.toString(), "--out", out.toString())
                        .code())
                .isZero();
        assertThat(Files.readAllLines(out.resolve("rejects/incidents.csv")))
                .containsExactly("layer,source_line,reason,raw");
        assertThat(out.resolve("rejects/cameras.csv")).doesNotExist();
    }

    @Test
    void anUnreadableFileExitsTwoWithOneMessageNamingIt() throws IOException {
        Path cams = Files.writeString(dir.resolve("cams.csv"), "id,X,Y\n1,2,3\n");
        Run r = run(
                "validate",
                "--cameras",
                cams.toString(),
                "--out",
                dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(SightlineCli.BAD_INPUT);
        assertThat(r.err())
                .contains("cams.csv", "no column for lon, lat", "--map")
                .hasLineCount(1);
        Run missing = run("validate", "--incidents", dir.resolve("gone.csv").toString(), "--out", dir.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("gone.csv", "not found");
    }

    @Test
    void badOptionsExitTwo() {
        assertThat(run("validate", "--out", dir.toString()).code()).isEqualTo(2);
        Run badKey = run("validate", "--cameras", "x.csv", "--out", dir.toString(), "--map", "lng=X");
        assertThat(badKey.code()).isEqualTo(2);
        assertThat(badKey.err()).contains("unknown column key 'lng'", "valid keys");
        assertThat(run("validate", "--cameras", "x.csv").code()).isEqualTo(2); // --out missing
    }

    @Test
    void helpDocumentsEveryLayerOptionWithItsDefault() {
        Run r = run("validate", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains(
                        "--metric-crs",
                        "--output-crs",
                        "--input-crs",
                        "--map",
                        "--set",
                        "--low-confidence-range",
                        "Default: 25 m",
                        "cameras.lon=X");
    }

    @Test
    void realDetroitAndNewOrleansCameras() throws IOException {
        Path data = Path.of(System.getProperty("sightline.sharedData", "../shared/data"));
        Path detroit = data.resolve("detroit/project_green_light_locations_2021.csv");
        Path nola = data.resolve("new_orleans/safecam_registered_cameras.csv");
        Assumptions.assumeTrue(
                Files.isRegularFile(detroit) && Files.isRegularFile(nola),
                "shared real data not found under " + data + ": skipped");
        Path out = dir.resolve("detroit");
        Run r = run(
                "validate",
                "--cameras",
                detroit.toString(),
                "--out",
                out.toString(),
                "--map",
                "lon=X,lat=Y,camera_id=ObjectId",
                "--set",
                "kind=business,live_feed=true");
        System.out.print(r.out());
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("cameras\\s+766\\s+766\\s+0\\s+0\\s+766");
        Path out2 = dir.resolve("nola");
        Run n = run("validate", "--cameras", nola.toString(), "--out", out2.toString());
        System.out.print(n.out());
        assertThat(n.code()).isZero();
        assertThat(n.out())
                .containsPattern("cameras\\s+63\\s+47\\s+0\\s+16\\s+47")
                .contains("16 x position far outside the layer's extent");
        assertThat(Files.readAllLines(out2.resolve("rejects/cameras.csv"))).hasSize(17);
    }
}
