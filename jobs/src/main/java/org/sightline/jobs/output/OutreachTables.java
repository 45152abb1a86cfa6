package org.sightline.jobs.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.sightline.engine.io.CsvTableWriter;
import org.sightline.engine.model.Incident;
import org.sightline.engine.outreach.CandidateSite;
import org.sightline.engine.outreach.OutreachPlan;

/** {@code picks.csv}, {@code candidates.geojson}, {@code demand.csv}, {@code areas.csv}, {@code summary.json}. */
public final class OutreachTables {
    private OutreachTables() {}

    public static Map<String, Object> write(Path dir, OutreachPlan plan, List<Incident> demand, OutputCrs out) {
        List<List<?>> picks = new ArrayList<>();
        Map<String, Integer> rankOf = new HashMap<>();
        for (OutreachPlan.Pick p : plan.picks()) {
            CandidateSite s = p.site();
            Coordinate c = out.point(s.position().getX(), s.position().getY());
            picks.add(Tables.row(
                    p.rank(),
                    s.siteId(),
                    s.buildingId(),
                    out.roundCoordinate(c.x),
                    out.roundCoordinate(c.y),
                    Tables.share(s.headingDeg()),
                    s.fovDeg(),
                    s.rangeM(),
                    p.areaId(),
                    p.gain(),
                    p.cumulative(),
                    Tables.share(p.upperBound())));
            rankOf.put(s.siteId(), p.rank());
        }
        CsvTableWriter.write(
                dir.resolve("picks.csv"),
                List.of(
                        "rank",
                        "site_id",
                        "building_id",
                        out.xName(),
                        out.yName(),
                        "heading_deg",
                        "fov_deg",
                        "range_m",
                        "area_id",
                        "gain",
                        "cumulative",
                        "upper_bound"),
                picks);

        List<Tables.Feature> features = new ArrayList<>(plan.candidates().size());
        for (int c = 0; c < plan.candidates().size(); c++) {
            CandidateSite s = plan.candidates().get(c);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("site_id", s.siteId());
            p.put("building_id", s.buildingId());
            p.put("use", s.use());
            p.put("picked", rankOf.containsKey(s.siteId()));
            p.put("rank", rankOf.get(s.siteId()));
            features.add(new Tables.Feature(plan.candidateViewsheds().get(c), p));
        }
        Tables.geojson(dir.resolve("candidates.geojson"), out, features);

        List<List<?>> demandRows = new ArrayList<>(demand.size());
        for (Incident i : demand) demandRows.add(Tables.row(i.id(), i.weight()));
        CsvTableWriter.write(dir.resolve("demand.csv"), List.of("incident_id", "weight"), demandRows);

        List<List<?>> areaRows = new ArrayList<>();
        for (OutreachPlan.AreaRollup a : plan.areas()) {
            areaRows.add(Tables.row(a.areaId(), a.name(), a.picks(), a.gain(), a.demand(), a.attainable()));
        }
        CsvTableWriter.write(
                dir.resolve("areas.csv"),
                List.of("area_id", "name", "picks", "gain", "demand", "attainable"),
                areaRows);

        Map<String, Object> j = new LinkedHashMap<>();
        j.put("k", plan.requestedK());
        j.put("picked", plan.picks().size());
        j.put("candidates", plan.candidates().size());
        j.put("demand_weight", plan.demandWeight());
        j.put("total_gain", plan.total());
        j.put("upper_bound", Tables.share(plan.upperBound()));
        j.put("optimality_gap", Tables.share(plan.optimalityGap()));
        Tables.json(dir.resolve("summary.json"), j);
        return j;
    }
}
