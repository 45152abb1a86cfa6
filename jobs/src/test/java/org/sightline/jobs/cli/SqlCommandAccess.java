package org.sightline.jobs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.sightline.jobs.pipeline.OutputViews;

/** Runs an SQL file as {@code sightline sql} does, on views already registered. */
public final class SqlCommandAccess {
    private SqlCommandAccess() {}

    public static String run(SparkSession spark, Path file) throws IOException {
        String csv = null;
        for (String s : SqlCommand.statements(Files.readString(file))) csv = OutputViews.toCsv(spark.sql(s));
        return csv;
    }
}
