package org.sightline.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sightline.engine.city.City;
import org.sightline.engine.dispatch.DispatchOptions;
import org.sightline.engine.hotspot.HotspotOptions;
import org.sightline.engine.io.Layer;
import org.sightline.engine.model.Incident;
import org.sightline.engine.viewshed.ViewshedOptions;
import org.sightline.reports.Audience;
import org.sightline.reports.ReportOptions;
import org.sightline.reports.Reports;

/**
 * The default {@code sightline demo}: generate the Charlotte-scale synthetic city (cached by seed) and
 * run every stage on it with the engine on all cores (no Spark), into one folder with a sub-folder
 * per stage, then the analyst report.
 */
public final class LocalDemo {
    Path out = Path.of("demo-out");

    String preset = "charlotte";

    long seed = 1;

    Path cache;

    int k = 50;

    LayerOptions layers = new LayerOptions();

    java.io.PrintWriter writer;

    Integer call() {
        Console c = new Console(writer);
        long t0 = System.nanoTime();
        Path home = Path.of(System.getProperty("sightline.home", "."));
        Path cityDir =
                (cache != null ? cache : home.resolve(".sightline").resolve("demo")).resolve(preset + "-seed" + seed);
        c.line("sightline demo: the %s preset, seed %d", preset, seed);
        if (Files.exists(cityDir.resolve("city.json"))) {
            c.line("  using the generated city in %s", cityDir);
        } else {
            c.step("generate the synthetic city", () -> DemoCommand.generate(cityDir, preset, seed));
            c.line("  generated into %s", cityDir);
        }
        Map<Layer, Path> files = new EnumMap<>(Layer.class);
        files.put(Layer.CAMERAS, cityDir.resolve("cameras.csv"));
        files.put(Layer.BUILDINGS, cityDir.resolve("buildings.geojson"));
        files.put(Layer.INCIDENTS, cityDir.resolve("incidents.csv"));
        files.put(Layer.AREAS, cityDir.resolve("areas.geojson"));
        files.put(Layer.STREETS, cityDir.resolve("streets.geojson"));
        var loaded = CityLoader.load(c, out, files, layers, ViewshedOptions.defaults());
        City city = loaded.city();
        HotspotOptions ho = HotspotOptions.defaults();
        var summary = loaded.summary();
        c.line("viewsheds");
        summary.put("viewsheds", Stages.viewsheds(c, city, dir("viewsheds"), loaded.out()));
        c.line("coverage");
        summary.put("coverage", Stages.coverage(c, city, dir("coverage"), loaded.out()));
        c.line("hotspots");
        summary.put("hotspots", Stages.hotspots(c, city, ho, dir("hotspots"), loaded.out()));
        c.line("gaps");
        summary.put("gaps", Stages.gaps(c, city, ho, dir("gaps"), loaded.out()));
        c.line("outreach (k = %d)", k);
        summary.put(
                "outreach",
                Stages.outreach(c, city, ho, Stages.derivedSites(city, 200), k, true, dir("outreach"), loaded.out()));
        c.line("dispatch");
        summary.put(
                "dispatch",
                Stages.dispatch(
                        c, city, DispatchOptions.DEFAULTS, Incident::occurredAt, "incident time", dir("dispatch")));
        summary.write(out);
        writeRunJson(files, city);
        c.line("report");
        Reports.Written report = c.step(
                "analyst report (HTML and PDF)",
                () -> Reports.write(new ReportOptions(
                        out,
                        out.resolve("report"),
                        Audience.ANALYST,
                        ReportOptions.DEFAULT_K_ANON,
                        ReportOptions.DEFAULT_H3_RESOLUTION,
                        ReportOptions.DEFAULT_TOP_N)));
        double s = (System.nanoTime() - t0) / 1e9;
        c.line("");
        c.line("demo finished in %.0f s. Everything is in %s:", s, out.toAbsolutePath());
        c.line("  viewsheds/viewsheds.geojson   what each camera sees (open in QGIS: Layer > Add Vector Layer)");
        c.line("  coverage/areas.geojson        covered share of each neighbourhood; city.json for totals");
        c.line("  hotspots/cells.geojson        Gi* hot and cold spots (gi_bin -3..3); kde.tif density raster");
        c.line("  gaps/gaps.geojson             hotspot cells the cameras do not see, ranked");
        c.line("  outreach/picks.csv            where to recruit the next %d cameras, with gains and the bound", k);
        c.line("  dispatch/suggestions.csv      ranked cameras with reasons for every incident");
        c.line("  summary.json, rejects/        what was read, and every rejected row with its reason");
        c.line("");
        c.line("The analyst report: %s", report.html().toAbsolutePath());
        c.line("                    %s", report.pdf().toAbsolutePath());
        c.line(
                "Planner and public reports: ./sightline report --in %s --out %s --audience planner|public",
                out, out.resolve("report"));
        return SightlineCli.OK;
    }

    private Path dir(String stage) {
        return out.resolve(stage);
    }

    private void writeRunJson(Map<Layer, Path> files, City city) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        files.forEach((l, p) ->
                inputs.put(l.layerName(), p.toAbsolutePath().normalize().toString()));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("inputs", inputs);
        run.put("metric_crs", city.crs().code());
        run.put(
                "parameters",
                Map.of(
                        "cell_m",
                        100,
                        "band_m",
                        150,
                        "bandwidth_m",
                        200,
                        "k",
                        k,
                        "uncertainty_m",
                        15,
                        "approach_m",
                        150,
                        "min_occluder_height_m",
                        2,
                        "arc_tolerance_m",
                        0.1));
        run.put("stages", java.util.List.of("viewsheds", "coverage", "hotspots", "gaps", "outreach", "dispatch"));
        run.put("engine", "local (engine only, all cores)");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        org.sightline.engine.io.AtomicFiles.writeString(
                out.resolve("run.json"), org.sightline.jobs.output.Json.pretty(run));
    }
}
