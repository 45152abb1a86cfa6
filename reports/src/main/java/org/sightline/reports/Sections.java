package org.sightline.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.sightline.reports.Document.Cell;
import org.sightline.reports.Document.DataTable;
import org.sightline.reports.Document.Figure;

/** Sections more than one report uses: methods, data quality, the incident concentration curve, the picks table. */
final class Sections {
    /** Incidents farther than this from every street are left out of the concentration curve. */
    static final double MAX_STREET_DISTANCE_M = 100;

    private Sections() {}

    static void methods(Document doc, RunFolder run) {
        doc.h1("Methods and parameters");
        doc.p("Viewsheds: field of view, range and building occlusion per camera; coverage: union of viewsheds,"
                + " shares of outdoor area (area minus footprints) and street length; hotspots: Getis–Ord Gi* with"
                + " Benjamini–Hochberg FDR bins; gaps: hotspot cells (Gi* bin ≥ 2) with uncovered incident weight;"
                + " outreach: lazy-greedy maximum coverage of uncovered demand with an online upper bound."
                + " Numbers in this report are read from the pipeline's tables, not recomputed, except the"
                + " incident concentration curve (see its caption).");
        List<List<Cell>> rows = new ArrayList<>();
        for (String file :
                List.of("run.json", "hotspots/summary.json", "outreach/summary.json", "coverage/city.json")) {
            JsonNode n = file.equals("run.json") ? run.run() : run.json(file).orElse(null);
            if (n == null || n.isMissingNode()) continue;
            flatten(file, "", n, rows);
        }
        if (rows.isEmpty()) doc.note("No run.json or stage summaries in this run: parameters are not known.");
        else
            doc.add(new Document.TableBlock(
                    "tbl-parameters", "Parameters and run facts", List.of("File", "Key", "Value"), rows));
    }

    private static void flatten(String file, String prefix, JsonNode n, List<List<Cell>> rows) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                if (file.equals("run.json") && prefix.isEmpty() && e.getKey().equals("layers")) continue;
                flatten(file, prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), rows);
            }
        } else if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode x : n) parts.add(x.isValueNode() ? x.asText() : x.toString());
            rows.add(List.of(Cell.text(file), Cell.text(prefix), Cell.text(String.join(", ", parts))));
        } else {
            rows.add(List.of(Cell.text(file), Cell.text(prefix), Cell.text(n.asText())));
        }
    }

    static void dataQuality(Document doc, RunFolder run) {
        doc.h1("Appendix: data quality");
        JsonNode layers = run.summary().path("layers");
        Map<String, Table> rejects = run.rejects();
        if (!layers.isObject() && rejects.isEmpty()) {
            doc.note("No summary.json layers and no rejects/ folder in this run: data quality is not known.");
            return;
        }
        doc.p("Every input row or feature that could not be used is written to rejects/<layer>.csv with its reason;"
                + " summary.json counts read, accepted, repaired and rejected per layer.");
        List<List<Cell>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        layers.fieldNames().forEachRemaining(names::add);
        for (String l : rejects.keySet()) if (!names.contains(l)) names.add(l);
        for (String l : names) {
            JsonNode s = layers.path(l);
            Table t = rejects.get(l);
            Map<String, Integer> reasons = new HashMap<>();
            if (t != null) for (var r : t.rows()) reasons.merge(r.getOrDefault("reason", ""), 1, Integer::sum);
            List<String> top = reasons.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(3)
                    .map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .toList();
            rows.add(List.of(
                    Cell.text(l),
                    count(s, "read"),
                    count(s, "accepted"),
                    count(s, "repaired"),
                    count(s, "rejected"),
                    t == null ? Cell.text("–") : Cell.num(t.size(), Fmt.count(t.size())),
                    Cell.text(String.join("; ", top))));
        }
        doc.add(new Document.TableBlock(
                "tbl-rejects",
                "Rows read and rejected per input layer",
                List.of("Layer", "Read", "Accepted", "Repaired", "Rejected", "Rows in rejects/", "Top reasons"),
                rows));
    }

    private static Cell count(JsonNode s, String key) {
        JsonNode v = s.path(key);
        return v.isNumber() ? Cell.num(v.asDouble(), Fmt.count(v.asDouble())) : Cell.text("–");
    }

    /**
     * Concentration of incidents over street segments (a Lorenz curve). Uses {@code street_id} of
     * gaps/incidents.csv when the pipeline provides it; otherwise assigns each incident of the
     * incidents input to its nearest street feature (within {@link #MAX_STREET_DISTANCE_M}).
     */
    static void concentration(Document doc, RunFolder run) {
        Optional<List<Feature>> streets = run.inputFeatures("streets");
        Map<String, Double> perStreet = new LinkedHashMap<>();
        String method;
        int unassigned = 0;
        Optional<Table> inc = run.table("gaps/incidents.csv");
        if (inc.isPresent() && inc.get().has("street_id") && streets.isPresent()) {
            for (Feature s : streets.get()) perStreet.put(s.get("street_id"), 0.0);
            for (var r : inc.get().rows()) {
                String id = r.get("street_id");
                if (id == null || id.isBlank()) unassigned++;
                else perStreet.merge(id, 1.0, Double::sum);
            }
            method = "street_id of gaps/incidents.csv";
        } else {
            Optional<List<Feature>> incidents = run.inputFeatures("incidents");
            if (streets.isEmpty() || incidents.isEmpty()) {
                doc.note(
                        "The incident concentration curve needs the streets and incidents inputs (run.json inputs.streets,"
                                + " inputs.incidents as GeoJSON or CSV with lon/lat): left out.");
                return;
            }
            var crs = run.metricCrs(envelope(streets.get()));
            List<Geometry> lines = new ArrayList<>(streets.get().size());
            for (Feature s : streets.get()) {
                lines.add(crs.toMetric(s.geometry()));
                perStreet.put(s.get("street_id"), 0.0);
            }
            NearestStreets nearest = new NearestStreets(lines, MAX_STREET_DISTANCE_M);
            for (Feature i : incidents.get()) {
                int s = nearest.nearest(crs.toMetric(i.geometry()));
                double w = Table.num(i.properties(), "weight").orElse(1);
                if (s < 0) unassigned++;
                else perStreet.merge(streets.get().get(s).get("street_id"), w, Double::sum);
            }
            method = "each incident of the incidents input assigned to its nearest street feature within "
                    + (int) MAX_STREET_DISTANCE_M + " m, computed by the report";
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(perStreet.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        double total = sorted.stream().mapToDouble(Map.Entry::getValue).sum();
        int n = sorted.size();
        if (n == 0 || total <= 0) {
            doc.note("No incidents could be assigned to streets: the concentration curve is left out.");
            return;
        }
        double[] xs = new double[n + 1], ys = new double[n + 1];
        double cum = 0, area = 0, top10 = Double.NaN;
        int topK = Math.max(1, (int) Math.ceil(0.1 * n)); // the top tenth of segments, at least one
        List<List<String>> data = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cum += sorted.get(i).getValue();
            xs[i + 1] = 100.0 * (i + 1) / n;
            ys[i + 1] = 100 * cum / total;
            area += (ys[i] + ys[i + 1]) / 2 / 100 * (1.0 / n);
            if (i + 1 == topK) top10 = ys[i + 1] / 100;
            data.add(Charts.row(sorted.get(i).getKey(), Fmt.num(sorted.get(i).getValue(), 2)));
        }
        // The curve lies above the diagonal (segments sorted by most incidents first): Gini = 2·area − 1.
        double gini = 2 * area - 1;
        var img = Charts.lorenz(
                "Concentration of incidents on street segments",
                "Street segments, most incidents first (cumulative %)",
                "Incidents (cumulative %)",
                xs,
                ys);
        doc.add(new Document.Figures(List.of(
                new Figure(
                        "fig-top10-street-share",
                        "of incidents lie on the " + topK + " street segment" + (topK == 1 ? "" : "s")
                                + " with the most (" + Fmt.pct((double) topK / n) + " of " + n + " segments)",
                        top10,
                        Fmt.pct(top10)),
                new Figure(
                        "fig-street-gini",
                        "Gini coefficient over street segments (0 = even spread, 1 = all on one)",
                        gini,
                        Fmt.num(gini, 2)))));
        doc.add(new Document.Image(
                "chart-concentration",
                "Concentration curve: cumulative share of incidents against"
                        + " cumulative share of street segments (" + n + " segments, incident weight "
                        + Fmt.num(total, 0) + "; "
                        + method
                        + (unassigned > 0 ? "; " + unassigned + " incidents farther than any street left out" : "")
                        + "). The farther the curve from the diagonal, the more incidents concentrate on few segments.",
                img,
                Charts.W,
                new DataTable(List.of("street_id", "incidents"), data)));
    }

    private static org.locationtech.jts.geom.Envelope envelope(List<Feature> fs) {
        var e = new org.locationtech.jts.geom.Envelope();
        for (Feature f : fs) e.expandToInclude(f.geometry().getEnvelopeInternal());
        return e;
    }

    /** The outreach picks: site, building, position, gain. Sites are buildings with no registered camera. */
    static void picksTable(Document doc, Table t, RunFolder run) {
        doc.h1("Recommended camera sites");
        run.json("outreach/summary.json")
                .ifPresent(s -> doc.add(new Document.Figures(List.of(
                        new Figure(
                                "fig-picks",
                                "sites picked (budget k = " + s.path("k").asText("?") + ")",
                                s.path("picked").asDouble(Double.NaN),
                                Fmt.count(s.path("picked").asDouble(Double.NaN))),
                        new Figure(
                                "fig-total-gain",
                                "newly covered demand weight if all picks recruit a camera",
                                s.path("total_gain").asDouble(Double.NaN),
                                Fmt.num(s.path("total_gain").asDouble(Double.NaN), 1)),
                        new Figure(
                                "fig-optimality-gap",
                                "at most this far below the best possible plan (optimality gap)",
                                s.path("optimality_gap").asDouble(Double.NaN),
                                Fmt.pct(s.path("optimality_gap").asDouble(Double.NaN)))))));
        doc.p("Sites are buildings that host no registered camera, with one camera on the façade facing the nearest"
                + " street. Gain = demand weight (uncovered hotspot incidents) newly covered by the pick, given the"
                + " picks before it; cumulative = running total; position in WGS84 degrees.");
        List<List<Cell>> rows = new ArrayList<>();
        for (var r : t.rows()) {
            rows.add(List.of(
                    Cell.num(Table.numOrNaN(r, "rank"), r.get("rank")),
                    Cell.text(r.get("site_id")),
                    Cell.text(r.get("building_id")),
                    Cell.num(Table.numOrNaN(r, "lon"), Fmt.deg(Table.numOrNaN(r, "lon"))),
                    Cell.num(Table.numOrNaN(r, "lat"), Fmt.deg(Table.numOrNaN(r, "lat"))),
                    Cell.num(Table.numOrNaN(r, "heading_deg"), Fmt.num(Table.numOrNaN(r, "heading_deg"), 0) + "°"),
                    Cell.text(r.get("area_id")),
                    Cell.num(Table.numOrNaN(r, "gain"), Fmt.num(Table.numOrNaN(r, "gain"), 1)),
                    Cell.num(Table.numOrNaN(r, "cumulative"), Fmt.num(Table.numOrNaN(r, "cumulative"), 1))));
        }
        doc.add(new Document.TableBlock(
                "tbl-picks",
                "Top candidate sites (outreach/picks.csv)",
                List.of("Rank", "Site", "Building", "Longitude", "Latitude", "Heading", "Area", "Gain", "Cumulative"),
                rows));
    }
}
