package org.sightline.jobs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.reports.Audience;
import org.sightline.reports.ReportOptions;
import org.sightline.reports.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sightline report}: a pipeline output folder → self-contained HTML and PDF for one audience. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Turns a pipeline output folder (docs/outputs.md) into OUT/report-<audience>.html (self-contained,"
                    + " images embedded) and OUT/report-<audience>.pdf with the same content.",
            "Stages missing from the folder are left out of the report with a note. Planner and public reports show"
                    + " no individual resident camera."
        })
public final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--in",
            required = true,
            paramLabel = "DIR",
            description = "Pipeline output folder: run.json, summary.json, rejects/ and one folder per stage.")
    Path in;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder for report-<audience>.html and .pdf (created if missing).")
    Path out;

    @Option(
            names = "--audience",
            defaultValue = "analyst",
            paramLabel = "WHO",
            converter = AudienceConverter.class,
            description = "analyst (internal, exact), planner (gaps, targets, sites; no individual camera) or public"
                    + " (H3 cells with k-anonymity). Default: ${DEFAULT-VALUE}.")
    Audience audience;

    @Option(
            names = "--k-anon",
            defaultValue = "" + ReportOptions.DEFAULT_K_ANON,
            paramLabel = "K",
            description =
                    "Public report: cells with fewer than K resident cameras are withheld. Default: ${DEFAULT-VALUE}.")
    int kAnon;

    @Option(
            names = "--h3-res",
            defaultValue = "" + ReportOptions.DEFAULT_H3_RESOLUTION,
            paramLabel = "RES",
            description = "Public report: H3 resolution of the cells, 0-15 (8 = hexagons of about 0.74 km²)."
                    + " Default: ${DEFAULT-VALUE}.")
    int h3Res;

    @Option(
            names = "--top",
            defaultValue = "" + ReportOptions.DEFAULT_TOP_N,
            paramLabel = "N",
            description = "Analyst report: with more than 2N areas, the coverage-by-area chart shows the N best and N"
                    + " worst covered. Default: ${DEFAULT-VALUE}.")
    int top;

    @Override
    public Integer call() {
        Reports.Written w = Reports.write(new ReportOptions(in, out, audience, kAnon, h3Res, top));
        var o = spec.commandLine().getOut();
        o.println(w.html());
        o.println(w.pdf());
        o.flush();
        return SightlineCli.OK;
    }

    static final class AudienceConverter implements picocli.CommandLine.ITypeConverter<Audience> {
        @Override
        public Audience convert(String value) {
            for (Audience a : Audience.values()) if (a.code().equalsIgnoreCase(value.trim())) return a;
            throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not an audience: use analyst, planner or public");
        }
    }
}
