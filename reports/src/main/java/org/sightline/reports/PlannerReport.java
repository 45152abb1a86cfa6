package org.sightline.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.reports.Document.Cell;
import org.sightline.reports.Document.DataTable;
import org.sightline.reports.Document.Figure;

/**
 * The planner report: where to recruit cameras. Gaps, neighbourhood targets and candidate sites; no
 * individual camera (resident or business) anywhere: no camera id, position or viewshed, only
 * city-wide counts by kind. Camera inputs and viewsheds are never read.
 */
final class PlannerReport {
    /** Zoomed gap panels are short enough for two to a page. */
    private static final int ZOOM_HEIGHT = 400;

    private PlannerReport() {}

    static Document build(RunFolder run, ReportOptions options) {
        Document doc = new Document(
                "Camera outreach: planner report",
                "Where coverage is missing at crime hotspots, and where recruiting cameras would close the most of it."
                        + " No individual camera is shown. Source: " + run.dir());
        CityLayers.prefetch(run); // the maps' layers, read while the tables are built
        headline(doc, run);
        targets(doc, run);
        run.table("outreach/picks.csv").ifPresentOrElse(t -> Sections.picksTable(doc, t, run), () -> {
            doc.h1("Recommended camera sites");
            doc.note("outreach/picks.csv is missing: no outreach plan in this run.");
        });
        maps(doc, run);
        Sections.methods(doc, run);
        return doc;
    }

    private static void headline(Document doc, RunFolder run) {
        doc.h1("Summary");
        List<Figure> figs = new ArrayList<>();
        run.table("coverage/cameras.csv").ifPresent(t -> {
            long res = t.rows().stream()
                    .filter(r -> "resident".equals(r.get("kind")))
                    .count();
            figs.add(new Figure("fig-cameras-resident", "resident cameras, city-wide", res, Fmt.count(res)));
            figs.add(new Figure(
                    "fig-cameras-business", "business cameras, city-wide", t.size() - res, Fmt.count(t.size() - res)));
        });
        run.json("coverage/city.json").ifPresent(c -> {
            double cov = c.path("covered_share").asDouble(Double.NaN);
            figs.add(new Figure("fig-covered-share", "of outdoor area in view of ≥ 1 camera", cov, Fmt.pct(cov)));
        });
        run.table("gaps/gaps.csv").ifPresent(g -> {
            double w = g.rows().stream()
                    .mapToDouble(r -> Table.num(r, "uncovered_weight").orElse(0))
                    .sum();
            figs.add(new Figure(
                    "fig-gap-cells",
                    "gap cells (hotspot cells with uncovered incidents)",
                    g.size(),
                    Fmt.count(g.size())));
            figs.add(
                    new Figure("fig-gap-uncovered-weight", "uncovered incident weight in gap cells", w, Fmt.num(w, 1)));
        });
        if (figs.isEmpty()) doc.note("No coverage or gaps outputs in this run: no summary figures.");
        else doc.add(new Document.Figures(figs));
    }

    private static void targets(Document doc, RunFolder run) {
        doc.h1("Neighbourhood targets");
        Optional<Table> areas = run.table("outreach/areas.csv");
        if (areas.isEmpty()) {
            doc.note("outreach/areas.csv is missing: no neighbourhood target list.");
            return;
        }
        Map<String, Map<String, String>> coverage = new java.util.HashMap<>();
        run.table("coverage/areas.csv").ifPresent(t -> t.rows().forEach(r -> coverage.put(r.get("area_id"), r)));
        List<Map<String, String>> rows = new ArrayList<>(areas.get().rows());
        rows.sort(Comparator.comparingDouble(
                        (Map<String, String> r) -> -Table.num(r, "attainable").orElse(0))
                .thenComparing(r -> r.get("area_id")));
        doc.p(
                "Sorted by attainable gain (outreach/areas.csv, attainable), largest first: the uncovered demand weight in"
                        + " the area that the candidate sites there could cover. Picks and gain: the plan's picks in the area"
                        + " and the demand weight they cover. Covered: share of outdoor area in view today.");
        List<List<Cell>> cells = new ArrayList<>();
        List<Charts.Bar> bars = new ArrayList<>();
        List<List<String>> data = new ArrayList<>();
        for (var r : rows) {
            double cov = Table.numOrNaN(coverage.getOrDefault(r.get("area_id"), Map.of()), "covered_share");
            cells.add(List.of(
                    Cell.text(r.get("area_id")),
                    Cell.text(r.get("name")),
                    Cell.num(Table.numOrNaN(r, "demand"), Fmt.num(Table.numOrNaN(r, "demand"), 1)),
                    Cell.num(Table.numOrNaN(r, "attainable"), Fmt.num(Table.numOrNaN(r, "attainable"), 1)),
                    Cell.num(Table.numOrNaN(r, "picks"), Fmt.count(Table.numOrNaN(r, "picks"))),
                    Cell.num(Table.numOrNaN(r, "gain"), Fmt.num(Table.numOrNaN(r, "gain"), 1)),
                    Cell.num(cov, Fmt.pct(cov))));
            if (bars.size() < 20) {
                bars.add(new Charts.Bar(r.get("name"), new double[] {
                    Table.numOrNaN(r, "demand"), Table.numOrNaN(r, "attainable"), Table.numOrNaN(r, "gain")
                }));
                data.add(Charts.row(
                        r.get("area_id"), r.get("name"), r.get("demand"), r.get("attainable"), r.get("gain")));
            }
        }
        doc.add(new Document.TableBlock(
                "tbl-targets",
                "Neighbourhood target list",
                List.of(
                        "Area",
                        "Name",
                        "Uncovered demand",
                        "Attainable gain",
                        "Picks",
                        "Gain of picks",
                        "Covered today"),
                cells));
        var img = Charts.bars(
                "Uncovered demand and attainable gain by neighbourhood",
                "Neighbourhood",
                "Incident weight (incidents)",
                new String[] {"uncovered demand", "attainable with candidate sites", "gain of the plan's picks"},
                bars,
                true,
                false,
                null);
        doc.add(new Document.Image(
                "chart-targets",
                "Uncovered demand, attainable gain and the plan's gain per"
                        + " neighbourhood (outreach/areas.csv), in incident weight.",
                img,
                Charts.W,
                new DataTable(List.of("area_id", "name", "demand", "attainable", "gain"), data)));
    }

    private static void maps(Document doc, RunFolder run) {
        doc.h1("Maps of gaps and recommended sites");
        CityLayers c = new CityLayers(run);
        for (String n : c.notes()) doc.note(n);
        Table picks = run.table("outreach/picks.csv").orElse(new Table("picks.csv", List.of(), List.of()));
        MapCanvas m = new MapCanvas(c.crs, c.extent, "Coverage gaps at hotspots and recommended sites");
        c.base(m, true);
        ReportMaps.hotspots(m, c);
        ReportMaps.gaps(m, c, 10);
        ReportMaps.picks(m, c, picks, 10);
        doc.add(m.finish(
                "map-gaps",
                "City overview: Gi* hotspot cells, coverage gaps ranked by uncovered incident weight"
                        + " (G1 = largest) and the recommended sites (P1 = first pick)."));
        for (Feature g : ReportMaps.topGaps(c, 3)) {
            MapCanvas z = new MapCanvas(
                    c.crs,
                    ReportMaps.around(g.geometry()),
                    "Gap G" + g.get("rank") + ": " + g.get("area_name"),
                    ZOOM_HEIGHT);
            c.base(z, true);
            ReportMaps.hotspots(z, c);
            ReportMaps.gaps(z, c, Integer.MAX_VALUE);
            ReportMaps.picks(z, c, picks, Integer.MAX_VALUE);
            doc.add(z.finish(
                    "map-gap-" + g.get("rank"),
                    "Gap G" + g.get("rank") + " (" + Fmt.count(g.num("incidents")) + " incidents, uncovered weight "
                            + Fmt.num(g.num("uncovered_weight"), 1) + ") and 150 m around it."));
        }
    }
}
