package org.sightline.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.SparkSession;
import org.sightline.jobs.pipeline.Pipeline;
import org.sightline.jobs.pipeline.RunConfig;
import org.sightline.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sightline run --config run.yaml}: the whole pipeline on Spark. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole pipeline (viewsheds, coverage, hotspots, gaps, outreach, dispatch) on Spark + Sedona from"
                    + " one YAML config: inputs with column mappings, parameters, output folder and format (GeoParquet by"
                    + " default; geojson = GeoJSON + CSV; csv), optional PostGIS tables. The config is checked completely"
                    + " before any work; each stage's folder is replaced atomically; OUT/run.json and OUT/summary.json"
                    + " describe the run. See docs/run.md for every key."
        })
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The run configuration (YAML).")
    Path config;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master, e.g. spark://host:7077; overrides spark.master of the config. Default:"
                    + " local[*].")
    String master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunConfig cfg = RunConfig.load(config);
        return run(
                cfg, master != null ? master : cfg.master(), spec.commandLine().getOut());
    }

    static int run(RunConfig cfg, String master, PrintWriter out) {
        long t0 = System.nanoTime();
        out.printf("sightline run %s → %s%n", cfg.file(), cfg.outDir());
        out.flush();
        // Spark starts while the driver reads the layers (both take seconds; neither needs the other)
        CompletableFuture<SparkSession> spark = CompletableFuture.supplyAsync(
                () -> {
                    SparkSession s = SparkSessions.create(master);
                    out.printf(
                            java.util.Locale.ROOT,
                            "  %-28s %8.2f s  (in parallel with reading)%n",
                            "start Spark",
                            (System.nanoTime() - t0) / 1e9);
                    out.flush();
                    return s;
                },
                r -> {
                    Thread t = new Thread(r, "sightline-spark-start");
                    t.setDaemon(true);
                    t.start();
                });
        try {
            Pipeline.Outcome o = new Pipeline(cfg, spark, out).run();
            out.println();
            if (!o.ok()) {
                out.printf("stage '%s' failed: %s%n", o.failedStage(), o.failure());
                out.printf("earlier stages' outputs in %s are intact; see run.json%n", cfg.outDir());
                out.flush();
                return SightlineCli.FAILURE;
            }
            out.printf(
                    java.util.Locale.ROOT,
                    "%d stages in %.1f s (format %s); outputs in %s, run.json and summary.json describe the run%n",
                    o.stages().size(),
                    (System.nanoTime() - t0) / 1e9,
                    cfg.format(),
                    cfg.outDir());
            out.flush();
            return SightlineCli.OK;
        } finally {
            try {
                spark.join().stop();
            } catch (java.util.concurrent.CompletionException e) {
                // Spark never started: nothing to stop (the pipeline reported the failure)
            }
        }
    }
}
