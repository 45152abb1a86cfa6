package org.sightline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PdfReportTest {
    @ParameterizedTest
    @EnumSource(Audience.class)
    void pdfOpensWithNumberedA4PagesAndTheImages(Audience a) throws IOException {
        Document doc = ReportFixture.report(a).document();
        try (PDDocument pdf = Loader.loadPDF(ReportFixture.report(a).pdf().toFile())) {
            int n = pdf.getNumberOfPages();
            int images = 0;
            for (PDPage page : pdf.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                for (var name : page.getResources().getXObjectNames()) images++;
            }
            assertThat(images).isEqualTo(doc.images().size());
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= n; p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                assertThat(s.getText(pdf)).contains("page " + p + " of " + n);
            }
            String all = new PDFTextStripper().getText(pdf);
            assertThat(all).contains(doc.title());
            for (Document.Block b : doc.blocks())
                if (b instanceof Document.Heading h) assertThat(all).contains(h.text());
        }
    }

    /** Page counts of the tiny city's reports: a layout change that adds pages should be a conscious one. */
    @Test
    void expectedPageCounts() throws IOException {
        assertThat(pages(Audience.ANALYST)).isBetween(7, 11);
        assertThat(pages(Audience.PLANNER)).isBetween(4, 8);
        assertThat(pages(Audience.PUBLIC)).isBetween(2, 3);
    }

    private static int pages(Audience a) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(ReportFixture.report(a).pdf().toFile())) {
            return pdf.getNumberOfPages();
        }
    }
}
