package org.sightline.jobs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A run's outputs as Spark SQL views, for notebooks and {@code sightline sql}: each table of each
 * stage folder becomes {@code <stage>_<table>} ({@code viewsheds} for the viewsheds), read through
 * Sedona (GeoParquet, GeoJSON with a {@code geometry} column) or as CSV, GeoParquet first, then
 * GeoJSON, then CSV; the input layers named in {@code run.json} become {@code cameras}, {@code
 * incidents}, ... (CSV with a header, or GeoJSON).
 */
public final class OutputViews {
    private OutputViews() {}

    /** Registers the views and returns their names. */
    public static List<String> register(SparkSession spark, Path dir) {
        List<String> names = new ArrayList<>();
        for (String stage : RunConfig.STAGES) {
            Path sd = dir.resolve(stage);
            if (!Files.isDirectory(sd)) continue;
            List<String> done = new ArrayList<>();
            for (Path f : list(sd)) {
                String file = f.getFileName().toString();
                int dot = file.lastIndexOf('.');
                if (dot < 0) continue;
                String table = file.substring(0, dot), ext = file.substring(dot + 1);
                if (done.contains(table)) continue;
                Dataset<Row> d = read(spark, sd, table);
                if (d == null) continue;
                done.add(table);
                String view = table.equals(stage) ? stage : stage + "_" + table;
                d.createOrReplaceTempView(view);
                names.add(view);
            }
        }
        Path runJson = dir.resolve("run.json");
        if (Files.isRegularFile(runJson)) {
            try {
                JsonNode inputs = new ObjectMapper().readTree(runJson.toFile()).path("inputs");
                for (var it = inputs.fields(); it.hasNext(); ) {
                    var e = it.next();
                    Path p = Path.of(e.getValue().asText());
                    if (!Files.isRegularFile(p)) continue;
                    Dataset<Row> d = p.toString().endsWith(".csv") ? csv(spark, p) : geojson(spark, p);
                    d.createOrReplaceTempView(e.getKey());
                    names.add(e.getKey());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static Dataset<Row> read(SparkSession spark, Path dir, String table) {
        Path parquet = dir.resolve(table + ".parquet");
        if (Files.exists(parquet)) {
            Dataset<Row> d = spark.read().format("geoparquet").load(parquet.toString());
            return d;
        }
        Dataset<Row> wkt = withWktGeometry(spark, dir.resolve(table + ".csv"));
        if (wkt != null) return wkt;
        if (Files.isRegularFile(dir.resolve(table + ".geojson")))
            return geojson(spark, dir.resolve(table + ".geojson"));
        if (Files.isRegularFile(dir.resolve(table + ".csv"))) return csv(spark, dir.resolve(table + ".csv"));
        return null;
    }

    /**
     * A CSV table with a {@code wkt} column (viewsheds.csv) with its geometry as column {@code geometry};
     * preferred to the GeoJSON, which holds empty viewsheds as empty coordinate arrays. Null if the file
     * does not exist or has no wkt column.
     */
    static Dataset<Row> withWktGeometry(SparkSession spark, Path f) {
        if (!Files.isRegularFile(f)) return null;
        Dataset<Row> d = csv(spark, f);
        if (!List.of(d.columns()).contains("wkt")) return null;
        return d.selectExpr("*", "ST_GeomFromWKT(wkt) AS geometry").drop("wkt");
    }

    static Dataset<Row> csv(SparkSession spark, Path f) {
        return spark.read()
                .option("header", "true")
                .option("inferSchema", "true")
                .csv(f.toString());
    }

    static Dataset<Row> geojson(SparkSession spark, Path f) {
        return features(
                spark.read().format("geojson").option("multiLine", "true").load(f.toString()));
    }

    /** A FeatureCollection read by Sedona (one row) as one row per feature: geometry and properties. */
    static Dataset<Row> features(Dataset<Row> fc) {
        if (!List.of(fc.columns()).contains("features")) return fc;
        Dataset<Row> f = fc.selectExpr("explode(features) AS f").select("f.*");
        return List.of(f.columns()).contains("properties")
                ? f.selectExpr("geometry", "properties.*")
                : f.select("geometry");
    }

    /** A small result as CSV text (geometries as WKT). */
    public static String toCsv(Dataset<Row> result) {
        try {
            StringWriter w = new StringWriter();
            CSVPrinter p = new CSVPrinter(
                    w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            p.printRecord((Object[]) result.columns());
            for (Row r : result.collectAsList()) {
                List<Object> cells = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    Object v = r.get(i);
                    if (v instanceof Double d)
                        v = String.format(Locale.ROOT, "%.6f", d).replaceAll("\\.?0+$", "");
                    cells.add(v);
                }
                p.printRecord(cells);
            }
            p.flush();
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
