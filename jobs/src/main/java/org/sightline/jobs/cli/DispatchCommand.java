package org.sightline.jobs.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.sightline.engine.city.City;
import org.sightline.engine.dispatch.DispatchOptions;
import org.sightline.engine.io.Layer;
import org.sightline.engine.model.Incident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sightline dispatch}: the ranked cameras for every incident of a file. */
@Command(
        name = "dispatch",
        mixinStandardHelpOptions = true,
        description = {
            "Rank cameras for every incident: cameras that see it (share of the uncertainty disk in view) first,"
                    + " live feeds before owner requests, then by quality; cameras covering a street near the"
                    + " incident follow as 'approach' suggestions; footage already overwritten ranks last. Every"
                    + " suggestion carries a reason. Writes OUT/suggestions.csv, summary.json, rejects/."
        })
public final class DispatchCommand implements Callable<Integer> {
    @Option(names = "--cameras", paramLabel = "F", required = true, description = "Camera registry.")
    Path cameras;

    @Option(names = "--buildings", paramLabel = "F", required = true, description = "Building footprints: GeoJSON.")
    Path buildings;

    @Option(names = "--incidents", paramLabel = "F", required = true, description = "Incidents to rank cameras for.")
    Path incidents;

    @Option(
            names = "--streets",
            paramLabel = "F",
            description = "Streets: approach suggestions must cover one. Without: any ground near the incident.")
    Path streets;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "10",
            description = "Suggestions per incident. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(
            names = "--uncertainty",
            paramLabel = "M",
            defaultValue = "15",
            description = "Radius of the incident's location uncertainty in metres. Default: ${DEFAULT-VALUE} m.")
    double uncertainty;

    @Option(
            names = "--approach",
            paramLabel = "M",
            defaultValue = "150",
            description = "Cameras covering a street within this many metres are approach suggestions. Default:"
                    + " ${DEFAULT-VALUE} m.")
    double approach;

    @Option(
            names = "--now",
            paramLabel = "TIME",
            description = "When footage is requested (ISO-8601, e.g. 2025-06-01T22:00:00Z): cameras whose retention"
                    + " ended before it rank last. Default: each incident's own time (dispatch as it happens).")
    String now;

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
        DispatchOptions options = new DispatchOptions(uncertainty, approach, top);
        Function<Incident, Instant> when = when(now);
        Console console = Console.forCommand(spec, out);
        Map<Layer, Path> files = CityLoader.files(cameras, buildings, incidents, null, streets);
        var loaded = CityLoader.load(console, out, files, layers, viewshed.options());
        City city = loaded.city();
        CityLoader.requireNonEmpty("incidents", city.incidents(), console);
        Map<String, Object> j = Stages.dispatch(console, city, options, when, now == null ? "incident time" : now, out);
        loaded.summary().put("dispatch", j);
        loaded.summary().write(out);
        console.line("wrote %s (%,d rows)", out.resolve("suggestions.csv"), (Long) j.get("suggestions"));
        return SightlineCli.OK;
    }

    static Function<Incident, Instant> when(String now) {
        if (now == null || now.isBlank()) return Incident::occurredAt;
        try {
            Instant t = Instant.parse(now.trim());
            return i -> t;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--now must be ISO-8601 like 2025-06-01T22:00:00Z, was '" + now + "'");
        }
    }
}
