package org.sightline.jobs.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sightline.engine.city.City;
import org.sightline.engine.coverage.CoverageResult;
import org.sightline.engine.dispatch.DispatchIndex;
import org.sightline.engine.dispatch.DispatchOptions;
import org.sightline.engine.dispatch.Suggestion;
import org.sightline.engine.gaps.GapReport;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.hotspot.HotspotOptions;
import org.sightline.engine.model.Incident;
import org.sightline.engine.outreach.CandidateSite;
import org.sightline.engine.outreach.CandidateSites;
import org.sightline.engine.outreach.OutreachPlan;
import org.sightline.engine.outreach.OutreachPlanner;
import org.sightline.engine.viewshed.Viewshed;
import org.sightline.jobs.output.CoverageTables;
import org.sightline.jobs.output.DispatchTables;
import org.sightline.jobs.output.GapTables;
import org.sightline.jobs.output.HotspotTables;
import org.sightline.jobs.output.OutputCrs;
import org.sightline.jobs.output.OutreachTables;
import org.sightline.jobs.output.ViewshedTables;

/**
 * The engine-only stages: compute with the {@link City}, write the stage's files into a folder, and
 * return the numbers for summary.json. Each command runs one; {@code demo} runs them all on one
 * loaded city.
 */
final class Stages {
    private Stages() {}

    static Map<String, Object> viewsheds(Console c, City city, Path dir, OutputCrs out) {
        c.step("merge occluding footprints", city::occluders);
        List<Viewshed> vs = c.step("viewsheds", city::viewsheds);
        c.step("write viewsheds", () -> ViewshedTables.write(dir, city.cameras(), vs, out));
        ViewshedStats stats = ViewshedStats.of(vs);
        c.line("%s", stats.describe());
        return stats.toMap();
    }

    static Map<String, Object> coverage(Console c, City city, Path dir, OutputCrs out) {
        c.step("merge occluding footprints", city::occluders);
        c.step("viewsheds", city::viewsheds);
        c.step("outdoor area per area", city::outdoorM2);
        CoverageResult r = c.step("coverage", city::coverage);
        Map<String, Object> j = c.step(
                "write coverage tables",
                () -> CoverageTables.write(
                        dir,
                        r,
                        city.areas(),
                        city.cameras(),
                        city.outdoorM2(),
                        out,
                        city.crs().code()));
        Summaries.coverage(c, r, j);
        return j;
    }

    static Map<String, Object> hotspots(Console c, City city, HotspotOptions o, Path dir, OutputCrs out) {
        HotspotGrid grid = c.step("Gi*, KDE and PAI", () -> city.hotspots(o));
        Map<String, Object> j = c.step(
                "write hotspot tables",
                () -> HotspotTables.write(dir, grid, city.incidents(), city.areas(), city.region(), city.crs(), out));
        HotspotsCommand.describe(c, grid);
        return j;
    }

    static Map<String, Object> gaps(Console c, City city, HotspotOptions o, Path dir, OutputCrs out) {
        c.step("viewsheds", city::viewsheds);
        c.step("coverage index", city::coverageIndex);
        HotspotGrid grid = c.step("hotspots", () -> city.hotspots(o));
        GapReport report = c.step("gaps", () -> city.gaps(o));
        Map<String, Object> j = c.step("write gap tables", () -> GapTables.write(dir, report, grid, out));
        c.line("");
        c.line(
                "%.1f %% of incident weight is in view; %.1f %% of the weight in hotspot cells",
                100 * report.coveredShare(), 100 * report.hotspotCoveredShare());
        c.line("%,d gap cells; the largest:", report.gaps().size());
        report.gaps().stream()
                .limit(5)
                .forEach(g -> c.line(
                        "  #%d cell %-14s %5.0f uncovered of %5.0f  %s",
                        g.rank(),
                        g.cellId(),
                        g.uncoveredWeight(),
                        g.incidents(),
                        g.areaName().isBlank() ? g.areaId() : g.areaName()));
        return j;
    }

    /** Candidate sites for a demand (derived sites need only reach the demand). */
    interface Candidates extends Function<List<Incident>, List<CandidateSite>> {}

    /** Sites on the façades of buildings near the demand that host no registered camera. */
    static Candidates derivedSites(City city, double streetDistanceM) {
        return demand -> CandidateSites.fromBuildings(
                CandidateSites.nearPoints(
                        city.buildings(),
                        demand.stream().map(Incident::position).toList(),
                        CandidateSites.maxDefaultRangeM()),
                city.cameras(),
                city.streets(),
                streetDistanceM);
    }

    static Map<String, Object> outreach(
            Console c,
            City city,
            HotspotOptions o,
            Candidates sites,
            int k,
            boolean hotspotDemand,
            Path dir,
            OutputCrs out) {
        c.step("viewsheds", city::viewsheds);
        GapReport gaps = c.step("gaps", () -> city.gaps(o));
        List<Incident> demand = OutreachCommand.demand(city, gaps, hotspotDemand);
        List<CandidateSite> candidates = c.step("candidate sites", () -> sites.apply(demand));
        OutreachPlan plan = c.step(
                "candidate viewsheds and greedy plan",
                () -> OutreachPlanner.plan(candidates, demand, city.areas(), k, city.viewshedFunction()));
        Map<String, Object> j = c.step("write outreach tables", () -> OutreachTables.write(dir, plan, demand, out));
        OutreachCommand.describe(c, plan, demand.size());
        return j;
    }

    static Map<String, Object> dispatch(
            Console c, City city, DispatchOptions o, Function<Incident, Instant> now, String nowText, Path dir) {
        c.step("viewsheds", city::viewsheds);
        DispatchIndex index = c.step("dispatch index", () -> city.dispatchIndex(o.approachM()));
        List<List<Suggestion>> ranked = c.step("rank cameras", () -> index.rankAll(city.incidents(), now, o, true));
        long rows = c.step("write suggestions", () -> DispatchTables.write(dir, ranked));
        long seen = ranked.stream()
                .filter(l -> !l.isEmpty() && l.get(0).role() == Suggestion.Role.SEES)
                .count();
        long none = ranked.stream().filter(List::isEmpty).count();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("incidents", ranked.size());
        j.put("suggestions", rows);
        j.put("incidents_seen", seen);
        j.put("incidents_without_suggestion", none);
        j.put("top", o.top());
        j.put("uncertainty_m", o.uncertaintyM());
        j.put("approach_m", o.approachM());
        j.put("now", nowText);
        c.line("");
        c.line(
                "%,d incidents: %,d seen by at least one camera, %,d with approach suggestions only, %,d with none",
                ranked.size(), seen, ranked.size() - seen - none, none);
        return j;
    }
}
