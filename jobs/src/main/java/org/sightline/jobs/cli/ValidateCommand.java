package org.sightline.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.io.InputLayers;
import org.sightline.engine.io.Inputs;
import org.sightline.engine.io.Layer;
import org.sightline.engine.io.LayerResult;
import org.sightline.engine.io.LayerStats;
import org.sightline.engine.io.RejectsWriter;
import org.sightline.engine.io.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sightline validate}: runs only the readers, so a city can check its exports before anything else. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Read the given layers and report what would be used: writes DIR/rejects/<layer>.csv (one row per"
                    + " rejected row or feature, with its line / feature number, the reason and the raw row with"
                    + " owner fields blanked) and DIR/summary.json, and prints read / accepted / repaired /"
                    + " rejected per layer.",
            "Exit code 0 even when rows are rejected; 2 when a file cannot be read at all or an option is wrong."
        })
public final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--cameras", paramLabel = "F", description = "Camera registry: CSV, JSON array or GeoJSON points.")
    Path cameras;

    @Option(names = "--buildings", paramLabel = "F", description = "Building footprints: GeoJSON (Multi)Polygons.")
    Path buildings;

    @Option(names = "--incidents", paramLabel = "F", description = "Incidents: CSV, JSON array or GeoJSON points.")
    Path incidents;

    @Option(names = "--areas", paramLabel = "F", description = "Reporting areas: GeoJSON (Multi)Polygons.")
    Path areas;

    @Option(names = "--streets", paramLabel = "F", description = "Streets: GeoJSON (Multi)LineStrings.")
    Path streets;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (created if needed).")
    Path out;

    @Mixin
    LayerOptions layers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<Layer, Path> files = CityLoader.files(cameras, buildings, incidents, areas, streets);
        if (files.isEmpty())
            throw new IllegalArgumentException(
                    "nothing to validate: give at least one of --cameras, --buildings, --incidents, --areas, --streets");
        var request = new Inputs.Request(files, layers.columnMap(), layers.readOptions(), layers.metricCrs());
        InputLayers read = Inputs.read(request);

        RejectsWriter.writeAll(out, read.rejects());
        RunSummary summary = new RunSummary().layers(read.results().values());
        String crs = null;
        if (!read.extent().isNull() || layers.metricCrs().isPresent()) {
            MetricCrs m = read.metricCrs(layers.metricCrs());
            crs = m.code();
            summary.put("metric_crs", crs);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        files.forEach((l, p) -> parameters.put(l.layerName(), p.toString()));
        summary.put("inputs", parameters);
        summary.write(out);

        print(spec.commandLine().getOut(), read, crs);
        return SightlineCli.OK;
    }

    private void print(PrintWriter w, InputLayers read, String crs) {
        w.printf("%-10s %9s %9s %9s %9s %15s%n", "layer", "read", "accepted", "repaired", "rejected", "low-confidence");
        for (LayerResult<?> r : read.results().values()) {
            LayerStats s = r.stats();
            w.printf(
                    "%-10s %9d %9d %9d %9d %15s%n",
                    s.layer(),
                    s.read(),
                    s.accepted(),
                    s.repaired(),
                    s.rejected(),
                    s.layer().equals("cameras") ? Long.toString(s.lowConfidence()) : "-");
        }
        for (LayerResult<?> r : read.results().values()) {
            for (String warning : r.warnings())
                w.println("warning (" + r.stats().layer() + "): " + warning);
            Map<String, Integer> reasons = new LinkedHashMap<>();
            r.rejects().forEach(x -> reasons.merge(reasonKind(x.reason()), 1, Integer::sum));
            reasons.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(5)
                    .forEach(e -> w.printf("  %s: %d x %s%n", r.stats().layer(), e.getValue(), e.getKey()));
        }
        if (crs != null) w.println("metric CRS: " + crs);
        w.println("rejects: " + out.resolve("rejects") + "   summary: " + out.resolve("summary.json"));
        w.flush();
    }

    /** The reason without its row-specific values, for the summary of the most common reasons. */
    static String reasonKind(String reason) {
        int cut = reason.length();
        for (String sep : new String[] {" '", ":", " ("}) {
            int i = reason.indexOf(sep);
            if (i > 0 && i < cut) cut = i;
        }
        return reason.substring(0, cut).replaceAll("-?\\d+(\\.\\d+)?", "N");
    }
}
