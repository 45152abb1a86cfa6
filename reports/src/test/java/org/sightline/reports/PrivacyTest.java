package org.sightline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;

/**
 * Planner and public outputs show no individual camera: no camera id, no resident position or
 * viewshed vertex (lon/lat to 5 decimals), no owner field — in the HTML, in the PDF's text and bytes,
 * and in the data every chart and map was drawn from.
 */
class PrivacyTest {

    /** Strings that must not appear: ids of all cameras, owner fields and values. */
    private static List<String> forbidden() {
        List<String> out = new ArrayList<>(List.of(
                "owner_name",
                "owner_phone",
                "owner_email",
                TinyCity.OWNER_NAME,
                TinyCity.OWNER_EMAIL,
                TinyCity.OWNER_PHONE));
        for (TinyCity.Cam c : TinyCity.CAMERAS) out.add(c.id());
        return out;
    }

    /** Resident camera positions and viewshed vertices as lon/lat, each to be found as a pair. */
    private static List<Coordinate> residentPoints() {
        List<Coordinate> out = new ArrayList<>();
        for (TinyCity.Cam c : TinyCity.CAMERAS) {
            if (!c.kind().equals("resident")) continue;
            out.add(c.lonLat());
            out.addAll(List.of(TinyCity.CRS.toWgs84(c.viewshed()).getCoordinates()));
        }
        return out;
    }

    /** Whether lon and lat (5 decimals) occur within 200 characters of each other: a position in any layout. */
    static boolean containsPosition(String text, Coordinate ll) {
        String lon = deg(ll.x), lat = deg(ll.y);
        for (int i = text.indexOf(lon); i >= 0; i = text.indexOf(lon, i + 1)) {
            int from = Math.max(0, i - 200), to = Math.min(text.length(), i + lon.length() + 200);
            if (text.substring(from, to).contains(lat)) return true;
        }
        return false;
    }

    private static String deg(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }

    /** Every text of an audience's outputs: each file in the output folder (PDFs as text and raw bytes), image data. */
    private static List<String> texts(Audience a) throws IOException {
        Reports.Written w = ReportFixture.report(a);
        List<String> out = new ArrayList<>();
        for (Path f : w.files()) {
            out.add(Files.readString(f, StandardCharsets.ISO_8859_1));
            if (f.toString().endsWith(".pdf")) {
                try (PDDocument pdf = Loader.loadPDF(f.toFile())) {
                    out.add(new PDFTextStripper().getText(pdf));
                }
            }
        }
        for (Document.Image i : w.document().images()) {
            out.add(String.join(",", i.data().columns()));
            for (List<String> row : i.data().rows()) out.add(String.join(",", row));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(
            value = Audience.class,
            names = {"PLANNER", "PUBLIC"})
    void noIndividualCameraAndNoOwnerFieldAnywhere(Audience a) throws IOException {
        List<String> texts = texts(a);
        for (String bad : forbidden())
            for (String t : texts)
                assertThat(t).as(a + " output contains " + bad).doesNotContain(bad);
        for (Coordinate p : residentPoints())
            for (String t : texts)
                assertThat(containsPosition(t, p))
                        .as(a + " output locates " + p)
                        .isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = Audience.class,
            names = {"PLANNER", "PUBLIC"})
    void mapsDrawNoCameraOrViewshedLayer(Audience a) {
        for (Document.Image i : ReportFixture.report(a).document().images())
            for (List<String> row : i.data().rows())
                if (i.data().columns().get(0).equals("layer"))
                    assertThat(row.get(0)).isNotIn("camera", "viewshed");
    }

    @ParameterizedTest
    @EnumSource(
            value = Audience.class,
            names = {"PLANNER", "PUBLIC"})
    void onlyTheReportFilesAreWritten(Audience a) throws IOException {
        Path dir = ReportFixture.report(a).html().getParent();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains(a.code())))
                    .containsExactlyInAnyOrder("report-" + a.code() + ".html", "report-" + a.code() + ".pdf");
        }
    }

    /** The check itself finds what it looks for: the analyst report is exact and does show cameras. */
    @org.junit.jupiter.api.Test
    void analystReportDoesShowCamerasSoTheScanIsNotVacuous() throws IOException {
        String all = String.join("\n", texts(Audience.ANALYST));
        assertThat(all).contains("R-101");
        assertThat(containsPosition(all, TinyCity.CAMERAS.get(0).lonLat())).isTrue();
        assertThat(all).doesNotContain(TinyCity.OWNER_NAME).doesNotContain(TinyCity.OWNER_EMAIL);
    }
}
