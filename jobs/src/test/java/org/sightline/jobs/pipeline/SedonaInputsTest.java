package org.sightline.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.sightline.engine.io.ColumnMap;
import org.sightline.engine.io.Inputs;
import org.sightline.engine.io.Layer;
import org.sightline.engine.io.MetricLayers;
import org.sightline.engine.io.ReadOptions;
import org.sightline.engine.io.UnreadableInputException;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;

/**
 * GeoParquet, shapefile and GeoPackage inputs read through Sedona: each must load into exactly the
 * layers its GeoJSON/CSV original loads into (same ids, same metric geometry to 1e-6 m, same
 * counts), in WGS84 and in a projected CRS declared the way each format declares it; the whole
 * pipeline on such inputs writes GeoParquet whose viewsheds equal those of the original inputs.
 * The shapefile and GeoPackage are written here byte by byte from their specifications (ESRI
 * shapefile white paper, OGC GeoPackage 1.3), so the reader is checked against independent writers.
 */
class SedonaInputsTest {
    @TempDir
    static Path dir;

    static Map<Layer, Path> city;
    static SparkSession spark;
    static MetricLayers original;

    @BeforeAll
    static void generate() {
        city = org.sightline.jobs.spark.SmallCityAccess.generate(dir.resolve("city"));
        spark = TestSpark.get();
        original = load(Map.of(Layer.CAMERAS, city.get(Layer.CAMERAS), Layer.BUILDINGS, city.get(Layer.BUILDINGS)));
    }

    static MetricLayers load(Map<Layer, Path> files) {
        return load(files, ColumnMap.NONE);
    }

    static MetricLayers load(Map<Layer, Path> files, ColumnMap columns) {
        Map<Layer, Path> staged = new EnumMap<>(files);
        try (SedonaInputs.Staged s = SedonaInputs.stage(spark, staged)) {
            return Inputs.load(new Inputs.Request(staged, columns, ReadOptions.DEFAULTS, Optional.empty()));
        }
    }

    /** Buildings as a Sedona DataFrame: geometry (WGS84) and the GeoJSON properties as columns. */
    static Dataset<Row> buildings() {
        return OutputViews.features(spark.read()
                .format("geojson")
                .option("multiLine", "true")
                .load(city.get(Layer.BUILDINGS).toString()));
    }

    static Dataset<Row> cameras() {
        return spark.read()
                .option("header", "true")
                .csv(city.get(Layer.CAMERAS).toString())
                .withColumn("geometry", functions.expr("ST_Point(CAST(lon AS DOUBLE), CAST(lat AS DOUBLE))"))
                .drop("lon", "lat");
    }

    static void assertSameLayers(MetricLayers got) {
        assertThat(got.crs().code()).isEqualTo(original.crs().code());
        assertThat(got.cameras()).hasSameSizeAs(original.cameras());
        Map<String, Camera> cams = new HashMap<>();
        got.cameras().forEach(c -> cams.put(c.id(), c));
        for (Camera c : original.cameras()) {
            Camera g = cams.get(c.id());
            assertThat(g).as(c.id()).isNotNull();
            assertThat(g.position().distance(c.position())).as(c.id()).isLessThan(1e-6);
            assertThat(g.headingDeg()).isEqualTo(c.headingDeg());
            assertThat(g.kind()).isEqualTo(c.kind());
        }
        assertThat(got.buildings()).hasSameSizeAs(original.buildings());
        Map<String, Footprint> byId = new HashMap<>();
        got.buildings().forEach(f -> byId.put(f.id(), f));
        for (Footprint f : original.buildings()) {
            Footprint g = byId.get(f.id());
            assertThat(g).as(f.id()).isNotNull();
            assertThat(Double.compare(g.heightM(), f.heightM()))
                    .as("%s: height %s vs %s", f.id(), g.heightM(), f.heightM())
                    .isZero();
            assertThat(g.use()).as(f.id()).isEqualTo(f.use());
            assertThat(g.geometry().norm().equalsExact(f.geometry().norm(), 1e-6))
                    .as("%s: %s vs %s", f.id(), g.geometry(), f.geometry())
                    .isTrue();
        }
    }

    @Test
    void geoParquetInWgs84LoadsLikeTheOriginals() {
        Path b = dir.resolve("wgs84/buildings.parquet");
        Path c = dir.resolve("wgs84/cameras.parquet");
        buildings().write().format("geoparquet").save(b.toString());
        cameras().write().format("geoparquet").save(c.toString());
        assertSameLayers(load(Map.of(Layer.CAMERAS, c, Layer.BUILDINGS, b)));
    }

    @Test
    void geoParquetInAProjectedCrsIsProjectedBackFromItsProjJsonId() {
        Path b = dir.resolve("utm/buildings.parquet");
        buildings()
                .withColumn("geometry", functions.expr("ST_Transform(geometry, 'EPSG:4326', 'EPSG:32617')"))
                .write()
                .format("geoparquet")
                .option("geoparquet.crs", UTM17N_PROJJSON)
                .save(b.toString());
        assertThat(SedonaInputs.geoparquetCrs(spark, b)).isEqualTo("EPSG:32617");
        assertSameLayers(load(Map.of(Layer.CAMERAS, city.get(Layer.CAMERAS), Layer.BUILDINGS, b)));
    }

    @Test
    void shapefileWithAPrjInUtmLoadsLikeTheOriginals() throws Exception {
        Path shp = dir.resolve("shp/buildings.shp");
        Files.createDirectories(shp.getParent());
        Shapefiles.writePolygons(
                shp, original.buildings(), CRS.decode("EPSG:32617", true).toWKT());
        assertThat(SedonaInputs.formatOf(shp)).contains(SedonaInputs.Format.SHAPEFILE);
        assertThat(SedonaInputs.formatOf(shp.getParent())).contains(SedonaInputs.Format.SHAPEFILE);
        // dBASE field names stop at 10 characters: building_id arrives as building_i, as from any GIS
        assertSameLayers(load(
                Map.of(Layer.CAMERAS, city.get(Layer.CAMERAS), Layer.BUILDINGS, shp),
                ColumnMap.parse("buildings.building_id=building_i", null)));
    }

    @Test
    void geoPackageTableLoadsLikeTheOriginalsAndTwoTablesNeedANamedOne() throws Exception {
        Path gpkg = dir.resolve("gpkg/city.gpkg");
        Files.createDirectories(gpkg.getParent());
        GeoPackages.write(gpkg, "footprints", original.buildings(), 32617);
        assertSameLayers(load(Map.of(Layer.CAMERAS, city.get(Layer.CAMERAS), Layer.BUILDINGS, gpkg)));

        GeoPackages.write(gpkg, "other", original.buildings().subList(0, 3), 32617);
        assertThatThrownBy(() -> load(Map.of(Layer.CAMERAS, city.get(Layer.CAMERAS), Layer.BUILDINGS, gpkg)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("2 feature tables")
                .hasMessageContaining("city.gpkg#TABLE");
        Path named = Path.of(gpkg + "#footprints");
        assertThat(SedonaInputs.existing(named)).isEqualTo(gpkg);
        assertSameLayers(load(Map.of(Layer.CAMERAS, city.get(Layer.CAMERAS), Layer.BUILDINGS, named)));
    }

    @Test
    void aFileSedonaCannotReadStopsWithOneClearMessage() throws IOException {
        Path bad = dir.resolve("bad/buildings.parquet");
        Files.createDirectories(bad.getParent());
        Files.write(bad, "this is not parquet".getBytes());
        assertThatThrownBy(() -> load(Map.of(Layer.CAMERAS, city.get(Layer.CAMERAS), Layer.BUILDINGS, bad)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("cannot read it as geoparquet");
    }

    @Test
    void thePipelineOnSedonaInputsWritesGeoParquetEqualToTheOriginalRun() throws Exception {
        Path b = dir.resolve("run/buildings.gpkg");
        Path c = dir.resolve("run/cameras.parquet");
        Files.createDirectories(b.getParent());
        GeoPackages.write(b, "buildings", original.buildings(), 32617);
        cameras().write().format("geoparquet").save(c.toString());
        Path orig = run("orig", city.get(Layer.CAMERAS), city.get(Layer.BUILDINGS), "geojson");
        Map<String, Double> geojsonRun = viewshedAreas(orig);
        Path out = run("sedona", c, b, "parquet");
        assertThat(out.resolve("viewsheds/viewsheds.geojson")).doesNotExist();
        Dataset<Row> v = spark.read()
                .format("geoparquet")
                .load(out.resolve("viewsheds/viewsheds.parquet").toString());
        assertThat(v.schema().apply("geometry").dataType().typeName()).containsIgnoringCase("geometry");
        Map<String, Double> parquetRun = new HashMap<>();
        for (Row r : v.select("camera_id", "area_m2").collectAsList())
            parquetRun.put(r.getString(0), ((Number) r.get(1)).doubleValue());
        assertThat(parquetRun)
                .hasSameSizeAs(geojsonRun)
                .hasSize(original.cameras().size());
        geojsonRun.forEach((id, a) -> assertThat(parquetRun.get(id))
                .as(id)
                .isCloseTo(a, org.assertj.core.data.Offset.offset(1e-6 * (1 + a))));
        assertThat(spark.read()
                        .parquet(out.resolve("coverage/cameras.parquet").toString())
                        .count())
                .isEqualTo(
                        Files.readAllLines(orig.resolve("coverage/cameras.csv")).size() - 1L);
    }

    static Path run(String name, Path cameras, Path buildings, String format) throws IOException {
        Path cfg = dir.resolve(name + ".yaml");
        Files.writeString(
                cfg,
                "inputs:\n  cameras: " + cameras + "\n  buildings: " + buildings + "\n"
                        + "parameters: {tile_m: 500, partitions: 2}\n"
                        + "stages: [viewsheds, coverage]\n"
                        + "output: {dir: out-" + name + ", format: " + format + "}\n");
        StringWriter w = new StringWriter();
        Pipeline.Outcome o = new Pipeline(RunConfig.load(cfg), spark, new PrintWriter(w)).run();
        System.out.print(w);
        assertThat(o.ok()).as(o.failure()).isTrue();
        return dir.resolve("out-" + name);
    }

    static Map<String, Double> viewshedAreas(Path out) throws IOException {
        Map<String, Double> m = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("viewsheds/viewsheds.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int id = header.indexOf("camera_id"), area = header.indexOf("area_m2");
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            m.put(f[id], Double.parseDouble(f[area]));
        }
        return m;
    }

    static final String UTM17N_PROJJSON = "{\"$schema\":\"https://proj.org/schemas/v0.7/projjson.schema.json\","
            + "\"type\":\"ProjectedCRS\",\"name\":\"WGS 84 / UTM zone 17N\","
            + "\"id\":{\"authority\":\"EPSG\",\"code\":32617}}";

    /** Footprints back in WGS84 lon/lat → EPSG:n, the way a city's GIS would export them. */
    static Geometry toCrs(Geometry metric, int epsg) {
        // the engine's metric CRS for the small city is EPSG:32617 (asserted by assertSameLayers)
        assertThat(original.crs().code()).isEqualTo("EPSG:" + epsg);
        return metric;
    }

    /** A polygon shapefile (.shp, .shx, .dbf, .prj) written from the ESRI specification. */
    static final class Shapefiles {
        static void writePolygons(Path shp, List<Footprint> footprints, String prjWkt) throws IOException {
            List<byte[]> records = new ArrayList<>();
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (Footprint f : footprints) {
                Polygon p = (Polygon) toCrs(f.geometry(), 32617);
                List<Coordinate[]> rings = new ArrayList<>();
                rings.add(oriented(p.getExteriorRing(), false)); // shells clockwise
                for (int i = 0; i < p.getNumInteriorRing(); i++)
                    rings.add(oriented(p.getInteriorRingN(i), true)); // holes counter-clockwise
                int points = rings.stream().mapToInt(r -> r.length).sum();
                ByteBuffer b =
                        ByteBuffer.allocate(44 + 4 * rings.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
                var env = p.getEnvelopeInternal();
                b.putInt(5).putDouble(env.getMinX()).putDouble(env.getMinY());
                b.putDouble(env.getMaxX()).putDouble(env.getMaxY());
                b.putInt(rings.size()).putInt(points);
                int start = 0;
                for (Coordinate[] r : rings) {
                    b.putInt(start);
                    start += r.length;
                }
                for (Coordinate[] r : rings)
                    for (Coordinate c : r) b.putDouble(c.x).putDouble(c.y);
                records.add(b.array());
                box[0] = Math.min(box[0], env.getMinX());
                box[1] = Math.min(box[1], env.getMinY());
                box[2] = Math.max(box[2], env.getMaxX());
                box[3] = Math.max(box[3], env.getMaxY());
            }
            int shpWords = 50 + records.stream().mapToInt(r -> 4 + r.length / 2).sum();
            ByteBuffer s = ByteBuffer.allocate(shpWords * 2);
            ByteBuffer x = ByteBuffer.allocate((50 + 4 * records.size()) * 2);
            header(s, shpWords, box);
            header(x, 50 + 4 * records.size(), box);
            for (int i = 0; i < records.size(); i++) {
                byte[] r = records.get(i);
                x.order(ByteOrder.BIG_ENDIAN).putInt(s.position() / 2).putInt(r.length / 2);
                s.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(r.length / 2);
                s.put(r);
            }
            String base = shp.toString().replaceAll("\\.shp$", "");
            Files.write(shp, s.array());
            Files.write(Path.of(base + ".shx"), x.array());
            Files.writeString(Path.of(base + ".prj"), prjWkt);
            writeDbf(Path.of(base + ".dbf"), footprints);
        }

        private static Coordinate[] oriented(LinearRing ring, boolean ccw) {
            Coordinate[] c = ring.getCoordinates();
            if (Orientation.isCCW(c) != ccw) {
                c = c.clone();
                java.util.Collections.reverse(java.util.Arrays.asList(c));
            }
            return c;
        }

        private static void header(ByteBuffer b, int words, double[] box) {
            b.order(ByteOrder.BIG_ENDIAN).putInt(9994);
            for (int i = 0; i < 5; i++) b.putInt(0);
            b.putInt(words);
            b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(5);
            for (double d : box) b.putDouble(d);
            for (int i = 0; i < 4; i++) b.putDouble(0);
        }

        /** dBASE III: building_id C(16), height_m N(12,3), use C(24). */
        private static void writeDbf(Path dbf, List<Footprint> footprints) throws IOException {
            String[] names = {"building_i", "height_m", "use"};
            char[] types = {'C', 'N', 'C'};
            int[] lengths = {16, 12, 24};
            int recordLength = 1 + 16 + 12 + 24;
            int headerLength = 32 + 32 * names.length + 1;
            ByteBuffer b = ByteBuffer.allocate(headerLength + recordLength * footprints.size() + 1)
                    .order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 3).put((byte) 125).put((byte) 11).put((byte) 25);
            b.putInt(footprints.size()).putShort((short) headerLength).putShort((short) recordLength);
            b.put(new byte[20]);
            for (int i = 0; i < names.length; i++) {
                byte[] n = new byte[11];
                System.arraycopy(names[i].getBytes(), 0, n, 0, names[i].length());
                b.put(n).put((byte) types[i]).putInt(0).put((byte) lengths[i]);
                b.put((byte) (types[i] == 'N' ? 3 : 0)).put(new byte[14]);
            }
            b.put((byte) 0x0D);
            for (Footprint f : footprints) {
                b.put((byte) ' ');
                b.put(String.format("%-16s", f.id()).getBytes());
                b.put(String.format(java.util.Locale.ROOT, "%12.3f", f.heightM())
                        .getBytes());
                b.put(String.format("%-24s", f.use() == null ? "" : f.use()).getBytes());
            }
            b.put((byte) 0x1A);
            Files.write(dbf, b.array());
        }
    }

    /** A GeoPackage feature table written with SQLite from the OGC GeoPackage specification. */
    static final class GeoPackages {
        static void write(Path gpkg, String table, List<Footprint> footprints, int srsId) throws Exception {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
                    Statement st = c.createStatement()) {
                st.execute("PRAGMA application_id = 1196444487");
                st.execute("CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (srs_name TEXT NOT NULL,"
                        + " srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,"
                        + " organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)");
                st.execute("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ('WGS 84 / UTM zone 17N', " + srsId
                        + ", 'EPSG', " + srsId + ", '"
                        + CRS.decode("EPSG:" + srsId).toWKT().replace("'", "''")
                        + "', NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,"
                        + " data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',"
                        + " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                        + " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)");
                st.execute("CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (table_name TEXT NOT NULL,"
                        + " column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,"
                        + " z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name))");
                st.execute("CREATE TABLE \"" + table + "\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON,"
                        + " building_id TEXT, height_m DOUBLE, use TEXT)");
                st.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('" + table
                        + "', 'features', '" + table + "', " + srsId + ")");
                st.execute("INSERT INTO gpkg_geometry_columns VALUES ('" + table + "', 'geom', 'POLYGON', " + srsId
                        + ", 0, 0)");
                WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO \"" + table + "\" (geom, building_id, height_m, use) VALUES (?, ?, ?, ?)")) {
                    for (Footprint f : footprints) {
                        byte[] w = wkb.write(toCrs(f.geometry(), srsId));
                        ByteBuffer g = ByteBuffer.allocate(8 + w.length).order(ByteOrder.LITTLE_ENDIAN);
                        g.put((byte) 'G')
                                .put((byte) 'P')
                                .put((byte) 0)
                                .put((byte) 1)
                                .putInt(srsId)
                                .put(w);
                        ps.setBytes(1, g.array());
                        ps.setString(2, f.id());
                        if (Double.isNaN(f.heightM())) ps.setNull(3, java.sql.Types.DOUBLE);
                        else ps.setDouble(3, f.heightM());
                        ps.setString(4, f.use());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }
    }
}
