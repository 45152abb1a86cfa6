package org.sightline.jobs.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.engine.gaps.AreaGaps;
import org.sightline.engine.gaps.Gap;
import org.sightline.engine.gaps.GapReport;
import org.sightline.engine.gaps.IncidentCoverage;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.io.CsvTableWriter;

/** {@code gaps.csv/.geojson}, {@code areas.csv}, {@code incidents.csv}. */
public final class GapTables {
    private GapTables() {}

    public static Map<String, Object> write(Path dir, GapReport r, HotspotGrid grid, OutputCrs out) {
        List<String> header = List.of(
                "rank", "cell_id", "cx", "cy", "gi_bin", "incidents", "uncovered_weight", "area_id", "area_name");
        List<List<?>> rows = new ArrayList<>();
        List<Tables.Feature> features = new ArrayList<>();
        Map<String, Integer> cellIndex = new LinkedHashMap<>();
        grid.cells().forEach(c -> cellIndex.put(c.cellId(), c.index()));
        for (Gap g : r.gaps()) {
            List<Object> row = Tables.row(
                    g.rank(),
                    g.cellId(),
                    Tables.m(g.cx()),
                    Tables.m(g.cy()),
                    g.giBin(),
                    g.incidents(),
                    g.uncoveredWeight(),
                    g.areaId(),
                    g.areaName());
            rows.add(row);
            Map<String, Object> p = new LinkedHashMap<>();
            for (int k = 0; k < header.size(); k++) p.put(header.get(k), row.get(k));
            features.add(new Tables.Feature(grid.polygon(grid.cells().get(cellIndex.get(g.cellId()))), p));
        }
        CsvTableWriter.write(dir.resolve("gaps.csv"), header, rows);
        Tables.geojson(dir.resolve("gaps.geojson"), out, features);

        List<List<?>> areaRows = new ArrayList<>();
        for (AreaGaps a : r.areas()) {
            areaRows.add(Tables.row(
                    a.areaId(),
                    a.name(),
                    a.incidents(),
                    Tables.share(a.coveredShare()),
                    a.hotspotIncidents(),
                    Tables.share(a.hotspotCoveredShare()),
                    a.uncoveredHotspotWeight()));
        }
        CsvTableWriter.write(
                dir.resolve("areas.csv"),
                List.of(
                        "area_id",
                        "name",
                        "incidents",
                        "covered_share",
                        "hotspot_incidents",
                        "hotspot_covered_share",
                        "uncovered_weight"),
                areaRows);

        List<List<?>> incidentRows = new ArrayList<>(r.incidents().size());
        for (IncidentCoverage i : r.incidents()) {
            incidentRows.add(
                    Tables.row(i.incidentId(), i.covered(), i.liveCovered(), i.cellId(), i.hotspot(), i.areaId()));
        }
        CsvTableWriter.write(
                dir.resolve("incidents.csv"),
                List.of("incident_id", "covered", "live_covered", "cell_id", "hotspot", "area_id"),
                incidentRows);

        Map<String, Object> j = new LinkedHashMap<>();
        j.put("gaps", r.gaps().size());
        j.put("incidents", r.incidents().size());
        j.put("covered_share", Tables.share(r.coveredShare()));
        j.put("hotspot_covered_share", Tables.share(r.hotspotCoveredShare()));
        j.put(
                "uncovered_hotspot_weight",
                r.gaps().stream().mapToDouble(Gap::uncoveredWeight).sum());
        Tables.json(dir.resolve("summary.json"), j);
        return j;
    }
}
