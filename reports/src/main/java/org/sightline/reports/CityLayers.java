package org.sightline.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.geo.MetricCrs;

/**
 * The geometric layers a map draws, read from the run's inputs and outputs and projected once to the
 * run's metric CRS. Each layer is empty when its file is missing; {@link #notes()} says which.
 */
final class CityLayers {
    final MetricCrs crs;
    final Envelope extent;
    final List<Feature> footprints;
    final List<Feature> streets;
    final List<Feature> areas;
    final List<Feature> hotspotCells;
    final List<Feature> gaps;
    final List<Feature> candidates;
    private final RunFolder run;
    private final List<String> notes = new ArrayList<>();

    /**
     * Starts reading the layers a {@code CityLayers} of this run will need on background threads, so
     * the report's tables and charts are built meanwhile. The biggest first.
     */
    static void prefetch(RunFolder run) {
        run.prefetch(
                run::knownMetricCrs,
                () -> run.inputGeometries("buildings"),
                () -> run.inputFeatures("streets"),
                () -> run.geojson("hotspots/cells.geojson"),
                () -> run.geojson("outreach/candidates.geojson"),
                () -> run.geojson("gaps/gaps.geojson"),
                () -> run.geojson("coverage/areas.geojson"));
    }

    CityLayers(RunFolder run) {
        this.run = run;
        List<Feature> areasLl = run.geojson("coverage/areas.geojson")
                .or(() -> run.inputFeatures("areas"))
                .orElse(List.of());
        List<Feature> footLl = input(run, "buildings", "building footprints", true);
        List<Feature> streetsLl = input(run, "streets", "streets", false);
        List<Feature> cellsLl = output(run, "hotspots/cells.geojson");
        List<Feature> gapsLl = output(run, "gaps/gaps.geojson");
        List<Feature> candLl = output(run, "outreach/candidates.geojson");
        Envelope e = new Envelope();
        for (List<Feature> l : List.of(areasLl, footLl, cellsLl, streetsLl))
            if (e.isNull()) for (Feature f : l) e.expandToInclude(f.geometry().getEnvelopeInternal());
        if (e.isNull()) e = new Envelope(-80.85, -80.83, 35.22, 35.23); // nothing to draw; any valid zone
        this.crs = run.metricCrs(e);
        // projected side by side: the footprints alone are hundreds of thousands of polygons
        var areasM = Background.submit(() -> metric(areasLl));
        var footM = Background.submit(() -> metric(footLl));
        var streetsM = Background.submit(() -> metric(streetsLl));
        var cellsM = Background.submit(() -> metric(cellsLl));
        var gapsM = Background.submit(() -> metric(gapsLl));
        this.candidates = metric(candLl);
        this.areas = Background.join(areasM);
        this.footprints = Background.join(footM);
        this.streets = Background.join(streetsM);
        this.hotspotCells = Background.join(cellsM);
        this.gaps = Background.join(gapsM);
        Envelope m = new Envelope();
        for (List<Feature> l : List.of(areas, footprints, hotspotCells, streets))
            if (m.isNull()) for (Feature f : l) m.expandToInclude(f.geometry().getEnvelopeInternal());
        this.extent = m.isNull() ? new Envelope(0, 1000, 0, 1000) : m;
    }

    List<String> notes() {
        return notes;
    }

    List<Feature> metric(List<Feature> lonLat) {
        List<Feature> out = new ArrayList<>(lonLat.size());
        for (Feature f : lonLat) {
            Geometry g = f.geometry().isEmpty() ? f.geometry() : crs.toMetric(f.geometry());
            g.getEnvelopeInternal(); // cached now, before maps on several threads read it
            out.add(f.withGeometry(g));
        }
        return out;
    }

    /** Input layer features in lon/lat (empty with a note when missing); without properties if only drawn. */
    List<Feature> input(RunFolder run, String layer, String what, boolean geometryOnly) {
        Optional<List<Feature>> l = geometryOnly ? run.inputGeometries(layer) : run.inputFeatures(layer);
        if (l.isEmpty())
            notes.add("Maps are drawn without " + what + ": run.json names no readable GeoJSON for inputs." + layer
                    + ".");
        return l.orElse(List.of());
    }

    private List<Feature> output(RunFolder run, String relative) {
        return run.geojson(relative).orElse(List.of());
    }

    RunFolder run() {
        return run;
    }

    static List<Geometry> geoms(List<Feature> fs) {
        return fs.stream().map(Feature::geometry).toList();
    }

    /** Draws the base layers (footprints, streets, area outlines) and records them as counts. */
    void base(MapCanvas map, boolean areaOutlines) {
        drawBase(map, areaOutlines);
        legendBase(map, areaOutlines);
    }

    /**
     * The base layers of a map whose frame equals that of {@code drawn} (same extent and size): its
     * pixels from {@link #drawBase} on that canvas, painted instead of drawn again; legend and counts as
     * {@link #base}.
     */
    void base(MapCanvas map, boolean areaOutlines, int[] drawn) {
        map.paintFrame(drawn);
        legendBase(map, areaOutlines);
    }

    /** Draws the base layers only: footprints, streets, area outlines. */
    void drawBase(MapCanvas map, boolean areaOutlines) {
        // At city scale footprint outlines would merge into a grey mesh: fill only.
        boolean fine = map.metresPerPixel() <= 2;
        map.polygons(
                geoms(footprints),
                new java.awt.Color(0xD4, 0xD4, 0xD0),
                fine ? new java.awt.Color(0xB0, 0xB0, 0xAA) : null,
                0.4f);
        map.lines(geoms(streets), new java.awt.Color(0xA8, 0xA8, 0xA8), fine ? 1.4f : 0.6f, null);
        if (areaOutlines) map.lines(geoms(areas), new java.awt.Color(0x44, 0x44, 0x44), 1.3f, new float[] {6, 3});
    }

    private void legendBase(MapCanvas map, boolean areaOutlines) {
        if (!footprints.isEmpty()) {
            map.legend(
                    "Building footprint",
                    new java.awt.Color(0xD4, 0xD4, 0xD0),
                    new java.awt.Color(0xB0, 0xB0, 0xAA),
                    "box");
            map.recordBase("footprints", footprints.size());
        }
        if (!streets.isEmpty()) {
            map.legend("Street", null, new java.awt.Color(0xA8, 0xA8, 0xA8), "line");
            map.recordBase("streets", streets.size());
        }
        if (areaOutlines && !areas.isEmpty()) {
            map.legend("Area (neighbourhood) boundary", null, new java.awt.Color(0x44, 0x44, 0x44), "dash");
            map.recordBase("areas", areas.size());
        }
    }
}
