package org.sightline.jobs.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.geo.AreaLocator;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.hotspot.GridSpec;
import org.sightline.engine.hotspot.HotspotCell;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.hotspot.HotspotOptions;
import org.sightline.engine.hotspot.HotspotSummary;
import org.sightline.engine.hotspot.QuarticKde;
import org.sightline.engine.io.CsvTableWriter;
import org.sightline.engine.io.GeoTiffs;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Incident;

/** {@code cells.csv/.geojson}, {@code kde.tif}, {@code summary.json}, {@code outside.csv}. */
public final class HotspotTables {
    /** The KDE raster is written at the cell size, coarsened if it would exceed this many cells. */
    static final long MAX_KDE_CELLS = 25_000_000L;

    private HotspotTables() {}

    public static Map<String, Object> write(
            Path dir,
            HotspotGrid grid,
            List<Incident> incidents,
            List<Area> areas,
            Geometry region,
            MetricCrs crs,
            OutputCrs out) {
        if (!areas.isEmpty()) writeAreas(dir.resolve("areas.csv"), grid, incidents, areas);
        boolean perm = grid.summary().options().permutations() > 0;
        List<String> header = new ArrayList<>(List.of("cell_id", "cx", "cy", "count", "gi_z", "gi_p", "gi_bin"));
        if (perm) header.add("perm_p");
        List<List<?>> rows = new ArrayList<>(grid.cells().size());
        List<Tables.Feature> features = new ArrayList<>(grid.cells().size());
        for (HotspotCell c : grid.cells()) {
            List<Object> row = Tables.row(
                    c.cellId(),
                    Tables.m(c.cx()),
                    Tables.m(c.cy()),
                    c.count(),
                    round(c.giZ(), 1e9),
                    round(c.giP(), 1e12),
                    c.giBin());
            if (perm) row = new ArrayList<>(row);
            if (perm) row.add(c.permutationP().isPresent() ? c.permutationP().getAsDouble() : null);
            rows.add(row);
            Map<String, Object> p = new LinkedHashMap<>();
            for (int k = 0; k < header.size(); k++) p.put(header.get(k), row.get(k));
            features.add(new Tables.Feature(grid.polygon(c), p));
        }
        CsvTableWriter.write(dir.resolve("cells.csv"), header, rows);
        Tables.geojson(dir.resolve("cells.geojson"), out, features);

        List<List<?>> outside = new ArrayList<>();
        for (Incident i : grid.outside()) {
            Coordinate c = out.point(i.position().getX(), i.position().getY());
            outside.add(Tables.row(i.id(), out.roundCoordinate(c.x), out.roundCoordinate(c.y)));
        }
        CsvTableWriter.write(dir.resolve("outside.csv"), List.of("incident_id", out.xName(), out.yName()), outside);

        writeKde(dir.resolve("kde.tif"), grid, incidents, region, crs);

        HotspotSummary s = grid.summary();
        HotspotOptions o = s.options();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("cells", s.n());
        j.put("incidents", incidents.size());
        j.put("incident_weight", s.countedWeight());
        j.put("outside_region", grid.outside().size());
        j.put("outside_weight", s.outsideWeight());
        j.put("pai", s.pai().isPresent() ? round(s.pai().getAsDouble(), 1e6) : null);
        j.put("hot_cells", s.hotCells());
        j.put("cold_cells", s.coldCells());
        j.put("mean", round(s.mean(), 1e9));
        j.put("std", round(s.sd(), 1e9));
        j.put("degenerate", s.degenerate());
        if (o.isH3()) j.put("h3_res", o.h3Res().getAsInt());
        else {
            j.put("cell_m", o.cell());
            j.put("band_m", o.band());
        }
        j.put("bandwidth_m", o.bandwidth());
        j.put("permutations", o.permutations());
        if (o.permutations() > 0) j.put("seed", o.seed());
        j.put("metric_crs", crs.code());
        Tables.json(dir.resolve("summary.json"), j);
        return j;
    }

    private static void writeKde(
            Path target, HotspotGrid grid, List<Incident> incidents, Geometry region, MetricCrs crs) {
        Envelope env = region.isEmpty() ? new Envelope() : region.getEnvelopeInternal();
        if (env.isNull())
            incidents.forEach(i -> env.expandToInclude(i.position().getCoordinate()));
        if (env.isNull()) return;
        double cell = grid.summary().options().isH3()
                ? HotspotOptions.DEFAULT_CELL
                : grid.summary().options().cell();
        while ((env.getWidth() / cell + 1) * (env.getHeight() / cell + 1) > MAX_KDE_CELLS) cell *= 2;
        GridSpec spec = GridSpec.covering(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY(), cell);
        int n = incidents.size();
        double[] xs = new double[n], ys = new double[n], ws = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = incidents.get(k).position().getX();
            ys[k] = incidents.get(k).position().getY();
            ws[k] = incidents.get(k).weight();
        }
        double[] density =
                QuarticKde.raster(xs, ys, ws, spec, grid.summary().options().bandwidth());
        GeoTiffs.writeFloat(
                target, density, spec.width(), spec.height(), spec.i0() * cell, spec.j0() * cell, cell, crs);
    }

    /** Per area: incidents and their weight, study cells and hotspot cells (by cell centre). */
    private static void writeAreas(Path target, HotspotGrid grid, List<Incident> incidents, List<Area> areas) {
        AreaLocator locator = new AreaLocator(areas);
        int na = areas.size();
        int[] count = new int[na], cells = new int[na], hot = new int[na];
        double[] weight = new double[na], hotWeight = new double[na];
        for (Incident i : incidents) {
            int a = locator.indexOf(i.position().getX(), i.position().getY());
            if (a < 0) continue;
            count[a]++;
            weight[a] += i.weight();
            var cell = grid.cellAt(i.position().getX(), i.position().getY());
            if (cell.isPresent() && cell.get().isHotspot()) hotWeight[a] += i.weight();
        }
        for (HotspotCell c : grid.cells()) {
            int a = locator.indexOf(c.cx(), c.cy());
            if (a < 0) continue;
            cells[a]++;
            if (c.isHotspot()) hot[a]++;
        }
        List<List<?>> rows = new ArrayList<>(na);
        for (int a = 0; a < na; a++) {
            rows.add(Tables.row(
                    areas.get(a).id(), areas.get(a).name(), count[a], weight[a], cells[a], hot[a], hotWeight[a]));
        }
        CsvTableWriter.write(
                target, List.of("area_id", "name", "incidents", "weight", "cells", "hot_cells", "hot_weight"), rows);
    }

    static double round(double v, double scale) {
        return Double.isFinite(v) ? Math.rint(v * scale) / scale : v;
    }
}
