package org.sightline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cli = SightlineCli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesHtmlAndPdfForTheAudienceAndPrintsTheirPaths() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(
                in.resolve("summary.json"),
                "{\"layers\": {\"cameras\": {\"read\": 3, \"accepted\": 3, \"repaired\": 0, \"rejected\": 0}}}");
        Path out = tmp.resolve("out");

        Run r = run("report", "--in", in.toString(), "--out", out.toString(), "--audience", "planner", "--k-anon", "5");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("report-planner.html")).exists();
        assertThat(out.resolve("report-planner.pdf")).exists();
        assertThat(r.out())
                .contains(out.resolve("report-planner.html").toString())
                .contains("report-planner.pdf");
    }

    @Test
    void defaultAudienceIsAnalyst() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("run"));
        assertThat(run(
                                "report",
                                "--in",
                                in.toString(),
                                "--out",
                                tmp.resolve("o").toString())
                        .code())
                .isZero();
        assertThat(tmp.resolve("o/report-analyst.html")).exists();
    }

    @Test
    void badArgumentsExitWithTwo() {
        Run audience = run("report", "--in", tmp.toString(), "--out", tmp.toString(), "--audience", "press");
        assertThat(audience.code()).isEqualTo(SightlineCli.BAD_INPUT);
        assertThat(audience.err()).contains("analyst, planner or public");
        assertThat(run("report", "--in", tmp.resolve("missing").toString(), "--out", tmp.toString())
                        .code())
                .isEqualTo(SightlineCli.BAD_INPUT);
        assertThat(run("report", "--in", tmp.toString(), "--out", tmp.toString(), "--k-anon", "0")
                        .code())
                .isEqualTo(SightlineCli.BAD_INPUT);
    }

    @Test
    void helpDocumentsEveryOptionWithItsDefault() {
        Run r = run("report", "--help");
        assertThat(r.out())
                .contains("--audience")
                .contains("Default: analyst")
                .contains("--k-anon")
                .contains("Default: 3")
                .contains("--h3-res")
                .contains("Default: 8")
                .contains("--top")
                .contains("Default: 10");
    }
}
