package org.sightline.jobs.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The table formats of a stage folder. Stages write CSV and GeoJSON (docs/outputs.md); {@code csv}
 * keeps the CSV only, {@code parquet} turns every table into Parquet through Sedona: GeoParquet for
 * the geometric ones (read from the GeoJSON), plain Parquet for the others. JSON summaries and the
 * GeoTIFF stay as they are.
 */
final class Formats {
    private Formats() {}

    static void apply(SparkSession spark, Path dir, String format) {
        if (format.equals("geojson")) return;
        for (Path f : list(dir)) {
            String name = f.getFileName().toString();
            if (format.equals("csv") && name.endsWith(".geojson")) delete(f);
            if (!format.equals("parquet")) continue;
            if (name.endsWith(".geojson")) {
                String base = name.substring(0, name.length() - ".geojson".length());
                if (toGeoParquet(spark, f, dir.resolve(base + ".parquet"))) {
                    delete(f);
                    delete(dir.resolve(base + ".csv"));
                }
            }
        }
        if (!format.equals("parquet")) return;
        for (Path f : list(dir)) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".csv")) continue;
            Dataset<Row> t = spark.read()
                    .option("header", "true")
                    .option("inferSchema", "true")
                    .csv(f.toString());
            t.coalesce(1)
                    .write()
                    .mode("overwrite")
                    .parquet(dir.resolve(name.replace(".csv", ".parquet")).toString());
            delete(f);
        }
    }

    /** GeoJSON → GeoParquet; false when the collection has no features (the GeoJSON file stays). */
    static boolean toGeoParquet(SparkSession spark, Path geojson, Path target) {
        String name = geojson.getFileName().toString();
        Dataset<Row> t = OutputViews.withWktGeometry(
                spark, geojson.resolveSibling(name.substring(0, name.length() - ".geojson".length()) + ".csv"));
        Path lines = null;
        try {
            if (t == null) {
                // one Feature per line, so Sedona reads it as rows in parallel; read with multiLine, the
                // whole FeatureCollection would be one row held in one task (out of memory at 10x)
                lines = geojson.resolveSibling(name + ".features.jsonl"); // no leading dot: Spark skips hidden files
                if (featureLines(geojson, lines) == 0) return false;
                Dataset<Row> f = spark.read().format("geojson").load(lines.toString());
                t = List.of(f.columns()).contains("properties")
                        ? f.selectExpr("geometry", "properties.*")
                        : f.select("geometry");
            }
            if (t.isEmpty()) return false;
            t.coalesce(1).write().mode("overwrite").format("geoparquet").save(target.toString());
            return true;
        } finally {
            if (lines != null) delete(lines);
        }
    }

    /**
     * Copies the features of a FeatureCollection to {@code out}, one Feature object per line, streaming
     * (constant memory); returns how many.
     */
    static long featureLines(Path geojson, Path out) {
        JsonFactory json = new JsonFactory();
        long n = 0;
        try (JsonParser p = json.createParser(geojson.toFile());
                Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a GeoJSON object: " + geojson);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (!field.equals("features") || v != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    StringWriter line = new StringWriter();
                    try (JsonGenerator g = json.createGenerator(line)) {
                        g.copyCurrentStructure(p);
                    }
                    w.write(line.toString());
                    w.write('\n');
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
