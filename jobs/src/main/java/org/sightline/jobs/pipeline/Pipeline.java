package org.sightline.jobs.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import org.apache.spark.sql.SparkSession;
import org.sightline.engine.city.City;
import org.sightline.engine.dispatch.DispatchOptions;
import org.sightline.engine.gaps.GapReport;
import org.sightline.engine.gaps.IncidentCoverage;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.io.AtomicFiles;
import org.sightline.engine.io.Inputs;
import org.sightline.engine.io.Layer;
import org.sightline.engine.io.LayerResult;
import org.sightline.engine.io.LayerStats;
import org.sightline.engine.io.MetricLayers;
import org.sightline.engine.io.RejectsWriter;
import org.sightline.engine.io.RunSummary;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Incident;
import org.sightline.engine.outreach.CandidateSite;
import org.sightline.engine.outreach.CandidateSites;
import org.sightline.engine.outreach.OutreachPlan;
import org.sightline.engine.viewshed.Viewshed;
import org.sightline.jobs.output.CoverageTables;
import org.sightline.jobs.output.DispatchTables;
import org.sightline.jobs.output.GapTables;
import org.sightline.jobs.output.HotspotTables;
import org.sightline.jobs.output.OutputCrs;
import org.sightline.jobs.output.OutreachTables;
import org.sightline.jobs.output.ViewshedTables;
import org.sightline.jobs.spark.CoverageJob;
import org.sightline.jobs.spark.DispatchJob;
import org.sightline.jobs.spark.GapsJob;
import org.sightline.jobs.spark.HotspotJob;
import org.sightline.jobs.spark.IndexRanges;
import org.sightline.jobs.spark.OutreachJob;
import org.sightline.jobs.spark.SparkCity;
import org.sightline.jobs.spark.TileGrid;

/**
 * The whole pipeline on Spark, from a validated {@link RunConfig}: read and project the layers once,
 * then viewsheds → coverage → hotspots → gaps → outreach → dispatch, each stage's folder written
 * atomically ({@link StageDir}), a progress line per stage, and {@code run.json} + {@code summary.json}
 * at the end (also after a failure, which names the stage and the reason).
 */
public final class Pipeline {
    /** How one stage went. */
    public record StageReport(String name, String status, double seconds, String error) {}

    /** The outcome: stage reports, and the failed stage if any. */
    public record Outcome(List<StageReport> stages, String failedStage, String failure) {
        public boolean ok() {
            return failedStage == null;
        }
    }

    private final RunConfig config;
    private final java.util.concurrent.Future<SparkSession> starting;
    private SparkSession spark;
    private final PrintWriter out;

    public Pipeline(RunConfig config, SparkSession spark, PrintWriter out) {
        this(config, java.util.concurrent.CompletableFuture.completedFuture(spark), out);
    }

    /** With a session still starting: the layers are read meanwhile, Spark is awaited after. */
    public Pipeline(RunConfig config, java.util.concurrent.Future<SparkSession> spark, PrintWriter out) {
        this.config = config;
        this.starting = spark;
        this.out = out;
    }

    public Outcome run() {
        Instant started = Instant.now();
        Path dir = config.outDir();
        mkdirs(dir);
        RunConfig.Parameters p = config.parameters();
        Map<Layer, Path> files = new EnumMap<>(config.inputs());
        PostgisLayers.Staged staged = PostgisLayers.stage(config, files);
        // Spark is needed before reading only for inputs Sedona stages (GeoParquet, shapefile, GeoPackage)
        if (files.values().stream().anyMatch(f -> SedonaInputs.formatOf(f).isPresent())) spark = awaitSpark();
        SedonaInputs.Staged sedonaStaged = SedonaInputs.stage(spark, files);
        MetricLayers layers = timed(
                "read and project layers",
                () -> Inputs.load(
                        new Inputs.Request(files, config.columns(), config.readOptions(), config.metricCrs())));
        if (spark == null) spark = awaitSpark();
        RejectsWriter.writeAll(dir, layers.rejects());
        RunSummary summary = new RunSummary().layers(layers.source().results().values());
        summary.put("metric_crs", layers.crs().code());
        for (LayerResult<?> r : layers.source().results().values()) {
            LayerStats s = r.stats();
            line("%s", s.consoleLine());
        }
        line(
                "    metric CRS %s, Spark %s, %d partitions, tiles of %.0f m",
                layers.crs().code(), spark.sparkContext().master(), p.partitions(), p.tileM());
        City city = new City(
                layers.crs(),
                layers.cameras(),
                layers.buildings(),
                layers.incidents(),
                layers.areas(),
                layers.streets(),
                p.viewshedOptions());
        SparkCity sc = new SparkCity(spark, city, p.partitions(), new TileGrid(p.tileM()));
        OutputCrs outCrs = OutputCrs.of(layers.crs(), config.outputCrs());
        PostgisWriter pg =
                config.postgis().map(c -> new PostgisWriter(c, layers.crs())).orElse(null);

        List<StageReport> reports = new ArrayList<>();
        String failed = null, failure = null;
        State state = new State();
        for (String stage : RunConfig.STAGES) {
            boolean wanted = config.stages().contains(stage);
            if (!wanted && !state.neededLater(stage, config.stages())) continue;
            long t0 = System.nanoTime();
            double cpu0 = cpuSeconds();
            StageDir sd = wanted ? new StageDir(dir, stage) : null;
            try {
                if (wanted) line("  %-28s ...", stage);
                Map<String, Object> j = runStage(stage, sc, sd == null ? null : sd.dir(), outCrs, state, wanted);
                if (wanted) {
                    Formats.apply(spark, sd.dir(), config.format());
                    if (pg != null) pg.write(stage, state, sc);
                    sd.commit();
                    summary.put(stage, j);
                    double s = (System.nanoTime() - t0) / 1e9;
                    reports.add(new StageReport(stage, "ok", s, null));
                    line("  %-28s %8.2f s  (%.1f s CPU)  → %s", stage, s, cpuSeconds() - cpu0, sd.target());
                }
            } catch (RuntimeException e) {
                if (sd != null) sd.abandon();
                failed = stage;
                failure = reason(e);
                double s = (System.nanoTime() - t0) / 1e9;
                reports.add(new StageReport(stage, "failed", s, failure));
                line("  %-28s FAILED after %.2f s: %s", stage, s, failure);
                if (Boolean.getBoolean("sightline.debug")) e.printStackTrace(out);
                break;
            }
        }
        summary.write(dir);
        writeRunJson(dir, layers, started, reports, files, staged);
        staged.close();
        sedonaStaged.close();
        return new Outcome(reports, failed, failure);
    }

    /** What later stages reuse. */
    static final class State {
        HotspotGrid grid;
        GapReport gaps;
        CoverageJob.Result coverage;
        OutreachPlan plan;
        DispatchOptions dispatchOptions;

        boolean neededLater(String stage, List<String> wanted) {
            return switch (stage) {
                case "hotspots" -> wanted.contains("gaps") || wanted.contains("outreach");
                case "gaps" -> wanted.contains("outreach");
                default -> false;
            };
        }
    }

    private Map<String, Object> runStage(
            String stage, SparkCity sc, Path dir, OutputCrs outCrs, State state, boolean write) {
        RunConfig.Parameters p = config.parameters();
        City city = sc.city();
        switch (stage) {
            case "viewsheds" -> {
                var sorted = sc.viewsheds()
                        .repartitionAndSortWithinPartitions(
                                new IndexRanges(sc.partitions(), city.cameras().size()))
                        .values();
                Iterable<Entry<Camera, Viewshed>> items = () -> {
                    var it = sorted.toLocalIterator();
                    return new java.util.Iterator<>() {
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        public Entry<Camera, Viewshed> next() {
                            var r = it.next();
                            return Map.entry(r.camera(), r.viewshed());
                        }
                    };
                };
                ViewshedTables.write(dir, items, outCrs);
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("cameras", city.cameras().size());
                j.put(
                        "empty",
                        sc.viewsheds().filter(t -> t._2().viewshed().isEmpty()).count());
                return j;
            }
            case "coverage" -> {
                state.coverage = CoverageJob.run(sc);
                return CoverageTables.write(
                        dir,
                        state.coverage.coverage(),
                        city.areas(),
                        city.cameras(),
                        state.coverage.outdoorM2(),
                        outCrs,
                        city.crs().code());
            }
            case "hotspots" -> {
                state.grid = HotspotJob.run(sc, p.hotspotOptions()).grid();
                if (!write) return Map.of();
                return HotspotTables.write(
                        dir, state.grid, city.incidents(), city.areas(), city.region(), city.crs(), outCrs);
            }
            case "gaps" -> {
                state.gaps = GapsJob.run(sc, state.grid);
                if (!write) return Map.of();
                return GapTables.write(dir, state.gaps, state.grid, outCrs);
            }
            case "outreach" -> {
                List<Incident> demand = new ArrayList<>();
                List<IncidentCoverage> flags = state.gaps.incidents();
                for (int i = 0; i < flags.size(); i++) {
                    IncidentCoverage f = flags.get(i);
                    if (!f.covered() && (p.demand().equals("all") || f.hotspot()))
                        demand.add(city.incidents().get(i));
                }
                // only buildings within the largest candidate range of the demand can host a useful site
                // (+ 1 m for the façade nudge); the same sites as from every building, then filtered
                List<CandidateSite> sites = nearDemand(
                        CandidateSites.fromBuildings(
                                CandidateSites.nearPoints(
                                        city.buildings(),
                                        demand.stream().map(Incident::position).toList(),
                                        CandidateSites.maxDefaultRangeM() + 1),
                                city.cameras(),
                                city.streets(),
                                p.streetDistanceM()),
                        demand);
                state.plan = OutreachJob.run(sc, sites, demand, p.k());
                Map<String, Object> j = OutreachTables.write(dir, state.plan, demand, outCrs);
                j.put("candidates_near_demand", sites.size());
                return j;
            }
            case "dispatch" -> {
                state.dispatchOptions = new DispatchOptions(p.uncertaintyM(), p.approachM(), p.top());
                var ranked = DispatchJob.ordered(sc, state.dispatchOptions, null);
                long rows = DispatchTables.write(dir, () -> ranked.toLocalIterator());
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("incidents", city.incidents().size());
                j.put("suggestions", rows);
                j.put("top", p.top());
                j.put("uncertainty_m", p.uncertaintyM());
                j.put("approach_m", p.approachM());
                return j;
            }
            default -> throw new IllegalStateException(stage);
        }
    }

    /**
     * The candidate sites within range of some demand point: only they can gain anything, so the greedy
     * plan (picks, gains, bound) is the same as over all sites, at a fraction of the viewsheds.
     */
    static List<CandidateSite> nearDemand(List<CandidateSite> sites, List<Incident> demand) {
        org.locationtech.jts.index.strtree.STRtree index = new org.locationtech.jts.index.strtree.STRtree();
        for (Incident i : demand) index.insert(i.position().getEnvelopeInternal(), i);
        List<CandidateSite> out = new ArrayList<>();
        for (CandidateSite s : sites) {
            org.locationtech.jts.geom.Envelope e = s.position().getEnvelopeInternal();
            e.expandBy(s.rangeM());
            boolean[] near = {false};
            index.query(e, item -> {
                if (!near[0] && ((Incident) item).position().distance(s.position()) <= s.rangeM()) near[0] = true;
            });
            if (near[0]) out.add(s);
        }
        return out;
    }

    private void writeRunJson(
            Path dir,
            MetricLayers layers,
            Instant started,
            List<StageReport> reports,
            Map<Layer, Path> files,
            PostgisLayers.Staged staged) {
        Map<String, Object> j = new LinkedHashMap<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        config.inputs()
                .forEach((l, f) -> inputs.put(
                        l.name().toLowerCase(Locale.ROOT), f.toAbsolutePath().toString()));
        config.postgisInputs().forEach((l, t) -> inputs.put(l.name().toLowerCase(Locale.ROOT), "postgis:" + t));
        j.put("config", config.file().toString());
        j.put("inputs", inputs);
        j.put("metric_crs", layers.crs().code());
        j.put("output_crs", config.outputCrs().orElse("EPSG:4326"));
        j.put("format", config.format());
        j.put("parameters", config.parameters().toMap());
        j.put("spark_master", spark.sparkContext().master());
        j.put("started", started.toString());
        j.put("finished", Instant.now().toString());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (StageReport r : reports) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", r.name());
            s.put("status", r.status());
            s.put("seconds", Math.rint(r.seconds() * 100) / 100);
            s.put("dir", r.status().equals("ok") ? dir.resolve(r.name()).toString() : null);
            if (r.error() != null) s.put("error", r.error());
            stages.add(s);
        }
        j.put("stages", stages);
        try {
            AtomicFiles.writeString(
                    dir.resolve("run.json"),
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(j) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SparkSession awaitSpark() {
        try {
            return starting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Spark was starting", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    static String reason(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null
                && c.getCause() != c
                && (c.getMessage() == null || c instanceof UncheckedIOException)) c = c.getCause();
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }

    private <T> T timed(String name, java.util.function.Supplier<T> work) {
        long t0 = System.nanoTime();
        double cpu0 = cpuSeconds();
        T r = work.get();
        line("  %-28s %8.2f s  (%.1f s CPU)", name, (System.nanoTime() - t0) / 1e9, cpuSeconds() - cpu0);
        return r;
    }

    /** CPU seconds of this JVM so far (all threads: the driver and, in local mode, the executors). */
    private static double cpuSeconds() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9
                : Double.NaN;
    }

    private void line(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
