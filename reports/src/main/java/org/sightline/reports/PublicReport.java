package org.sightline.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.privacy.H3CellCoverage;
import org.sightline.engine.privacy.H3Coverage;
import org.sightline.engine.privacy.H3Options;
import org.sightline.engine.privacy.PlacedCamera;
import org.sightline.reports.Document.Cell;
import org.sightline.reports.Document.Figure;

/**
 * The public report: registered-camera coverage aggregated to H3 cells with k-anonymity
 * ({@link H3Coverage}). Only published cells are drawn or listed: a suppressed cell looks exactly like
 * a cell without data, so the report never singles out where one or two resident cameras are.
 */
final class PublicReport {
    private PublicReport() {}

    static Document build(RunFolder run, ReportOptions options) {
        Document doc = new Document(
                "Registered cameras in your city: public report",
                "Coverage by the cameras residents and businesses have registered with the police, in hexagonal cells."
                        + " No individual camera is shown.");
        // the map's layers, the viewsheds and the camera positions, read while the text is put together
        CityLayers.prefetch(run);
        run.prefetch(() -> run.geojson("viewsheds/viewsheds.geojson"), () -> run.inputFeatures("cameras"));
        doc.h1("What this shows");
        doc.p("Residents and businesses may register their private cameras with the police; police can ask the owner"
                + " for footage, and see live only where a business has opted in. This report shows, per hexagonal"
                + " cell (H3 resolution " + options.h3Resolution()
                + "), how many registered cameras there are and what share of the"
                + " cell they can see. A cell with fewer than " + options.kAnon() + " resident cameras is not shown at"
                + " all, so that no one's camera can be located.");
        Optional<Table> cams = run.table("coverage/cameras.csv");
        List<Figure> figs = new ArrayList<>();
        run.json("coverage/city.json").ifPresent(c -> {
            double cov = c.path("covered_share").asDouble(Double.NaN),
                    st = c.path("street_covered_share").asDouble(Double.NaN);
            figs.add(new Figure(
                    "fig-covered-share", "of outdoor area in view of a registered camera", cov, Fmt.pct(cov)));
            figs.add(new Figure("fig-street-covered-share", "of street length in view", st, Fmt.pct(st)));
        });
        cams.ifPresent(t -> {
            long res = t.rows().stream()
                    .filter(r -> "resident".equals(r.get("kind")))
                    .count();
            if (res >= options.kAnon()) {
                figs.add(new Figure("fig-cameras-resident", "registered resident cameras", res, Fmt.count(res)));
                figs.add(new Figure(
                        "fig-cameras-business",
                        "registered business cameras",
                        t.size() - res,
                        Fmt.count(t.size() - res)));
            }
        });
        List<H3CellCoverage> cells = cells(run, options, doc);
        List<H3CellCoverage> published =
                cells.stream().filter(c -> !c.suppressed()).toList();
        if (!cells.isEmpty())
            figs.add(new Figure(
                    "fig-published-cells",
                    "cells shown (cells with fewer than " + options.kAnon() + " resident cameras are withheld)",
                    published.size(),
                    Fmt.count(published.size())));
        if (!figs.isEmpty()) doc.add(new Document.Figures(figs));
        if (cells.isEmpty()) return doc;

        doc.h1("Coverage by cell");
        CityLayers c = new CityLayers(run);
        // The map shows the city and every published cell whole.
        org.locationtech.jts.geom.Envelope extent = new org.locationtech.jts.geom.Envelope(c.extent);
        for (H3CellCoverage h : published)
            extent.expandToInclude(c.crs.toMetric(h.boundary()).getEnvelopeInternal());
        MapCanvas m = new MapCanvas(c.crs, extent, "Share of each cell in view of registered cameras");
        m.lines(CityLayers.geoms(c.streets), new java.awt.Color(0xB8, 0xB8, 0xB8), 1.2f, null);
        if (!c.streets.isEmpty()) {
            m.legend("Street", null, new java.awt.Color(0xB8, 0xB8, 0xB8), "line");
            m.recordBase("streets", c.streets.size());
        }
        for (H3CellCoverage h : published) {
            double share = h.coveredShare().orElseThrow();
            var g = c.crs.toMetric(h.boundary());
            m.polygons(List.of(g), Palette.alpha(Palette.viridis(share), 190), java.awt.Color.WHITE, 1f);
            Coordinate centre = g.getCentroid().getCoordinate();
            m.label(centre, String.valueOf(h.cameras().orElseThrow()), Palette.BLACK);
            m.record("h3_cell", h.cellId(), centre, "cameras=" + h.cameras().orElseThrow() + " covered_share=" + share);
        }
        m.lines(CityLayers.geoms(c.areas), new java.awt.Color(0x44, 0x44, 0x44), 1.3f, new float[] {6, 3});
        if (!c.areas.isEmpty()) {
            m.legend("Neighbourhood boundary", null, new java.awt.Color(0x44, 0x44, 0x44), "dash");
            m.recordBase("areas", c.areas.size());
        }
        for (double s : new double[] {0.05, 0.25, 0.5, 0.75})
            m.legend(Fmt.pct(s) + " of the cell in view", Palette.alpha(Palette.viridis(s), 190), null, "box");
        m.legend("Number in a cell: registered cameras there", null, null, "none");
        doc.add(m.finish(
                "map-h3",
                "Share of each H3 cell in view of registered cameras (colour) and the number of"
                        + " registered cameras in it (label). Cells with fewer than " + options.kAnon()
                        + " resident cameras are not shown."));

        List<List<Cell>> rows = new ArrayList<>();
        for (H3CellCoverage h : published) {
            double share = h.coveredShare().orElseThrow();
            rows.add(List.of(
                    Cell.text(h.cellId()),
                    Cell.num(
                            h.cameras().orElseThrow(),
                            String.valueOf(h.cameras().orElseThrow())),
                    Cell.num(
                            h.residentCameras().orElseThrow(),
                            String.valueOf(h.residentCameras().orElseThrow())),
                    Cell.num(
                            h.businessCameras().orElseThrow(),
                            String.valueOf(h.businessCameras().orElseThrow())),
                    Cell.num(share, Fmt.pct(share))));
        }
        doc.add(new Document.TableBlock(
                "tbl-h3",
                "Cells shown",
                List.of("H3 cell", "Cameras", "Resident", "Business", "Cell area in view"),
                rows));
        return doc;
    }

    /** The k-anonymous cells; empty (with a note) when camera positions or viewsheds are unavailable. */
    static List<H3CellCoverage> cells(RunFolder run, ReportOptions options, Document doc) {
        Optional<List<Feature>> views = run.geojson("viewsheds/viewsheds.geojson");
        Optional<List<Feature>> cams = run.inputFeatures("cameras");
        if (views.isEmpty() || cams.isEmpty()) {
            doc.note(
                    "Cell coverage needs viewsheds/viewsheds.geojson and the cameras input (run.json inputs.cameras): left out.");
            return List.of();
        }
        Map<String, Feature> byId = new HashMap<>();
        for (Feature c : cams.get()) byId.put(c.get("camera_id"), c);
        List<PlacedCamera> placed = new ArrayList<>();
        for (Feature v : views.get()) {
            Feature cam = byId.get(v.get("camera_id"));
            if (cam == null || "inactive".equals(v.get("status")) || "inactive".equals(cam.get("status"))) continue;
            CameraKind kind = CameraKind.parse(v.get("kind"))
                    .or(() -> CameraKind.parse(cam.get("kind")))
                    .orElse(CameraKind.RESIDENT);
            placed.add(new PlacedCamera(kind, (org.locationtech.jts.geom.Point) cam.geometry(), v.geometry()));
        }
        CityLayers c = new CityLayers(run);
        return H3Coverage.aggregate(placed, c.crs, new H3Options(options.h3Resolution(), options.kAnon()));
    }
}
