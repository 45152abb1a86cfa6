package org.sightline.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sightline.engine.synth.SynthOptions;
import org.sightline.engine.synth.SyntheticCity;
import org.sightline.jobs.pipeline.RunConfig;
import org.sightline.reports.Audience;
import org.sightline.reports.ReportOptions;
import org.sightline.reports.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sightline demo}: the Charlotte-scale synthetic city through the whole pipeline. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a synthetic city (the charlotte preset by default; cached under .sightline/demo/<preset>-seed<SEED>),"
                    + " run the whole pipeline through Spark + Sedona (sightline run: viewsheds, coverage, hotspots, gaps,"
                    + " an outreach plan of --k sites, dispatch for every incident) into demo-out/ (GeoJSON + CSV, so QGIS and the"
                    + " report read it), write the analyst report, and print where everything is and how to open it."
                    + " --engine runs the same stages with the engine alone (no Spark) on all cores."
        })
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the city. Default: 1.")
    long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output folder. Default: demo-out/ in the Sightline folder.")
    Path out;

    @Option(
            names = "--engine",
            description = "Run the stages with the engine alone on all cores, without Spark (the single-machine"
                    + " commands' code path).")
    boolean engine;

    @Option(names = "--spark", hidden = true, description = "The default (kept for old scripts).")
    boolean spark;

    @Option(
            names = "--preset",
            paramLabel = "charlotte|small",
            defaultValue = "charlotte",
            description = "City preset. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(
            names = "--k",
            paramLabel = "N",
            defaultValue = "50",
            description = "Outreach budget. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: local[*].")
    String master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (engine && (spark || master != null))
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--engine runs without Spark: it takes neither --spark nor --master");
        if (engine) {
            LocalDemo local = new LocalDemo();
            local.writer = spec.commandLine().getOut();
            local.preset = preset;
            local.seed = seed;
            local.k = k;
            local.out = out != null
                    ? out
                    : Path.of(System.getProperty("sightline.home", ".")).resolve("demo-out");
            return local.call();
        }
        long t0 = System.nanoTime();
        var w = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("sightline.home", "."))
                .toAbsolutePath()
                .normalize();
        Path city = home.resolve(".sightline/demo/" + preset + "-seed" + seed);
        Path outDir =
                (out != null ? out : home.resolve("demo-out")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(city.resolve("city.json"))) {
            w.printf("sightline demo: generating the %s city (seed %d) into %s ...%n", preset, seed, city);
            w.flush();
            generate(city, preset, seed);
        } else {
            w.printf("sightline demo: using the cached %s city (seed %d) in %s%n", preset, seed, city);
        }
        Path config = outDir.resolve("run.yaml");
        writeConfig(config, city, outDir, k);
        int code = RunCommand.run(RunConfig.load(config), master, w);
        double s = (System.nanoTime() - t0) / 1e9;
        if (code != SightlineCli.OK) return code;
        w.println("report");
        w.flush();
        Reports.Written report = Reports.write(new ReportOptions(
                outDir,
                outDir.resolve("report"),
                Audience.ANALYST,
                ReportOptions.DEFAULT_K_ANON,
                ReportOptions.DEFAULT_H3_RESOLUTION,
                ReportOptions.DEFAULT_TOP_N));
        s = (System.nanoTime() - t0) / 1e9;
        w.println();
        w.printf(Locale.ROOT, "demo done in %.1f s. Where everything is:%n", s);
        w.printf("  the city (inputs)      %s  (cameras.csv, buildings/areas/streets.geojson, incidents.csv)%n", city);
        w.printf("  the run                %s  (run.yaml, run.json, summary.json, rejects/)%n", outDir);
        w.printf("  viewsheds              %s/viewsheds/viewsheds.geojson%n", outDir);
        w.printf("  coverage               %s/coverage/areas.geojson, cameras.csv, city.json%n", outDir);
        w.printf("  hotspots               %s/hotspots/cells.geojson, kde.tif%n", outDir);
        w.printf("  gaps                   %s/gaps/gaps.geojson, incidents.csv%n", outDir);
        w.printf("  outreach               %s/outreach/picks.csv, candidates.geojson%n", outDir);
        w.printf("  dispatch               %s/dispatch/suggestions.csv%n", outDir);
        w.println("How to open it:");
        w.printf("  QGIS: Layer > Add Layer > Add Vector Layer, pick the .geojson files (and kde.tif as a raster);%n");
        w.printf(
                "        or: qgis %s/coverage/areas.geojson %s/gaps/gaps.geojson %s/hotspots/kde.tif%n",
                outDir, outDir, outDir);
        w.printf("  SQL:  ./sightline sql notebooks-data/queries/coverage_by_division.sql --in %s%n", outDir);
        w.printf("  the analyst report     %s%n", report.html());
        w.printf("                         %s%n", report.pdf());
        w.printf(
                "  planner / public:      ./sightline report --in %s --out %s/report --audience planner|public%n",
                outDir, outDir);
        w.flush();
        return SightlineCli.OK;
    }

    /** Generates into a temporary folder beside {@code city} and renames it: a half city never looks cached. */
    static void generate(Path city, String preset, long seed) {
        try {
            Files.createDirectories(city.getParent());
            Path tmp = Files.createTempDirectory(city.getParent(), "." + city.getFileName() + ".tmp-");
            SyntheticCity.generate(tmp, SynthOptions.of(preset, seed, 1));
            Files.move(tmp, city, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate the demo city into " + city, e);
        }
    }

    static void writeConfig(Path config, Path city, Path outDir, int k) {
        String yaml = "# written by sightline demo\n"
                + "inputs:\n"
                + "  cameras: " + city.resolve("cameras.csv") + "\n"
                + "  buildings: " + city.resolve("buildings.geojson") + "\n"
                + "  incidents: " + city.resolve("incidents.csv") + "\n"
                + "  areas: " + city.resolve("areas.geojson") + "\n"
                + "  streets: " + city.resolve("streets.geojson") + "\n"
                + "parameters:\n"
                + "  k: " + k + "\n"
                + "output:\n"
                + "  dir: " + outDir + "\n"
                + "  format: geojson\n";
        try {
            Files.createDirectories(outDir);
            org.sightline.engine.io.AtomicFiles.writeString(config, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
