package org.sightline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
    /** The sample data committed under notebooks-data/small (module dir is the working directory). */
    static final Path COMMITTED = Path.of("..", "notebooks-data", "small");

    static final List<String> FILES = List.of(
            "streets.geojson", "buildings.geojson", "areas.geojson", "cameras.csv", "incidents.csv", "city.json");

    @Test
    void committedNotebookDataIsExactlyWhatGenerateWrites(@TempDir Path out) throws Exception {
        StringWriter text = new StringWriter();
        CommandLine cli = SightlineCli.commandLine();
        cli.setOut(new PrintWriter(text));
        int code = cli.execute("generate", "--preset", "small", "--seed", "1", "--out", out.toString());
        assertThat(code).as(text.toString()).isZero();
        assertThat(text.toString())
                .contains("buildings", "cameras", "incidents", "150 cameras (90 resident, 60 business)");
        for (String f : FILES) {
            assertThat(Files.exists(COMMITTED.resolve(f)))
                    .as("notebooks-data/small/" + f + " is committed")
                    .isTrue();
            assertThat(Files.mismatch(out.resolve(f), COMMITTED.resolve(f)))
                    .as(f + " differs from notebooks-data/small (regenerate: ./sightline generate --preset small"
                            + " --seed 1 --out notebooks-data/small)")
                    .isEqualTo(-1L);
        }
    }

    @Test
    void unknownPresetIsBadInput(@TempDir Path out) {
        CommandLine cli = SightlineCli.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("generate", "--preset", "gotham", "--out", out.toString()))
                .isEqualTo(SightlineCli.BAD_INPUT);
        assertThat(cli.execute("generate", "--scale", "0", "--out", out.toString()))
                .isEqualTo(SightlineCli.BAD_INPUT);
        assertThat(cli.execute("generate")).isEqualTo(SightlineCli.BAD_INPUT);
    }

    @Test
    void helpDocumentsEveryOptionWithItsDefault() {
        StringWriter text = new StringWriter();
        CommandLine cli = SightlineCli.commandLine();
        cli.setOut(new PrintWriter(text));
        assertThat(cli.execute("generate", "--help")).isZero();
        assertThat(text.toString().replaceAll("\\s+", " "))
                .contains("--out", "--preset", "--seed", "--scale", "Default: charlotte", "Default: 1");
    }
}
