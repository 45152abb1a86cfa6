package org.sightline.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.sightline.engine.synth.SynthOptions;
import org.sightline.engine.synth.SyntheticCity;

/**
 * The synthetic city demo mode serves: generated once per (preset, seed) into the data directory
 * and reused afterwards (generation is deterministic, so the cache is only a time saver).
 */
final class DemoCity {
    private DemoCity() {}

    static ServiceConfig.CityFiles prepare(Path dataDir, String preset, long seed, java.io.PrintWriter out) {
        SynthOptions o = SynthOptions.of(preset, seed, 1);
        Path dir = dataDir.resolve(
                String.format(Locale.ROOT, "city-%s-seed%d", o.preset().name(), seed));
        if (Files.isRegularFile(dir.resolve("city.json")) && Files.isRegularFile(dir.resolve("cameras.csv"))) {
            out.printf(
                    "  reusing the synthetic %s city (seed %d) in %s%n",
                    o.preset().name(), seed, dir);
        } else {
            Service.step(
                    out, "generate the synthetic " + o.preset().name() + " city", () -> SyntheticCity.generate(dir, o));
        }
        return new ServiceConfig.CityFiles(
                dir.resolve("cameras.csv"),
                dir.resolve("buildings.geojson"),
                Optional.of(dir.resolve("incidents.csv")),
                Optional.of(dir.resolve("areas.geojson")),
                Optional.of(dir.resolve("streets.geojson")),
                Optional.of(SyntheticCity.METRIC_CRS));
    }
}
