package org.sightline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.geo.Geometries;

/** Every number a report shows equals the pipeline's tables, read here independently of the report code. */
class ReportFiguresTest {
    private static final double EPS = 1e-9;

    private static Table table(String rel) {
        return Table.read(ReportFixture.city().out.resolve(rel));
    }

    private static String html(Audience a) throws IOException {
        return Files.readString(ReportFixture.report(a).html());
    }

    private static Map<String, Map<String, String>> byArea(String rel) {
        Map<String, Map<String, String>> m = new HashMap<>();
        for (var r : table(rel).rows()) m.put(r.get("area_id"), r);
        return m;
    }

    @Test
    void analystHeadlineFiguresEqualTheTables() throws IOException {
        Map<String, Double> f = Html.figures(html(Audience.ANALYST));
        Table cams = table("coverage/cameras.csv");
        long resident = cams.rows().stream()
                .filter(r -> r.get("kind").equals("resident"))
                .count();
        long live = cams.rows().stream()
                .filter(r -> r.get("live_feed").equals("true"))
                .count();
        JsonNode city = new ObjectMapper()
                .readTree(ReportFixture.city().out.resolve("coverage/city.json").toFile());
        long hot = 0, hotCovered = 0;
        for (var r : table("gaps/incidents.csv").rows()) {
            if (r.get("hotspot").equals("true")) {
                hot++;
                if (r.get("covered").equals("true")) hotCovered++;
            }
        }
        Table gaps = table("gaps/gaps.csv");
        double uncovered = gaps.rows().stream()
                .mapToDouble(r -> Double.parseDouble(r.get("uncovered_weight")))
                .sum();

        assertThat(f.get("fig-cameras")).isEqualTo(cams.size());
        assertThat(f.get("fig-cameras-resident")).isEqualTo(resident);
        assertThat(f.get("fig-cameras-business")).isEqualTo(cams.size() - resident);
        assertThat(f.get("fig-live-cameras-share")).isCloseTo((double) live / cams.size(), within(EPS));
        assertThat(f.get("fig-covered-share"))
                .isEqualTo(city.get("covered_share").asDouble());
        assertThat(f.get("fig-live-share")).isEqualTo(city.get("live_share").asDouble());
        assertThat(f.get("fig-street-covered-share"))
                .isEqualTo(city.get("street_covered_share").asDouble());
        assertThat(f.get("fig-hotspot-incidents-covered")).isCloseTo((double) hotCovered / hot, within(EPS));
        assertThat(f.get("fig-gap-cells")).isEqualTo(gaps.size());
        assertThat(f.get("fig-gap-uncovered-weight")).isCloseTo(uncovered, within(EPS));
        assertThat(f).containsKeys("fig-top10-street-share", "fig-street-gini", "fig-picks", "fig-total-gain");
    }

    @Test
    void analystAreaTableEqualsTheTablesAndIsSortedByUncoveredWeight() throws IOException {
        List<List<String>> rows = Html.table(html(Audience.ANALYST), "tbl-areas");
        Map<String, Map<String, String>> cov = byArea("coverage/areas.csv"),
                gaps = byArea("gaps/areas.csv"),
                outreach = byArea("outreach/areas.csv");
        assertThat(rows).hasSize(cov.size());
        double previous = Double.POSITIVE_INFINITY;
        for (List<String> r : rows) {
            String id = r.get(0);
            assertThat(d(r.get(2))).isCloseTo(d(cov.get(id).get("outdoor_m2")) / 1e6, within(EPS));
            assertThat(d(r.get(3))).isEqualTo(d(cov.get(id).get("covered_share")));
            assertThat(d(r.get(4))).isEqualTo(d(cov.get(id).get("live_share")));
            assertThat(d(r.get(5))).isEqualTo(d(cov.get(id).get("depth2_share")));
            assertThat(d(r.get(6))).isEqualTo(d(cov.get(id).get("street_covered_share")));
            assertThat(d(r.get(7))).isEqualTo(d(gaps.get(id).get("incidents")));
            assertThat(d(r.get(8))).isEqualTo(d(gaps.get(id).get("hotspot_incidents")));
            assertThat(d(r.get(10))).isEqualTo(d(gaps.get(id).get("uncovered_weight")));
            assertThat(d(r.get(11))).isEqualTo(d(outreach.get(id).get("attainable")));
            assertThat(d(r.get(10))).isLessThanOrEqualTo(previous);
            previous = d(r.get(10));
        }
    }

    @Test
    void chartDataEqualsTheTables() {
        Document doc = ReportFixture.report(Audience.ANALYST).document();
        Map<String, Map<String, String>> cov = byArea("coverage/areas.csv");
        Document.Image byArea = image(doc, "chart-coverage-by-area");
        assertThat(byArea.data().rows()).hasSize(cov.size());
        for (List<String> r : byArea.data().rows()) {
            assertThat(d(r.get(2))).isEqualTo(d(cov.get(r.get(0)).get("covered_share")));
            assertThat(d(r.get(3))).isEqualTo(d(cov.get(r.get(0)).get("live_share")));
        }
        for (List<String> r : image(doc, "chart-depth").data().rows()) {
            assertThat(d(r.get(2))).isEqualTo(d(cov.get(r.get(0)).get("depth1_share")));
            assertThat(d(r.get(3))).isEqualTo(d(cov.get(r.get(0)).get("depth2_share")));
            assertThat(d(r.get(4))).isEqualTo(d(cov.get(r.get(0)).get("depth3_share")));
        }
        Map<String, double[]> kinds = new TreeMap<>();
        for (var r : table("coverage/cameras.csv").rows()) {
            double[] k = kinds.computeIfAbsent(r.get("kind"), x -> new double[3]);
            k[0]++;
            k[1] += d(r.get("viewshed_m2"));
            k[2] += d(r.get("unique_m2"));
        }
        for (List<String> r : image(doc, "chart-by-kind").data().rows()) {
            double[] k = kinds.get(r.get(0));
            assertThat(d(r.get(1))).isEqualTo(k[0]);
            assertThat(d(r.get(2).replace(",", ""))).isCloseTo(k[1], within(0.05));
            assertThat(d(r.get(3).replace(",", ""))).isCloseTo(k[2], within(0.05));
        }
    }

    /** Brute force: every incident to the street at the least distance, within 100 m. */
    @Test
    void concentrationCurveCountsIncidentsPerNearestStreet() throws IOException {
        TinyCity c = ReportFixture.city();
        var streets = GeoJson.read(c.inputs.resolve("buildings.geojson").resolveSibling("streets.geojson"));
        Map<String, Double> expected = new TreeMap<>();
        for (var s : streets) expected.put(s.get("street_id"), 0.0);
        for (var r : Table.read(c.inputs.resolve("incidents.csv")).rows()) {
            Coordinate p = TinyCity.CRS.toMetric(d(r.get("lon")), d(r.get("lat")));
            Geometry pt = Geometries.FACTORY.createPoint(p);
            String best = null;
            double bestD = Double.POSITIVE_INFINITY;
            for (var s : streets) {
                double dist = TinyCity.CRS.toMetric(s.geometry()).distance(pt);
                if (dist < bestD) {
                    bestD = dist;
                    best = s.get("street_id");
                }
            }
            if (bestD <= Sections.MAX_STREET_DISTANCE_M) expected.merge(best, 1.0, Double::sum);
        }
        Map<String, Double> shown = new TreeMap<>();
        for (List<String> r : image(ReportFixture.report(Audience.ANALYST).document(), "chart-concentration")
                .data()
                .rows()) shown.put(r.get(0), d(r.get(1)));
        assertThat(shown).isEqualTo(expected);
        // 5 segments: the top tenth is the single busiest segment.
        double total =
                expected.values().stream().mapToDouble(Double::doubleValue).sum();
        double busiest = expected.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElseThrow();
        assertThat(Html.figures(html(Audience.ANALYST)).get("fig-top10-street-share"))
                .isCloseTo(busiest / total, within(EPS));
    }

    @Test
    void plannerTablesEqualTheTables() throws IOException {
        String html = html(Audience.PLANNER);
        Map<String, Map<String, String>> outreach = byArea("outreach/areas.csv");
        List<List<String>> targets = Html.table(html, "tbl-targets");
        assertThat(targets).hasSize(outreach.size());
        double previous = Double.POSITIVE_INFINITY;
        for (List<String> r : targets) {
            var o = outreach.get(r.get(0));
            assertThat(d(r.get(2))).isEqualTo(d(o.get("demand")));
            assertThat(d(r.get(3))).isEqualTo(d(o.get("attainable")));
            assertThat(d(r.get(4))).isEqualTo(d(o.get("picks")));
            assertThat(d(r.get(5))).isEqualTo(d(o.get("gain")));
            assertThat(d(r.get(3))).isLessThanOrEqualTo(previous);
            previous = d(r.get(3));
        }
        List<List<String>> picks = Html.table(html, "tbl-picks");
        List<Map<String, String>> expected = table("outreach/picks.csv").rows();
        assertThat(picks).hasSize(expected.size());
        for (int i = 0; i < picks.size(); i++) {
            assertThat(picks.get(i).get(1)).isEqualTo(expected.get(i).get("site_id"));
            assertThat(picks.get(i).get(2)).isEqualTo(expected.get(i).get("building_id"));
            assertThat(d(picks.get(i).get(3))).isEqualTo(d(expected.get(i).get("lon")));
            assertThat(d(picks.get(i).get(4))).isEqualTo(d(expected.get(i).get("lat")));
            assertThat(d(picks.get(i).get(7))).isEqualTo(d(expected.get(i).get("gain")));
            assertThat(d(picks.get(i).get(8))).isEqualTo(d(expected.get(i).get("cumulative")));
        }
        Map<String, Double> f = Html.figures(html);
        assertThat(f.get("fig-total-gain")).isEqualTo(19.0);
        assertThat(f.get("fig-optimality-gap")).isEqualTo(0.2083);
    }

    /** Cell counts recounted straight from the cameras input with H3; cells under k are absent. */
    @Test
    void publicCellCountsEqualTheCameraRegistryAggregated() throws IOException {
        H3Core h3 = H3Core.newInstance();
        Map<String, int[]> perCell = new HashMap<>();
        for (var r :
                Table.read(ReportFixture.city().inputs.resolve("cameras.csv")).rows()) {
            if (!r.get("status").equals("active")) continue;
            String cell = h3.latLngToCellAddress(d(r.get("lat")), d(r.get("lon")), ReportOptions.DEFAULT_H3_RESOLUTION);
            perCell.computeIfAbsent(cell, x -> new int[2])[r.get("kind").equals("resident") ? 0 : 1]++;
        }
        List<List<String>> rows = Html.table(html(Audience.PUBLIC), "tbl-h3");
        long expectedPublished = perCell.values().stream()
                .filter(n -> n[0] >= ReportOptions.DEFAULT_K_ANON)
                .count();
        assertThat(rows).hasSize((int) expectedPublished).isNotEmpty();
        for (List<String> r : rows) {
            int[] n = perCell.get(r.get(0));
            assertThat(d(r.get(1))).isEqualTo(n[0] + n[1]);
            assertThat(d(r.get(2))).isEqualTo(n[0]).isGreaterThanOrEqualTo(ReportOptions.DEFAULT_K_ANON);
            assertThat(d(r.get(3))).isEqualTo(n[1]);
            assertThat(d(r.get(4))).isBetween(0.0, 1.0);
        }
        assertThat(Html.figures(html(Audience.PUBLIC)).get("fig-published-cells"))
                .isEqualTo(expectedPublished);
    }

    @Test
    void pdfCarriesTheSameFiguresAsTheHtml() throws IOException {
        for (Audience a : Audience.values()) {
            Document doc = ReportFixture.report(a).document();
            String text;
            try (PDDocument pdf = Loader.loadPDF(ReportFixture.report(a).pdf().toFile())) {
                text = new PDFTextStripper().getText(pdf);
            }
            for (Document.Block b : doc.blocks())
                if (b instanceof Document.Figures figs)
                    for (Document.Figure f : figs.items())
                        assertThat(text).as(a + " " + f.id()).contains(f.text());
        }
    }

    static Document.Image image(Document doc, String id) {
        return doc.images().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no image " + id));
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
