package org.sightline.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sightline.engine.synth.CitySummary;
import org.sightline.engine.synth.SynthOptions;
import org.sightline.engine.synth.SyntheticCity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sightline generate}: writes a deterministic synthetic city in the input contract. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a deterministic synthetic city in Sightline's input contract (WGS84 lon/lat):"
                    + " streets.geojson, buildings.geojson, areas.geojson, cameras.csv, incidents.csv and city.json.",
            "The same preset, seed and scale always give the same bytes."
        })
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Output folder; created if missing. Files of the same names are replaced.")
    Path out;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            defaultValue = "charlotte",
            description = "charlotte: ~1,050 km², ~400,000 buildings, 2,075 resident + 1,363 business cameras,"
                    + " 120,000 incidents, 60 neighbourhoods; small: ~5 km², ~2,500 buildings, 150 cameras,"
                    + " 2,000 incidents, 10 neighbourhoods. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Random seed (any 64-bit integer). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--scale",
            paramLabel = "X",
            defaultValue = "1",
            description = "Multiplies counts and land area (not block or lot sizes), 0.001 to 1000;"
                    + " 10 = 34,380 cameras and ~4 M buildings for charlotte. Default: ${DEFAULT-VALUE}.")
    double scale;

    @Override
    public Integer call() {
        SynthOptions options = SynthOptions.of(preset, seed, scale);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                Locale.ROOT,
                "generating %s (seed %d, scale %s) into %s%n",
                options.preset().name(),
                seed,
                stripZeros(scale),
                out.toAbsolutePath());
        o.flush();
        long t0 = System.nanoTime();
        CitySummary s = SyntheticCity.generate(out, options, (layer, n, file, ms) -> {
            o.printf(Locale.ROOT, "  %-10s %,11d  %6.1f s  %s%n", layer, n, ms / 1000.0, file.getFileName());
            o.flush();
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        o.printf(
                Locale.ROOT,
                "done in %.1f s: %,d km² of city, %,d street segments, %,d buildings, %,d neighbourhoods,"
                        + " %,d cameras (%,d resident, %,d business), %,d incidents (half on %.1f %% of segments)"
                        + " in %s%n",
                seconds,
                Math.round(s.areaKm2()),
                s.streets(),
                s.buildings(),
                s.areas(),
                s.cameras(),
                s.residentCameras(),
                s.businessCameras(),
                s.incidents(),
                100 * s.halfIncidentSegmentShare(),
                out.toAbsolutePath());
        o.flush();
        return SightlineCli.OK;
    }

    private static String stripZeros(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
