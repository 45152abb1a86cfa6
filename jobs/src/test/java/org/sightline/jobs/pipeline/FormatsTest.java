package org.sightline.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GeoJSON tables become GeoParquet by streaming their features one per line (constant memory), and
 * the result equals what Sedona reads from the whole FeatureCollection at once (multiLine), the way
 * this was done before.
 */
class FormatsTest {
    @TempDir
    Path dir;

    @Test
    void streamedFeaturesEqualTheWholeCollectionReadAtOnce() throws IOException {
        long seed = 20261126L;
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder fc = new StringBuilder("{\"type\":\"FeatureCollection\",\"name\":\"cells\",\"crs\":{\"type\":"
                + "\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}},\"features\":[\n");
        int n = 500;
        for (int i = 0; i < n; i++) {
            double x = -80.8 + rnd.nextDouble() * 0.1, y = 35.2 + rnd.nextDouble() * 0.1, d = 0.001;
            if (i > 0) fc.append(",\n");
            fc.append(String.format(
                    Locale.ROOT,
                    "{\"type\":\"Feature\",\"properties\":{\"cell_id\":\"c%d\",\"count\":%d,\"gi_z\":%.9f,"
                            + "\"note\":\"a \\\"quoted\\\", [bracketed] {text}\"},\"geometry\":{\"type\":\"Polygon\","
                            + "\"coordinates\":[[[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}}",
                    i,
                    rnd.nextInt(50),
                    rnd.nextGaussian(),
                    x,
                    y,
                    x + d,
                    y,
                    x + d,
                    y + d,
                    x,
                    y + d,
                    x,
                    y));
        }
        fc.append("],\"bbox\":[0,0,1,1]}\n");
        Path geojson = dir.resolve("cells.geojson");
        Files.writeString(geojson, fc);

        Path lines = dir.resolve("lines.jsonl");
        assertThat(Formats.featureLines(geojson, lines)).as("seed %d", seed).isEqualTo(n);
        assertThat(Files.readAllLines(lines)).hasSize(n);

        SparkSession spark = TestSpark.get();
        List<String> whole = rows(OutputViews.geojson(spark, geojson));
        Path target = dir.resolve("cells.parquet");
        assertThat(Formats.toGeoParquet(spark, geojson, target)).isTrue();
        List<String> streamed = rows(spark.read().format("geoparquet").load(target.toString()));
        assertThat(streamed).as("seed %d", seed).hasSize(n).isEqualTo(whole);
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(f -> f.endsWith(".features.jsonl"));
        }
    }

    @Test
    void anEmptyCollectionStaysGeoJson() throws IOException {
        Path geojson = dir.resolve("empty.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        assertThat(Formats.toGeoParquet(TestSpark.get(), geojson, dir.resolve("empty.parquet")))
                .isFalse();
        assertThat(dir.resolve("empty.parquet")).doesNotExist();
    }

    private static List<String> rows(Dataset<Row> d) {
        List<String> out = new ArrayList<>();
        String[] cols = d.columns();
        for (Row r : d.selectExpr(List.of(cols).stream()
                        .map(c -> c.equals("geometry") ? "ST_AsText(geometry) AS geometry" : "`" + c + "`")
                        .toArray(String[]::new))
                .collectAsList()) {
            out.add(String.join(",", cols) + " = " + r.mkString("|"));
        }
        out.sort(null);
        return out;
    }
}
