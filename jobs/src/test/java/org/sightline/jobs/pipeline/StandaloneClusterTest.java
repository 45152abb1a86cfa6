package org.sightline.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.engine.io.Layer;

/**
 * {@code sightline run} on a real multi-process Spark standalone cluster on 127.0.0.1: a master and
 * a worker started from the Spark jars (Spark's own {@code Master} and {@code Worker} main classes,
 * no SPARK_HOME distribution needed), the CLI as a separate driver process with {@code --master
 * spark://127.0.0.1:PORT}, and the executor the worker launches as a fourth process. Its outputs must
 * equal, file by file, a {@code local[2]} run of the same config.
 */
@Tag("slow")
class StandaloneClusterTest {
    @TempDir
    static Path dir;

    static final List<Process> cluster = new ArrayList<>();
    static int masterPort;
    static int masterUiPort;
    static Path workDir;

    static final String CLASSPATH = System.getProperty("java.class.path");

    /** The JVM flags this test JVM got from surefire (Spark's --add-opens), for every child JVM. */
    static List<String> jvmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .toList();
    }

    static Process java(String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.addAll(jvmFlags());
        cmd.add("-cp");
        cmd.add(CLASSPATH);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_HOME", sparkHome().toString());
        env.put("SPARK_SCALA_VERSION", "2.13"); // else the worker looks for a Spark source build
        return pb.start();
    }

    /**
     * What a worker needs of SPARK_HOME to launch an executor: a RELEASE marker and a {@code jars}
     * folder (and SPARK_SCALA_VERSION). The executor's class path comes from {@code spark.executor.extraClassPath} instead.
     */
    static Path sparkHome() throws IOException {
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        if (!Files.exists(home.resolve("RELEASE"))) Files.writeString(home.resolve("RELEASE"), "Spark (test)\n");
        return home;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The master's state as its web UI reports it ({@code /json/}), or "" while it is not up. */
    static String masterJson() {
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            var req = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                    .timeout(java.time.Duration.ofSeconds(5))
                    .build();
            return client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static void await(String what, java.util.function.Predicate<String> ready, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (ready.test(masterJson())) return;
            if (p.waitFor(250, TimeUnit.MILLISECONDS)) break; // the process died: no point waiting
        }
        throw new AssertionError(what + " did not happen; master: " + masterJson() + "\nmaster log:\n"
                + Files.readString(dir.resolve("master.log")) + "\nworker log:\n"
                + (Files.exists(dir.resolve("worker.log")) ? Files.readString(dir.resolve("worker.log")) : ""));
    }

    @BeforeAll
    static void startCluster() throws Exception {
        masterPort = freePort();
        masterUiPort = freePort();
        workDir = Files.createDirectories(dir.resolve("work"));
        Process master = java(
                "master",
                List.of(
                        "org.apache.spark.deploy.master.Master",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(masterPort),
                        "--webui-port",
                        String.valueOf(masterUiPort)));
        cluster.add(master);
        await("the master starting", json -> json.contains("\"ALIVE\""), master);
        Process worker = java(
                "worker",
                List.of(
                        "org.apache.spark.deploy.worker.Worker",
                        "--host",
                        "127.0.0.1",
                        "--cores",
                        "2",
                        "--memory",
                        "2g",
                        "--webui-port",
                        String.valueOf(freePort()),
                        "--work-dir",
                        workDir.toString(),
                        "spark://127.0.0.1:" + masterPort));
        cluster.add(worker);
        await("the worker registering", json -> json.matches("(?s).*\"aliveworkers\"\\s*:\\s*1.*"), worker);
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (int i = cluster.size() - 1; i >= 0; i--) {
            Process p = cluster.get(i);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    @Test
    void thePipelineRunsOnAStandaloneClusterAndEqualsALocalRun() throws Exception {
        Map<Layer, Path> city = org.sightline.jobs.spark.SmallCityAccess.generate(dir.resolve("city"));
        String inputs = "inputs:\n"
                + "  cameras: " + city.get(Layer.CAMERAS) + "\n"
                + "  buildings: " + city.get(Layer.BUILDINGS) + "\n"
                + "  incidents: " + city.get(Layer.INCIDENTS) + "\n"
                + "  areas: " + city.get(Layer.AREAS) + "\n"
                + "  streets: " + city.get(Layer.STREETS) + "\n"
                + "parameters: {k: 5, tile_m: 500, partitions: 4}\n";
        Path clusterCfg = dir.resolve("cluster.yaml");
        Files.writeString(clusterCfg, inputs + "output: {dir: out-cluster, format: geojson}\n");
        Path localCfg = dir.resolve("local.yaml");
        Files.writeString(localCfg, inputs + "output: {dir: out-local, format: geojson}\n");

        // the executors get the driver's class path and --add-opens from SparkSessions by default
        Process driver = java(
                "driver",
                List.of(
                        "-Dspark.executor.memory=1g",
                        "org.sightline.jobs.cli.SightlineCli",
                        "run",
                        "--config",
                        clusterCfg.toString(),
                        "--master",
                        "spark://127.0.0.1:" + masterPort));
        boolean done = driver.waitFor(10, TimeUnit.MINUTES);
        String log = Files.readString(dir.resolve("driver.log"));
        if (!done) driver.destroyForcibly();
        assertThat(done).as("driver finished within 10 min:\n" + log).isTrue();
        assertThat(driver.exitValue()).as(log).isZero();
        assertThat(log).contains("spark://127.0.0.1:" + masterPort);

        // the executor was a separate process launched by the worker, and it ran tasks
        List<Path> executorLogs;
        try (Stream<Path> s = Files.walk(workDir)) {
            executorLogs =
                    s.filter(p -> p.getFileName().toString().equals("stderr")).toList();
        }
        assertThat(executorLogs).as("executor logs under " + workDir).isNotEmpty();
        assertThat(masterJson()).contains("\"completedapps\"").containsPattern("\"name\"\\s*:\\s*\"sightline\"");

        StringWriter w = new StringWriter();
        Pipeline.Outcome local = new Pipeline(RunConfig.load(localCfg), TestSpark.get(), new PrintWriter(w)).run();
        assertThat(local.ok()).as(local.failure()).isTrue();
        Path a = dir.resolve("out-cluster"), b = dir.resolve("out-local");
        List<Path> tables;
        try (Stream<Path> s = Files.walk(b)) {
            tables = s.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".geojson"))
                    .filter(p -> !p.startsWith(b.resolve("rejects")))
                    .sorted()
                    .toList();
        }
        assertThat(tables).hasSizeGreaterThan(10);
        for (Path t : tables) {
            Path other = a.resolve(b.relativize(t));
            assertThat(other).as("cluster output " + b.relativize(t)).exists();
            assertThat(Files.readString(other)).as(b.relativize(t).toString()).isEqualTo(Files.readString(t));
        }
    }
}
