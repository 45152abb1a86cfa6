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

/** {@code sightline viewsheds}: what every camera can see. */
@Command(
        name = "viewsheds",
        mixinStandardHelpOptions = true,
        description = {
            "Compute each camera's viewshed: the ground within its range and field of view that no building"
                    + " hides. Writes OUT/viewsheds.geojson and OUT/viewsheds.csv (camera_id, kind, live_feed,"
                    + " area_m2, low_confidence, status, wkt), OUT/rejects/ and OUT/summary.json."
        })
public final class ViewshedsCommand implements Callable<Integer> {
    @Option(
            names = "--cameras",
            paramLabel = "F",
            required = true,
            description = "Camera registry: CSV or GeoJSON points.")
    Path cameras;

    @Option(names = "--buildings", paramLabel = "F", required = true, description = "Building footprints: GeoJSON.")
    Path buildings;

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
        var loaded = CityLoader.load(
                console, out, Map.of(Layer.CAMERAS, cameras, Layer.BUILDINGS, buildings), layers, viewshed.options());
        var city = loaded.city();
        loaded.summary().put("viewsheds", Stages.viewsheds(console, city, out, loaded.out()));
        loaded.summary().write(out);
        console.line("wrote %s and viewsheds.csv", out.resolve("viewsheds.geojson"));
        return SightlineCli.OK;
    }
}
