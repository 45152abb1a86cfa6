package org.sightline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A folder with stages missing still gives a report; the missing sections are replaced by notes. */
class MissingStagesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Audience.class)
    void emptyFolderGivesAReportOfNotes(Audience a) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("run"));
        Reports.Written w = Reports.write(ReportOptions.of(in, tmp.resolve("out"), a));
        assertThat(w.html()).exists();
        assertThat(w.pdf()).exists();
        assertThat(w.document().blocks()).anyMatch(Document.Note.class::isInstance);
    }

    @Test
    void coverageOnlyRunLeavesGapsAndOutreachOutWithNotes() throws IOException {
        TinyCity c = ReportFixture.city();
        Path in = Files.createDirectories(tmp.resolve("run"));
        Files.createDirectories(in.resolve("coverage"));
        for (String f : new String[] {"areas.csv", "cameras.csv", "city.json", "streets.csv"})
            Files.copy(
                    c.out.resolve("coverage").resolve(f), in.resolve("coverage").resolve(f));
        Files.copy(c.out.resolve("run.json"), in.resolve("run.json"));
        Document doc = Reports.write(ReportOptions.of(in, tmp.resolve("out"), Audience.ANALYST))
                .document();
        String html = Files.readString(tmp.resolve("out/report-analyst.html"));
        assertThat(Html.figures(html)).containsKeys("fig-covered-share", "fig-cameras");
        assertThat(html).contains("gaps/incidents.csv is missing").contains("outreach/picks.csv is missing");
        assertThat(doc.images()).extracting(Document.Image::id).contains("chart-coverage-by-area", "map-coverage");
    }

    @Test
    void inputThatIsNotAFolderIsAnArgumentError() {
        assertThatThrownBy(() -> Reports.write(ReportOptions.of(tmp.resolve("nope"), tmp, Audience.ANALYST)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a folder");
    }
}
