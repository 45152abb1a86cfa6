package org.sightline.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.engine.io.Layer;
import org.sightline.engine.testing.PostgisServer;

/**
 * Cameras and footprints read from PostGIS tables, every stage's table written back with its SRID and
 * a GIST index, against a real PostGIS server started for the test.
 */
class PostgisPipelineTest {
    @TempDir
    static Path dir;

    static PostgisServer pg;
    static Map<Layer, Path> city;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgisServer.start();
        city = org.sightline.jobs.spark.SmallCityAccess.generate(dir.resolve("city"));
        try (Connection c = pg.connect()) {
            load(c);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) pg.close();
    }

    /** The small city's cameras and buildings as PostGIS tables (WGS84), as a city's registry holds them. */
    static void load(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE registry (camera_id text, heading_deg double precision, fov_deg double precision,"
                    + " range_m double precision, kind text, live_feed boolean, status text, owner_name text,"
                    + " position geometry(Point, 4326))");
            st.execute("CREATE TABLE footprints (building_id text, height_m double precision,"
                    + " geom geometry(Geometry, 4326))");
        }
        try (Reader r = Files.newBufferedReader(city.get(Layer.CAMERAS));
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO registry VALUES (?,?,?,?,?,?,?,?, ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
            for (CSVRecord rec : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)) {
                ps.setString(1, rec.get("camera_id"));
                for (int k = 0; k < 3; k++) {
                    String v = rec.get(new String[] {"heading_deg", "fov_deg", "range_m"}[k]);
                    if (v.isBlank()) ps.setNull(2 + k, java.sql.Types.DOUBLE);
                    else ps.setDouble(2 + k, Double.parseDouble(v));
                }
                ps.setString(5, rec.get("kind"));
                ps.setBoolean(6, Boolean.parseBoolean(rec.get("live_feed")));
                ps.setString(7, rec.get("status"));
                ps.setString(8, rec.get("owner_name"));
                ps.setDouble(9, Double.parseDouble(rec.get("lon")));
                ps.setDouble(10, Double.parseDouble(rec.get("lat")));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        JsonNode fc = new ObjectMapper().readTree(city.get(Layer.BUILDINGS).toFile());
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO footprints VALUES (?, ?, ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))")) {
            for (JsonNode f : fc.get("features")) {
                JsonNode p = f.get("properties");
                ps.setString(1, p.path("building_id").asText());
                if (p.hasNonNull("height_m")) ps.setDouble(2, p.get("height_m").asDouble());
                else ps.setNull(2, java.sql.Types.DOUBLE);
                ps.setString(3, f.get("geometry").toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Test
    void readsTheRegistryFromPostgisAndWritesEveryStageAsAnIndexedTable() throws Exception {
        Path cfg = dir.resolve("run.yaml");
        Files.writeString(
                cfg,
                "inputs:\n"
                        + "  cameras: postgis:registry\n"
                        + "  buildings: postgis:footprints\n"
                        + "  incidents: city/incidents.csv\n"
                        + "  areas: city/areas.geojson\n"
                        + "  streets: city/streets.geojson\n"
                        + "parameters: {k: 3, partitions: 2}\n"
                        + "output:\n"
                        + "  dir: out\n"
                        + "  format: csv\n"
                        + "  postgis: {url: '" + pg.url() + "', user: " + pg.user() + "}\n");
        StringWriter w = new StringWriter();
        Pipeline.Outcome o = new Pipeline(RunConfig.load(cfg), TestSpark.get(), new PrintWriter(w)).run();
        System.out.print(w);
        assertThat(o.ok()).as(o.failure()).isTrue();
        try (Connection c = pg.connect();
                Statement st = c.createStatement()) {
            Map<String, String> geometric = Map.of(
                    "viewsheds",
                    "POLYGON",
                    "coverage_areas",
                    "MULTIPOLYGON",
                    "hotspot_cells",
                    "POLYGON",
                    "gaps",
                    "POLYGON",
                    "outreach_picks",
                    "POINT");
            for (var e : geometric.entrySet()) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT srid, type FROM geometry_columns WHERE f_table_name = '" + e.getKey() + "'")) {
                    assertThat(rs.next()).as(e.getKey()).isTrue();
                    assertThat(rs.getInt(1)).as(e.getKey()).isEqualTo(32617);
                    assertThat(rs.getString(2)).as(e.getKey()).isEqualTo(e.getValue());
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE tablename = '" + e.getKey()
                        + "' AND indexdef LIKE '%USING gist%'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("GIST index on " + e.getKey()).isEqualTo(1);
                }
            }
            assertThat(count(st, "viewsheds")).isEqualTo(150);
            assertThat(count(st, "coverage_areas")).isEqualTo(10);
            assertThat(count(st, "outreach_picks")).isEqualTo(3);
            assertThat(count(st, "suggestions"))
                    .isEqualTo(Files.readAllLines(dir.resolve("out/dispatch/suggestions.csv"))
                                    .size()
                            - 1);
            // the table's areas are the CSV's
            try (ResultSet rs = st.executeQuery("SELECT sum(area_m2), sum(ST_Area(geom)) FROM viewsheds")) {
                rs.next();
                assertThat(rs.getDouble(2))
                        .isCloseTo(rs.getDouble(1), org.assertj.core.api.Assertions.within(1e-6 * rs.getDouble(1)));
            }
        }
        // owner data never leaves the registry
        assertThat(Files.readString(dir.resolve("out/viewsheds/viewsheds.csv"))).doesNotContain("Test Owner");
    }

    static long count(Statement st, String table) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
