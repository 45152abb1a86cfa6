package org.sightline.jobs.spark;

import org.apache.sedona.spark.SedonaContext;
import org.apache.spark.sql.SparkSession;

/**
 * The one way Sightline starts Spark: Sedona's SQL functions and spatial joins registered, {@code
 * local[*]} unless a master URL is given (e.g. {@code spark://host:7077}), Spark's own logging at
 * WARN, and the UI off (a batch CLI, not a service).
 */
public final class SparkSessions {
    private SparkSessions() {}

    /** A session with Sedona registered; {@code master} null or blank means {@code local[*]}. */
    public static SparkSession create(String master) {
        quietLogging();
        SparkSession.Builder b = SedonaContext.builder()
                .appName("sightline")
                // engine records are Java-serializable; Kryo (Sedona's default) cannot build records
                .config("spark.serializer", "org.apache.spark.serializer.JavaSerializer")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "16")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", System.getenv().getOrDefault("SPARK_LOCAL_IP", "127.0.0.1"));
        // Under spark-submit the master comes from the submit command line (system property spark.master).
        if (master != null && !master.isBlank()) b = b.master(master.trim());
        if (master != null && master.trim().startsWith("spark://")) b = standaloneExecutors(b);
        else if (System.getProperty("spark.master") == null) b = b.master("local[*]");
        SparkSession spark = SedonaContext.create(b.getOrCreate());
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /**
     * {@code sightline run --master spark://...} from a built tree (not spark-submit): the executors the
     * standalone workers launch get the driver's class path and Spark's {@code --add-opens}, unless
     * the {@code spark.executor.*} properties say otherwise. The workers must see the same paths (one
     * machine, or the tree on a shared file system); elsewhere use spark-submit with the cluster jar.
     */
    private static SparkSession.Builder standaloneExecutors(SparkSession.Builder b) {
        if (System.getProperty("spark.executor.extraClassPath") == null && System.getProperty("spark.jars") == null)
            b = b.config("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        if (System.getProperty("spark.executor.extraJavaOptions") == null) {
            String opens = String.join(
                    " ",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                            .filter(a -> a.startsWith("--add-opens")
                                    || a.startsWith("-Djdk.reflect")
                                    || a.startsWith("-Dio.netty"))
                            .toList());
            if (!opens.isEmpty()) b = b.config("spark.executor.extraJavaOptions", opens);
        }
        return b;
    }

    /** Spark logs through log4j2: WARN before the session exists, so start-up chatter stays quiet. */
    private static void quietLogging() {
        try {
            org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.WARN);
        } catch (LinkageError e) {
            // log4j-core not on the class path (e.g. a cluster's own logging): leave it alone
        }
    }
}
