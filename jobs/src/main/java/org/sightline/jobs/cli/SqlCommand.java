package org.sightline.jobs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sightline.jobs.pipeline.OutputViews;
import org.sightline.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sightline sql FILE --in DIR}: Sedona SQL over a pipeline's outputs. */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {
            "Run the Sedona SQL statements of FILE (separated by ';') over the outputs of a run: every table of DIR is"
                    + " a view named <stage>_<table> (coverage_areas, gaps_incidents, hotspots_cells, viewsheds, ...),"
                    + " and the run's input layers (from DIR/run.json) are views named cameras, incidents, areas, ..."
                    + " Prints the result of the last statement as CSV."
        })
public final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "SQL file.")
    Path file;

    @Option(names = "--in", paramLabel = "DIR", required = true, description = "Output folder of sightline run/demo.")
    Path in;

    @Option(
            names = "--out",
            paramLabel = "F",
            description = "Write the result to this CSV file instead of printing it.")
    Path out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: local[*].")
    String master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("SQL file not found: " + file);
        if (!Files.isDirectory(in)) throw new IllegalArgumentException("--in is not a folder: " + in);
        List<String> statements = statements(Files.readString(file));
        if (statements.isEmpty()) throw new IllegalArgumentException(file + " has no SQL statement");
        SparkSession spark = SparkSessions.create(master);
        try {
            OutputViews.register(spark, in);
            String csv = null;
            for (String s : statements) csv = OutputViews.toCsv(spark.sql(s));
            if (out != null) org.sightline.engine.io.AtomicFiles.writeString(out, csv);
            else {
                spec.commandLine().getOut().print(csv);
                spec.commandLine().getOut().flush();
            }
            return SightlineCli.OK;
        } finally {
            spark.stop();
        }
    }

    /** Statements separated by ';', line comments ({@code --}) removed. */
    static List<String> statements(String sql) {
        StringBuilder b = new StringBuilder();
        for (String line : sql.split("\n")) {
            int c = line.indexOf("--");
            b.append(c >= 0 ? line.substring(0, c) : line).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String s : b.toString().split(";")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}
