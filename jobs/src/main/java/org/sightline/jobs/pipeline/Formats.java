package org.sightline.jobs.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

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
        if (t == null) {
            Dataset<Row> fc =
                    spark.read().format("geojson").option("multiLine", "true").load(geojson.toString());
            if (!List.of(fc.columns()).contains("features")) return false;
            // "features": [] is read as an array of strings: nothing to convert
            if (!(fc.schema().apply("features").dataType() instanceof ArrayType a
                    && a.elementType() instanceof StructType)) return false;
            t = OutputViews.features(fc);
        }
        if (t.isEmpty()) return false;
        t.coalesce(1).write().mode("overwrite").format("geoparquet").save(target.toString());
        return true;
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
