package org.sightline.jobs.pipeline;

import org.apache.spark.sql.SparkSession;
import org.sightline.jobs.spark.SparkSessions;

/** One local[2] Spark session for every test class of the JVM (stopped at exit). */
public final class TestSpark {
    private static SparkSession spark;

    private TestSpark() {}

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSessions.create("local[2]");
            SparkSession s = spark;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
        }
        return spark;
    }
}
