package org.sightline.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import org.sightline.engine.io.AtomicFiles;

/**
 * Builds a report from a pipeline output folder and writes {@code report-<audience>.html} (self-contained)
 * and {@code report-<audience>.pdf} (the same content) atomically into the output folder.
 */
public final class Reports {
    private Reports() {}

    /** The files written. */
    public record Written(Path html, Path pdf, Document document) {
        public List<Path> files() {
            return List.of(html, pdf);
        }
    }

    /** The report's content for an audience, without writing anything. */
    public static Document build(ReportOptions options) {
        RunFolder run = RunFolder.open(options.in());
        return switch (options.audience()) {
            case ANALYST -> AnalystReport.build(run, options);
            case PLANNER -> PlannerReport.build(run, options);
            case PUBLIC -> PublicReport.build(run, options);
        };
    }

    public static Written write(ReportOptions options) {
        Document doc = build(options);
        String base = "report-" + options.audience().code();
        Path html = options.out().resolve(base + ".html");
        Path pdf = options.out().resolve(base + ".pdf");
        // the two formats are encoded side by side (each compresses every image its own way)
        Future<String> htmlText = Background.submit(() -> HtmlReport.render(doc));
        AtomicFiles.write(pdf, out -> PdfReport.write(doc, out));
        AtomicFiles.writeString(html, Background.join(htmlText));
        return new Written(html, pdf, doc);
    }
}
