package org.sightline.jobs.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.engine.io.Layer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sightline coverage}: how much of each area and street the cameras see. */
@Command(
        name = "coverage",
        mixinStandardHelpOptions = true,
        description = {
            "Coverage of outdoor area and street length per area, seen by ≥ 1, ≥ 2, ≥ 3 cameras and by live"
                    + " cameras, each camera's unique area, and city totals. Writes OUT/areas.csv and"
                    + " areas.geojson, streets.csv, cameras.csv, city.json, rejects/ and summary.json."
        })
public final class CoverageCommand implements Callable<Integer> {
    @Option(
            names = "--cameras",
            paramLabel = "F",
            required = true,
            description = "Camera registry: CSV or GeoJSON points.")
    Path cameras;

    @Option(names = "--buildings", paramLabel = "F", required = true, description = "Building footprints: GeoJSON.")
    Path buildings;

    @Option(names = "--areas", paramLabel = "F", description = "Reporting areas (neighbourhoods, divisions): GeoJSON.")
    Path areas;

    @Option(names = "--streets", paramLabel = "F", description = "Streets: GeoJSON lines.")
    Path streets;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (created if needed).")
    Path out;

    @Mixin
    LayerOptions layers;

    @Mixin
    ViewshedMixin viewshed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Console console = Console.forCommand(spec, out);
        Map<Layer, Path> files = CityLoader.files(cameras, buildings, null, areas, streets);
        var loaded = CityLoader.load(console, out, files, layers, viewshed.options());
        var city = loaded.city();
        loaded.summary().put("coverage", Stages.coverage(console, city, out, loaded.out()));
        loaded.summary().put("viewsheds", ViewshedStats.of(city.viewsheds()).toMap());
        loaded.summary().write(out);
        console.line("wrote %s (areas.csv/.geojson, streets.csv, cameras.csv, city.json)", out);
        return SightlineCli.OK;
    }
}
