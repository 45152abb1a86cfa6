package org.sightline.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.engine.city.City;
import org.sightline.engine.gaps.GapReport;
import org.sightline.engine.gaps.IncidentCoverage;
import org.sightline.engine.io.CameraReader;
import org.sightline.engine.io.ColumnMap;
import org.sightline.engine.io.Layer;
import org.sightline.engine.io.LayerResult;
import org.sightline.engine.io.RejectsWriter;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Incident;
import org.sightline.engine.outreach.CandidateSite;
import org.sightline.engine.outreach.OutreachPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sightline outreach}: where a newly registered camera would close the most gaps. */
@Command(
        name = "outreach",
        mixinStandardHelpOptions = true,
        description = {
            "Plan camera recruitment: candidate sites (one per building that hosts no registered camera, on the"
                    + " façade facing the nearest street; or --sites), their viewsheds, and a lazy-greedy pick of"
                    + " --k sites that brings the most uncovered incident weight into view, with each pick's"
                    + " marginal gain, the running total and an upper bound on the optimum. Writes OUT/picks.csv,"
                    + " candidates.geojson, demand.csv, areas.csv (per-area roll-up), summary.json, rejects/."
        })
public final class OutreachCommand implements Callable<Integer> {
    @Option(names = "--cameras", paramLabel = "F", required = true, description = "Camera registry.")
    Path cameras;

    @Option(names = "--buildings", paramLabel = "F", required = true, description = "Building footprints: GeoJSON.")
    Path buildings;

    @Option(names = "--incidents", paramLabel = "F", required = true, description = "Incidents.")
    Path incidents;

    @Option(names = "--areas", paramLabel = "F", description = "Areas (study region and roll-up): GeoJSON.")
    Path areas;

    @Option(
            names = "--streets",
            paramLabel = "F",
            description = "Streets: candidate cameras face the nearest one. Without streets, the longest façade.")
    Path streets;

    @Option(
            names = "--sites",
            paramLabel = "F",
            description = "Candidate sites instead of deriving them from buildings: a file in the camera format"
                    + " (camera_id = site id, lon, lat, heading_deg, fov_deg, range_m).")
    Path sites;

    @Option(names = "--k", paramLabel = "N", required = true, description = "Budget: how many sites to pick (≥ 1).")
    int k;

    @Option(
            names = "--demand",
            paramLabel = "hotspot|all",
            defaultValue = "hotspot",
            description = "Which uncovered incidents count as demand: those in hotspot cells (gi_bin ≥ 2) or all."
                    + " Default: ${DEFAULT-VALUE}.")
    String demand;

    @Option(
            names = "--street-distance",
            paramLabel = "M",
            defaultValue = "200",
            description = "A building farther than this from every street faces its longest façade. Default:"
                    + " ${DEFAULT-VALUE} m.")
    double streetDistance;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (created if needed).")
    Path out;

    @Mixin
    LayerOptions layers;

    @Mixin
    ViewshedMixin viewshed;

    @Mixin
    HotspotMixin hotspot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (k < 1) throw new IllegalArgumentException("--k must be at least 1, was " + k);
        if (!demand.equals("hotspot") && !demand.equals("all"))
            throw new IllegalArgumentException("--demand must be 'hotspot' or 'all', was '" + demand + "'");
        var options = hotspot.options();
        Console console = Console.forCommand(spec, out);
        Map<Layer, Path> files = CityLoader.files(cameras, buildings, incidents, areas, streets);
        var loaded = CityLoader.load(console, out, files, layers, viewshed.options());
        City city = loaded.city();
        Stages.Candidates candidates =
                sites == null ? Stages.derivedSites(city, streetDistance) : demand -> readSites(city, loaded.summary());
        loaded.summary()
                .put(
                        "outreach",
                        Stages.outreach(
                                console, city, options, candidates, k, demand.equals("hotspot"), out, loaded.out()));
        loaded.summary().write(out);
        console.line("wrote %s (picks.csv, candidates.geojson, demand.csv, areas.csv, summary.json)", out);
        return SightlineCli.OK;
    }

    static List<Incident> demand(City city, GapReport gaps, boolean hotspotOnly) {
        List<Incident> out = new ArrayList<>();
        List<IncidentCoverage> flags = gaps.incidents();
        for (int i = 0; i < flags.size(); i++) {
            IncidentCoverage f = flags.get(i);
            if (!f.covered() && (!hotspotOnly || f.hotspot()))
                out.add(city.incidents().get(i));
        }
        return out;
    }

    private List<CandidateSite> readSites(City city, org.sightline.engine.io.RunSummary summary) {
        LayerResult<Camera> read = CameraReader.read(sites, ColumnMap.NONE, layers.readOptions());
        RejectsWriter.write(out, "sites", read.rejects());
        summary.put(
                "sites",
                Map.of(
                        "read",
                        read.stats().read(),
                        "accepted",
                        read.stats().accepted(),
                        "rejected",
                        read.stats().rejected()));
        List<CandidateSite> out = new ArrayList<>();
        for (Camera c : read.accepted()) {
            Camera m = city.crs().toMetric(c);
            out.add(new CandidateSite(c.id(), "", m.position(), m.headingDeg(), m.fovDeg(), m.rangeM(), ""));
        }
        return out;
    }

    static void describe(Console c, OutreachPlan plan, int demandCount) {
        c.line("");
        c.line(
                "demand: %,d uncovered incidents (weight %,.1f); %,d candidate sites",
                demandCount, plan.demandWeight(), plan.candidates().size());
        if (plan.shortOfBudget()) {
            c.line(
                    plan.candidates().size() < plan.requestedK()
                            ? "note: only %,d sites picked for k = %d: there are fewer candidates than the budget"
                            : "note: only %,d sites picked for k = %d: no other candidate sees any remaining demand",
                    plan.picks().size(),
                    plan.requestedK());
        }
        c.line(
                "%,d sites bring %,.1f of the demand weight into view; no %d sites can do better than %,.1f"
                        + " (the plan is within %.1f %% of optimal)",
                plan.picks().size(), plan.total(), plan.requestedK(), plan.upperBound(), 100 * plan.optimalityGap());
        plan.picks().stream()
                .limit(5)
                .forEach(p -> c.line(
                        "  #%d %-22s +%,.1f (cumulative %,.1f)  %s",
                        p.rank(), p.site().siteId(), p.gain(), p.cumulative(), p.areaId()));
    }
}
