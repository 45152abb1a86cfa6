package org.sightline.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import org.locationtech.jts.geom.Coordinate;
import org.sightline.reports.Document.Cell;
import org.sightline.reports.Document.DataTable;
import org.sightline.reports.Document.Figure;

/**
 * The analyst report: internal and exact. Headline figures, the per-area table sorted by gap,
 * charts, maps with cameras and viewsheds, methods and the data-quality appendix.
 */
final class AnalystReport {
    /** Zoomed gap panels are short enough for two to a page. */
    private static final int ZOOM_HEIGHT = 400;
    /** Camera markers are drawn only on maps at least this detailed (metres per CSS pixel). */
    private static final double CAMERA_MARKER_MAX_M_PER_PX = 4;

    private final RunFolder run;
    private final ReportOptions options;
    private final Document doc;
    /** The concentration curve's blocks, built on a background thread. */
    private Future<Document> concentration;

    private AnalystReport(RunFolder run, ReportOptions options) {
        this.run = run;
        this.options = options;
        this.doc = new Document(
                "Camera coverage: analyst report",
                "Internal and exact: individual cameras are shown. Source: " + run.dir());
    }

    static Document build(RunFolder run, ReportOptions options) {
        AnalystReport r = new AnalystReport(run, options);
        // In the background, while the tables and charts are built: the CRS and the biggest layer, the
        // incident concentration curve (it reads streets and incidents), then the maps' other layers.
        run.prefetch(run::knownMetricCrs, () -> run.inputGeometries("buildings"));
        r.concentration = Background.submit(() -> {
            Document part = new Document("", "");
            Sections.concentration(part, run);
            return part;
        });
        CityLayers.prefetch(run);
        run.prefetch(() -> run.geojson("viewsheds/viewsheds.geojson"), () -> run.inputFeatures("cameras"));
        r.headline();
        r.areaTable();
        r.charts();
        r.maps();
        r.picksTable();
        Sections.methods(r.doc, run);
        Sections.dataQuality(r.doc, run);
        return r.doc;
    }

    private void headline() {
        doc.h1("Headline figures");
        List<Figure> figs = new ArrayList<>();
        Optional<Table> cams = run.table("coverage/cameras.csv");
        if (cams.isPresent()) {
            Table t = cams.get();
            long resident = t.rows().stream()
                    .filter(r -> "resident".equals(r.get("kind")))
                    .count();
            long business = t.rows().stream()
                    .filter(r -> "business".equals(r.get("kind")))
                    .count();
            long live =
                    t.rows().stream().filter(r -> Table.bool(r, "live_feed")).count();
            figs.add(new Figure("fig-cameras", "active cameras (coverage/cameras.csv)", t.size(), Fmt.count(t.size())));
            figs.add(new Figure("fig-cameras-resident", "resident cameras", resident, Fmt.count(resident)));
            figs.add(new Figure("fig-cameras-business", "business cameras", business, Fmt.count(business)));
            double liveShare = t.size() == 0 ? Double.NaN : (double) live / t.size();
            figs.add(new Figure(
                    "fig-live-cameras-share", "of cameras share a live feed", liveShare, Fmt.pct(liveShare)));
        }
        Optional<JsonNode> city = run.json("coverage/city.json");
        if (city.isPresent()) {
            JsonNode c = city.get();
            double cov = c.path("covered_share").asDouble(Double.NaN);
            double live = c.path("live_share").asDouble(Double.NaN);
            double street = c.path("street_covered_share").asDouble(Double.NaN);
            figs.add(new Figure("fig-covered-share", "of outdoor area in view of ≥ 1 camera", cov, Fmt.pct(cov)));
            figs.add(new Figure("fig-live-share", "of outdoor area in view of a live feed", live, Fmt.pct(live)));
            figs.add(new Figure("fig-street-covered-share", "of street length in view", street, Fmt.pct(street)));
        }
        Optional<Table> inc = run.table("gaps/incidents.csv");
        if (inc.isPresent()) {
            long hot = 0, hotCovered = 0;
            for (Map<String, String> r : inc.get().rows()) {
                if (Table.bool(r, "hotspot")) {
                    hot++;
                    if (Table.bool(r, "covered")) hotCovered++;
                }
            }
            double share = hot == 0 ? Double.NaN : (double) hotCovered / hot;
            figs.add(new Figure(
                    "fig-hotspot-incidents-covered",
                    "of incidents in hotspot cells in view (" + hotCovered + " of " + hot + ", by count)",
                    share,
                    Fmt.pct(share)));
        }
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
        if (figs.isEmpty()) doc.note("No coverage or gaps outputs in " + run.dir() + ": no headline figures.");
        else doc.add(new Document.Figures(figs));
        if (cams.isEmpty()) doc.note("coverage/cameras.csv is missing: camera counts are left out.");
        if (city.isEmpty()) doc.note("coverage/city.json is missing: city coverage figures are left out.");
        if (inc.isEmpty())
            doc.note("gaps/incidents.csv is missing: the share of hotspot incidents in view is left out.");
    }

    /** The per-area join of coverage/areas.csv, gaps/areas.csv and outreach/areas.csv, sorted by gap. */
    List<AreaRow> areaRows() {
        Map<String, AreaRow> rows = new LinkedHashMap<>();
        run.table("coverage/areas.csv").ifPresent(t -> {
            for (var r : t.rows()) rows.computeIfAbsent(r.get("area_id"), id -> new AreaRow(id)).coverage = r;
        });
        run.table("gaps/areas.csv").ifPresent(t -> {
            for (var r : t.rows()) rows.computeIfAbsent(r.get("area_id"), id -> new AreaRow(id)).gaps = r;
        });
        run.table("outreach/areas.csv").ifPresent(t -> {
            for (var r : t.rows()) rows.computeIfAbsent(r.get("area_id"), id -> new AreaRow(id)).outreach = r;
        });
        List<AreaRow> out = new ArrayList<>(rows.values());
        out.sort(AreaRow.BY_GAP);
        return out;
    }

    private void areaTable() {
        doc.h1("Areas, largest coverage gap first");
        List<AreaRow> rows = areaRows();
        if (rows.isEmpty()) {
            doc.note(
                    "No per-area tables (coverage/areas.csv, gaps/areas.csv) in this run: the area table is left out.");
            return;
        }
        doc.p("Sorted by uncovered incident weight in hotspot cells (gaps/areas.csv, uncovered_weight), largest first;"
                + " ties by lowest covered share of outdoor area. Shares are of outdoor area (area minus building"
                + " footprints) or of street length; ≥ 2 = in view of at least two cameras.");
        List<String> cols = List.of(
                "Area",
                "Name",
                "Outdoor km²",
                "Covered",
                "Live",
                "≥ 2 cameras",
                "Streets covered",
                "Incidents",
                "Hotspot incidents",
                "Hotspot in view",
                "Uncovered weight",
                "Attainable gain");
        List<List<Cell>> cells = new ArrayList<>();
        for (AreaRow a : rows) {
            cells.add(List.of(
                    Cell.text(a.id),
                    Cell.text(a.name()),
                    Cell.num(a.c("outdoor_m2") / 1e6, Fmt.km2(a.c("outdoor_m2"))),
                    Cell.num(a.c("covered_share"), Fmt.pct(a.c("covered_share"))),
                    Cell.num(a.c("live_share"), Fmt.pct(a.c("live_share"))),
                    Cell.num(a.c("depth2_share"), Fmt.pct(a.c("depth2_share"))),
                    Cell.num(a.c("street_covered_share"), Fmt.pct(a.c("street_covered_share"))),
                    Cell.num(a.g("incidents"), Fmt.count(a.g("incidents"))),
                    Cell.num(a.g("hotspot_incidents"), Fmt.count(a.g("hotspot_incidents"))),
                    Cell.num(a.g("hotspot_covered_share"), Fmt.pct(a.g("hotspot_covered_share"))),
                    Cell.num(a.g("uncovered_weight"), Fmt.num(a.g("uncovered_weight"), 1)),
                    Cell.num(a.o("attainable"), Fmt.num(a.o("attainable"), 1))));
        }
        doc.add(new Document.TableBlock("tbl-areas", "Coverage and gaps by area", cols, cells));
    }

    private void charts() {
        doc.h1("Charts");
        List<AreaRow> rows = areaRows().stream()
                .filter(a -> Double.isFinite(a.c("covered_share")))
                .toList();
        if (rows.isEmpty()) doc.note("coverage/areas.csv is missing: the per-area charts are left out.");
        else {
            coverageByArea(rows);
            scatter(rows);
            depth(rows);
        }
        for (Document.Block b : Background.join(concentration).blocks()) doc.add(b);
        byKind();
    }

    private void coverageByArea(List<AreaRow> rows) {
        List<AreaRow> sorted = new ArrayList<>(rows);
        sorted.sort(
                Comparator.comparingDouble((AreaRow a) -> a.c("covered_share")).reversed());
        int n = options.topN();
        String which = "all areas";
        if (sorted.size() > 2 * n) {
            List<AreaRow> ends = new ArrayList<>(sorted.subList(0, n));
            ends.addAll(sorted.subList(sorted.size() - n, sorted.size()));
            sorted = ends;
            which = "the " + n + " best and " + n + " worst covered areas";
        }
        List<Charts.Bar> bars = new ArrayList<>();
        List<List<String>> data = new ArrayList<>();
        for (AreaRow a : sorted) {
            bars.add(new Charts.Bar(a.name(), new double[] {100 * a.c("covered_share"), 100 * a.c("live_share")}));
            data.add(Charts.row(a.id, a.name(), a.coverage.get("covered_share"), a.coverage.get("live_share")));
        }
        var img = Charts.bars(
                "Coverage of outdoor area by area",
                "Area",
                "Share of outdoor area (%)",
                new String[] {"in view of ≥ 1 camera", "in view of a live feed"},
                bars,
                true,
                false,
                100.0);
        doc.add(new Document.Image(
                "chart-coverage-by-area",
                "Coverage by area: " + which + ", sorted by covered share (coverage/areas.csv).",
                img,
                Charts.W,
                new DataTable(List.of("area_id", "name", "covered_share", "live_share"), data)));
    }

    private void scatter(List<AreaRow> rows) {
        List<AreaRow> ok = rows.stream()
                .filter(a -> Double.isFinite(a.g("incidents")) && a.c("outdoor_m2") > 0)
                .toList();
        if (ok.isEmpty()) {
            doc.note("gaps/areas.csv is missing: the coverage vs incident density chart is left out.");
            return;
        }
        double[] xs = new double[ok.size()], ys = new double[ok.size()];
        String[] names = new String[ok.size()];
        List<List<String>> data = new ArrayList<>();
        for (int i = 0; i < ok.size(); i++) {
            AreaRow a = ok.get(i);
            xs[i] = a.g("incidents") / (a.c("outdoor_m2") / 1e6);
            ys[i] = 100 * a.c("covered_share");
            names[i] = a.name();
            data.add(Charts.row(a.id, a.name(), Fmt.num(xs[i], 3), a.coverage.get("covered_share")));
        }
        var img = Charts.scatter(
                "Coverage vs incident density, one point per area",
                "Incident density (incidents per km² of outdoor area)",
                "Outdoor area in view (%)",
                xs,
                ys,
                names);
        doc.add(new Document.Image(
                "chart-coverage-vs-density",
                "Coverage vs incident density: incidents (gaps/areas.csv)"
                        + " per km² of outdoor area (coverage/areas.csv) against covered share. Areas at the lower right"
                        + " have many incidents and little coverage.",
                img,
                Charts.W,
                new DataTable(List.of("area_id", "name", "incidents_per_km2", "covered_share"), data)));
    }

    private void depth(List<AreaRow> rows) {
        List<AreaRow> sorted = new ArrayList<>(rows);
        sorted.sort(
                Comparator.comparingDouble((AreaRow a) -> a.c("depth1_share")).reversed());
        if (sorted.size() > 2 * options.topN()) sorted = sorted.subList(0, 2 * options.topN());
        List<Charts.Bar> bars = new ArrayList<>();
        List<List<String>> data = new ArrayList<>();
        for (AreaRow a : sorted) {
            double d1 = a.c("depth1_share"), d2 = a.c("depth2_share"), d3 = a.c("depth3_share");
            bars.add(new Charts.Bar(a.name(), new double[] {100 * (d1 - d2), 100 * (d2 - d3), 100 * d3}));
            data.add(Charts.row(
                    a.id,
                    a.name(),
                    a.coverage.get("depth1_share"),
                    a.coverage.get("depth2_share"),
                    a.coverage.get("depth3_share")));
        }
        var img = Charts.bars(
                "Coverage depth by area",
                "Area",
                "Share of outdoor area (%)",
                new String[] {"exactly 1 camera", "exactly 2 cameras", "3 or more cameras"},
                bars,
                true,
                true,
                null);
        doc.add(new Document.Image(
                "chart-depth",
                "Coverage depth: share of outdoor area in view of exactly one, exactly"
                        + " two, and three or more cameras (from depth1/2/3_share of coverage/areas.csv; the bar's length is"
                        + " the covered share). Deeper coverage survives a camera going offline.",
                img,
                Charts.W,
                new DataTable(List.of("area_id", "name", "depth1_share", "depth2_share", "depth3_share"), data)));
    }

    private void byKind() {
        Optional<Table> cams = run.table("coverage/cameras.csv");
        if (cams.isEmpty()) {
            doc.note("coverage/cameras.csv is missing: coverage by camera kind is left out.");
            return;
        }
        Map<String, double[]> k = new LinkedHashMap<>(); // count, viewshed_m2, unique_m2
        for (var r : cams.get().rows()) {
            double[] v = k.computeIfAbsent(r.get("kind"), x -> new double[3]);
            v[0]++;
            v[1] += Table.num(r, "viewshed_m2").orElse(0);
            v[2] += Table.num(r, "unique_m2").orElse(0);
        }
        List<Charts.Bar> bars = new ArrayList<>();
        List<List<String>> data = new ArrayList<>();
        for (var e : k.entrySet()) {
            double[] v = e.getValue();
            bars.add(new Charts.Bar(
                    e.getKey() + " (" + Fmt.count(v[0]) + " cameras)", new double[] {v[1] / 1000, v[2] / 1000}));
            data.add(Charts.row(e.getKey(), Fmt.count(v[0]), Fmt.num(v[1], 1), Fmt.num(v[2], 1)));
        }
        var img = Charts.bars(
                "Coverage by camera kind",
                "Camera kind",
                "Area (1,000 m²)",
                new String[] {"sum of viewsheds", "seen by no other camera"},
                bars,
                false,
                false,
                null);
        doc.add(new Document.Image(
                "chart-by-kind",
                "Coverage by camera kind: summed viewshed area and the area each"
                        + " kind sees alone (unique_m2 of coverage/cameras.csv), in thousands of m².",
                img,
                Charts.W,
                new DataTable(List.of("kind", "cameras", "viewshed_m2", "unique_m2"), data)));
    }

    private void maps() {
        doc.h1("Maps");
        CityLayers c = new CityLayers(run);
        for (String n : c.notes()) doc.note(n);
        List<Feature> views =
                run.geojson("viewsheds/viewsheds.geojson").map(c::metric).orElse(List.of());
        if (views.isEmpty()) doc.note("viewsheds/viewsheds.geojson is missing: maps show no coverage depth.");
        List<Feature> cams = run.inputFeatures("cameras").map(c::metric).orElse(List.of());
        Map<String, String> kinds = new HashMap<>();
        for (Feature v : views) kinds.put(v.get("camera_id"), v.get("kind"));
        Table picks = run.table("outreach/picks.csv").orElse(new Table("picks.csv", List.of(), List.of()));

        // The maps are drawn side by side and added in order. The zoomed panels start first; the two
        // city maps share one drawing of the base layers (hundreds of thousands of footprints).
        List<Future<Document.Image>> zooms = new ArrayList<>();
        List<Feature> top = ReportMaps.topGaps(c, 3);
        for (Feature g : top) {
            zooms.add(Background.submit(() -> {
                MapCanvas z = new MapCanvas(
                        c.crs,
                        ReportMaps.around(g.geometry()),
                        "Gap G" + g.get("rank") + ": " + g.get("area_name") + " ("
                                + Fmt.num(g.num("uncovered_weight"), 1) + " uncovered)",
                        ZOOM_HEIGHT);
                coverageLayers(z, c, views, cams, kinds, null);
                ReportMaps.hotspots(z, c, true);
                ReportMaps.gaps(z, c, Integer.MAX_VALUE);
                ReportMaps.picks(z, c, picks, Integer.MAX_VALUE);
                return z.finish(
                        "map-gap-" + g.get("rank"),
                        "Gap G" + g.get("rank") + " (cell " + g.get("cell_id") + ", "
                                + Fmt.count(g.num("incidents")) + " incidents, uncovered weight "
                                + Fmt.num(g.num("uncovered_weight"), 1)
                                + ") and 150 m around it.");
            }));
        }
        MapCanvas scratch = new MapCanvas(c.crs, c.extent, "");
        c.drawBase(scratch, true);
        int[] cityBase = scratch.framePixels();
        List<Future<Document.Image>> drawn = new ArrayList<>();
        drawn.add(Background.submit(() -> {
            MapCanvas cov = new MapCanvas(c.crs, c.extent, "Coverage depth and cameras, whole city");
            coverageLayers(cov, c, views, cams, kinds, cityBase);
            return cov.finish(
                    "map-coverage",
                    "City overview: where the registered cameras can see (coverage depth from"
                            + " viewsheds/viewsheds.geojson), with building footprints and streets from the run's inputs.");
        }));
        drawn.add(Background.submit(() -> {
            MapCanvas hot = new MapCanvas(c.crs, c.extent, "Hotspots, coverage gaps and recommended sites");
            c.base(hot, true, cityBase);
            ReportMaps.hotspots(hot, c);
            ReportMaps.gaps(hot, c, 10);
            ReportMaps.picks(hot, c, picks, 10);
            return hot.finish(
                    "map-gaps",
                    "City overview: Gi* hotspot cells (hotspots/cells.geojson), coverage gaps ranked"
                            + " by uncovered incident weight (gaps/gaps.geojson), and the outreach plan's picks (outreach/picks.csv).");
        }));
        for (Future<Document.Image> f : drawn) doc.add(Background.join(f));
        if (top.isEmpty()) doc.note("No gap cells (gaps/gaps.geojson): no zoomed gap panels.");
        for (Future<Document.Image> f : zooms) doc.add(Background.join(f));
    }

    /** @param base the frame's base layers as drawn for a map of the same frame, or null to draw them */
    private static void coverageLayers(
            MapCanvas m, CityLayers c, List<Feature> views, List<Feature> cams, Map<String, String> kinds, int[] base) {
        if (base == null) c.base(m, true);
        else c.base(m, true, base);
        m.depth(CityLayers.geoms(views), 200);
        String[] labels = {"In view of 1 camera", "In view of 2 cameras", "In view of 3 or more cameras"};
        if (!views.isEmpty())
            for (int i = 0; i < 3; i++) m.legend(labels[i], Palette.alpha(Palette.DEPTH[i], 200), null, "box");
        for (Feature v : views) {
            if (!v.geometry().isEmpty())
                m.record(
                        "viewshed",
                        v.get("camera_id"),
                        v.geometry().getCentroid().getCoordinate(),
                        "area_m2=" + v.get("area_m2"));
        }
        boolean anyRes = false, anyBus = false;
        if (m.metresPerPixel() > CAMERA_MARKER_MAX_M_PER_PX && !cams.isEmpty()) {
            // Thousands of markers would hide the coverage they explain; the zoomed panels show them.
            m.legend("Cameras: shown in the zoomed panels", null, null, "none");
            return;
        }
        for (Feature cam : cams) {
            if ("inactive".equals(cam.get("status"))) continue;
            String kind = cam.properties().getOrDefault("kind", kinds.getOrDefault(cam.get("camera_id"), ""));
            boolean business = "business".equals(kind);
            Coordinate p = cam.geometry().getCoordinate();
            m.marker(p, business ? "square" : "circle", business ? Palette.ORANGE : Palette.BLACK, 6, null);
            m.record("camera", cam.get("camera_id"), p, kind);
            anyRes |= !business;
            anyBus |= business;
        }
        if (anyRes) m.legend("Resident camera", Palette.BLACK, null, "circle");
        if (anyBus) m.legend("Business camera", Palette.ORANGE, null, "square");
    }

    private void picksTable() {
        run.table("outreach/picks.csv").ifPresentOrElse(t -> Sections.picksTable(doc, t, run), () -> {
            doc.h1("Outreach plan");
            doc.note("outreach/picks.csv is missing: no outreach plan in this run.");
        });
    }

    /** One area's rows of the three per-area tables. */
    static final class AreaRow {
        static final Comparator<AreaRow> BY_GAP = Comparator.comparingDouble((AreaRow a) -> {
                    double w = a.g("uncovered_weight");
                    return Double.isFinite(w) ? -w : 0;
                })
                .thenComparingDouble(a -> Double.isFinite(a.c("covered_share")) ? a.c("covered_share") : 2)
                .thenComparing(a -> a.id);
        final String id;
        Map<String, String> coverage = Map.of(), gaps = Map.of(), outreach = Map.of();

        AreaRow(String id) {
            this.id = id;
        }

        String name() {
            for (var m : List.of(coverage, gaps, outreach))
                if (m.get("name") != null && !m.get("name").isBlank()) return m.get("name");
            return id;
        }

        double c(String col) {
            return Table.numOrNaN(coverage, col);
        }

        double g(String col) {
            return Table.numOrNaN(gaps, col);
        }

        double o(String col) {
            return Table.numOrNaN(outreach, col);
        }
    }
}
