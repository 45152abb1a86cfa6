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

/** {@code sightline gaps}: hotspots the cameras do not see. */
@Command(
        name = "gaps",
        mixinStandardHelpOptions = true,
        description = {
            "Flag each incident as covered (inside some active camera's viewshed) or not, and rank the hotspot"
                    + " cells (gi_bin ≥ 2) by uncovered incident weight, with the area each falls in. Writes"
                    + " OUT/gaps.csv and gaps.geojson, areas.csv, incidents.csv, summary.json, rejects/."
        })
public final class GapsCommand implements Callable<Integer> {
    @Option(names = "--cameras", paramLabel = "F", required = true, description = "Camera registry.")
    Path cameras;

    @Option(names = "--buildings", paramLabel = "F", required = true, description = "Building footprints: GeoJSON.")
    Path buildings;

    @Option(names = "--incidents", paramLabel = "F", required = true, description = "Incidents.")
    Path incidents;

    @Option(names = "--areas", paramLabel = "F", description = "Areas (study region and per-area table): GeoJSON.")
    Path areas;

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
        var options = hotspot.options();
        Console console = Console.forCommand(spec, out);
        Map<Layer, Path> files = CityLoader.files(cameras, buildings, incidents, areas, null);
        var loaded = CityLoader.load(console, out, files, layers, viewshed.options());
        var city = loaded.city();
        CityLoader.requireNonEmpty("incidents", city.incidents(), console);
        loaded.summary().put("gaps", Stages.gaps(console, city, options, out, loaded.out()));
        loaded.summary().write(out);
        console.line("wrote %s (gaps.csv/.geojson, areas.csv, incidents.csv)", out);
        return SightlineCli.OK;
    }
}
