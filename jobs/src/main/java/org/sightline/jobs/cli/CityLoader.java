package org.sightline.jobs.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sightline.engine.city.City;
import org.sightline.engine.io.Inputs;
import org.sightline.engine.io.Layer;
import org.sightline.engine.io.LayerResult;
import org.sightline.engine.io.LayerStats;
import org.sightline.engine.io.MetricLayers;
import org.sightline.engine.io.RejectsWriter;
import org.sightline.engine.io.RunSummary;
import org.sightline.engine.viewshed.ViewshedOptions;
import org.sightline.jobs.output.OutputCrs;

/**
 * The start of every stage command: read the given layers, write {@code rejects/} and the layer
 * counts, project to the metric CRS and hand back a {@link City}.
 */
final class CityLoader {
    private CityLoader() {}

    record Loaded(City city, MetricLayers layers, RunSummary summary, OutputCrs out) {}

    /** The layer files a command was given ({@code null}: not given), in {@link Layer} order. */
    static Map<Layer, Path> files(Path cameras, Path buildings, Path incidents, Path areas, Path streets) {
        Map<Layer, Path> files = new EnumMap<>(Layer.class);
        if (cameras != null) files.put(Layer.CAMERAS, cameras);
        if (buildings != null) files.put(Layer.BUILDINGS, buildings);
        if (incidents != null) files.put(Layer.INCIDENTS, incidents);
        if (areas != null) files.put(Layer.AREAS, areas);
        if (streets != null) files.put(Layer.STREETS, streets);
        return files;
    }

    static Loaded load(Console console, Path outDir, Map<Layer, Path> given, LayerOptions opts, ViewshedOptions vo) {
        Map<Layer, Path> files = new EnumMap<>(Layer.class);
        given.forEach((l, p) -> {
            if (p != null) files.put(l, p);
        });
        Inputs.Request request = new Inputs.Request(files, opts.columnMap(), opts.readOptions(), opts.metricCrs());
        MetricLayers layers = console.step("read and project layers", () -> Inputs.load(request));
        RejectsWriter.writeAll(outDir, layers.rejects());
        RunSummary summary = new RunSummary().layers(layers.source().results().values());
        summary.put("metric_crs", layers.crs().code());
        for (LayerResult<?> r : layers.source().results().values()) {
            LayerStats s = r.stats();
            console.line("%s", s.consoleLine());
            for (String w : r.warnings()) console.line("    warning (%s): %s", s.layer(), w);
        }
        console.line("    metric CRS %s", layers.crs().code());
        City city = new City(
                        layers.crs(),
                        layers.cameras(),
                        layers.buildings(),
                        layers.incidents(),
                        layers.areas(),
                        layers.streets(),
                        vo)
                .withProgress(console.progress());
        return new Loaded(city, layers, summary, OutputCrs.of(layers.crs(), opts.outputCrs()));
    }

    static void requireNonEmpty(String what, List<?> items, Console console) {
        if (items.isEmpty()) console.line("  warning: no %s were accepted; the result will be empty", what);
    }
}
