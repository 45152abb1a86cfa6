package org.sightline.reports;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Map layers shared by the analyst and planner reports: hotspots, gaps, outreach picks. */
final class ReportMaps {
    private ReportMaps() {}

    static final Color HOT3 = Palette.alpha(Palette.VERMILLION, 120);
    static final Color HOT2 = Palette.alpha(Palette.ORANGE, 110);
    static final Color PICK_VIEW = Palette.alpha(Palette.SKY_BLUE, 140);

    /** Hotspot cells with gi_bin ≥ 2, filled by confidence. */
    static void hotspots(MapCanvas map, CityLayers c) {
        hotspots(map, c, false);
    }

    /**
     * Hotspot cells with gi_bin ≥ 2 by confidence: filled, or (over a coverage layer, where fills would
     * blend into colours the legend does not show) as thick outlines.
     */
    static void hotspots(MapCanvas map, CityLayers c, boolean outline) {
        List<Geometry> bin3 = new ArrayList<>(), bin2 = new ArrayList<>();
        for (Feature f : c.hotspotCells) {
            double bin = f.num("gi_bin");
            if (bin >= 3) bin3.add(f.geometry());
            else if (bin >= 2) bin2.add(f.geometry());
            else continue;
            map.record(
                    "hotspot_cell",
                    f.get("cell_id"),
                    f.geometry().getCentroid().getCoordinate(),
                    "gi_bin=" + f.get("gi_bin"));
        }
        if (outline) {
            map.polygons(bin2, null, Palette.ORANGE, 3.5f);
            map.polygons(bin3, null, Palette.VERMILLION, 3.5f);
        } else {
            map.polygons(bin2, HOT2, null, 0);
            map.polygons(bin3, HOT3, null, 0);
        }
        if (!bin3.isEmpty() || !bin2.isEmpty()) {
            map.legend(
                    "Hotspot, 99 % confidence (Gi* bin 3)",
                    outline ? null : HOT3, outline ? Palette.VERMILLION : null, "box");
            map.legend(
                    "Hotspot, 95 % confidence (Gi* bin 2)",
                    outline ? null : HOT2, outline ? Palette.ORANGE : null, "box");
        }
    }

    /** Gap cells outlined and labelled G1, G2, … by rank. */
    static void gaps(MapCanvas map, CityLayers c, int labelTop) {
        List<Feature> ranked = new ArrayList<>(c.gaps);
        ranked.sort(Comparator.comparingDouble(f -> f.num("rank")));
        map.polygons(CityLayers.geoms(ranked), null, Palette.BLACK, 2f);
        for (Feature f : ranked) {
            Coordinate centre = f.geometry().getCentroid().getCoordinate();
            map.record(
                    "gap",
                    "G" + f.get("rank") + " " + f.get("cell_id"),
                    centre,
                    "uncovered_weight=" + f.get("uncovered_weight"));
            if (f.num("rank") <= labelTop) map.cornerLabel(f.geometry(), "G" + f.get("rank"), Palette.BLACK);
        }
        if (!ranked.isEmpty())
            map.legend(
                    "Coverage gap (hotspot cell with uncovered incidents), G1 = largest", null, Palette.BLACK, "box");
    }

    /** Outreach picks: the picked sites' candidate viewsheds and a triangle labelled P1, P2, … */
    static void picks(MapCanvas map, CityLayers c, Table picks, int labelTop) {
        List<Geometry> views = new ArrayList<>();
        for (Feature f : c.candidates) if (Table.bool(f.properties(), "picked")) views.add(f.geometry());
        map.polygons(views, PICK_VIEW, Palette.BLUE, 0.8f);
        for (Map<String, String> p : picks.rows()) {
            Coordinate m = c.crs.toMetric(Table.numOrNaN(p, "lon"), Table.numOrNaN(p, "lat"));
            boolean label = Table.numOrNaN(p, "rank") <= labelTop;
            map.marker(m, "triangle", Palette.BLUE, 11, label ? "P" + p.get("rank") : null);
            map.record("pick", "P" + p.get("rank") + " " + p.get("site_id"), m, "gain=" + p.get("gain"));
        }
        if (!picks.rows().isEmpty()) {
            map.legend(
                    labelTop < picks.size()
                            ? "Recommended camera site (P1 = first pick; first " + labelTop + " labelled)"
                            : "Recommended camera site (P1 = first pick)",
                    Palette.BLUE,
                    null,
                    "triangle");
            if (!views.isEmpty()) map.legend("What a camera at the site would see", PICK_VIEW, Palette.BLUE, "box");
        }
    }

    /** The extent of a zoom panel around a gap cell: the cell and 150 m around it. */
    static Envelope around(Geometry cell) {
        Envelope e = new Envelope(cell.getEnvelopeInternal());
        e.expandBy(150);
        return e;
    }

    /** The top {@code n} gap features by rank. */
    static List<Feature> topGaps(CityLayers c, int n) {
        return c.gaps.stream()
                .sorted(Comparator.comparingDouble(f -> f.num("rank")))
                .limit(n)
                .toList();
    }
}
