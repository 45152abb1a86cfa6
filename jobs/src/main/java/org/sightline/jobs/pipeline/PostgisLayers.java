package org.sightline.jobs.pipeline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import net.postgis.jdbc.PGgeometry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.postgresql.PGConnection;
import org.sightline.engine.io.Layer;
import org.sightline.engine.io.UnreadableInputException;

/**
 * Layers read from PostGIS tables ({@code postgis:TABLE} in the run config): each table is fetched
 * with the PostgreSQL driver, its geometry decoded by postgis-jdbc ({@link PGgeometry}) in WGS84, and
 * staged as the file the engine's readers expect (cameras as CSV with lon/lat, other layers as
 * GeoJSON), so column mapping, validation and rejects work exactly as for files.
 */
public final class PostgisLayers {
    private PostgisLayers() {}

    /** Staged files; {@link #close} deletes them. */
    public record Staged(Path dir) implements AutoCloseable {
        @Override
        public void close() {
            if (dir != null) StageDir.delete(dir);
        }
    }

    static Staged stage(RunConfig config, Map<Layer, Path> files) {
        if (config.postgisInputs().isEmpty()) return new Staged(null);
        RunConfig.Postgis pg = config.postgis().orElseThrow();
        try {
            Path dir = Files.createTempDirectory("sightline-postgis-");
            try (Connection c = connect(pg)) {
                for (var e : config.postgisInputs().entrySet()) {
                    Layer layer = e.getKey();
                    Path f = dir.resolve(layer.name().toLowerCase(Locale.ROOT)
                            + (layer == Layer.CAMERAS || layer == Layer.INCIDENTS ? ".csv" : ".geojson"));
                    export(c, qualified(pg.schema(), e.getValue()), f);
                    files.put(layer, f);
                }
            }
            return new Staged(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new UnreadableInputException(
                    java.nio.file.Path.of(pg.url()),
                    "cannot read PostGIS tables " + config.postgisInputs().values() + " from " + pg.url() + ": "
                            + e.getMessage());
        }
    }

    static Connection connect(RunConfig.Postgis pg) throws SQLException {
        Properties props = new Properties();
        if (pg.user() != null) props.setProperty("user", pg.user());
        if (pg.password() != null) props.setProperty("password", pg.password());
        Connection c = DriverManager.getConnection(pg.url(), props);
        c.unwrap(PGConnection.class).addDataType("geometry", PGgeometry.class);
        return c;
    }

    static String qualified(String schema, String table) {
        return table.contains(".") ? table : quote(schema) + "." + quote(table);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Writes a table as CSV (points as lon/lat) or GeoJSON (.geojson target), geometry in WGS84. */
    static void export(Connection c, String table, Path target) throws SQLException, IOException {
        String geomColumn = geometryColumn(c, table);
        boolean csv = target.toString().endsWith(".csv");
        String sql = "SELECT ST_Transform(" + quote(geomColumn) + ", 4326) AS sightline_geom, * FROM " + table;
        try (Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                List<Integer> columns = new java.util.ArrayList<>();
                for (int i = 2; i <= md.getColumnCount(); i++)
                    if (!md.getColumnName(i).equals(geomColumn)) columns.add(i);
                WKTReader wkt = new WKTReader();
                if (csv) {
                    try (BufferedWriter w = Files.newBufferedWriter(target);
                            CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                        for (int i : columns) p.print(md.getColumnName(i));
                        p.print("lon");
                        p.print("lat");
                        p.println();
                        while (rs.next()) {
                            for (int i : columns) p.print(rs.getString(i));
                            Geometry g = geometry(rs, wkt);
                            p.print(g == null || g.isEmpty() ? "" : g.getCoordinate().x);
                            p.print(g == null || g.isEmpty() ? "" : g.getCoordinate().y);
                            p.println();
                        }
                    }
                } else {
                    GeoJsonWriter gw = new GeoJsonWriter(9);
                    gw.setEncodeCRS(false);
                    try (JsonGenerator j = new JsonFactory().createGenerator(target.toFile(), JsonEncoding.UTF8)) {
                        j.writeStartObject();
                        j.writeStringField("type", "FeatureCollection");
                        j.writeArrayFieldStart("features");
                        while (rs.next()) {
                            j.writeStartObject();
                            j.writeStringField("type", "Feature");
                            j.writeObjectFieldStart("properties");
                            for (int i : columns) j.writeStringField(md.getColumnName(i), rs.getString(i));
                            j.writeEndObject();
                            Geometry g = geometry(rs, wkt);
                            j.writeFieldName("geometry");
                            if (g == null) j.writeNull();
                            else j.writeRawValue(gw.write(g));
                            j.writeEndObject();
                        }
                        j.writeEndArray();
                        j.writeEndObject();
                    }
                }
            }
            c.commit();
        }
    }

    private static Geometry geometry(ResultSet rs, WKTReader wkt) throws SQLException {
        Object o = rs.getObject(1);
        if (o == null) return null;
        String ewkt = o instanceof PGgeometry g ? g.getGeometry().toString() : o.toString();
        int semi = ewkt.indexOf(';');
        try {
            return wkt.read(semi >= 0 ? ewkt.substring(semi + 1) : ewkt);
        } catch (ParseException e) {
            throw new SQLException("cannot parse geometry " + ewkt + ": " + e.getMessage(), e);
        }
    }

    private static String geometryColumn(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT f_geometry_column FROM geometry_columns"
                + " WHERE format('%I.%I', f_table_schema, f_table_name) = ? OR f_table_name = ? LIMIT 1")) {
            String bare = table.replace("\"", "");
            ps.setString(1, table);
            ps.setString(2, bare.contains(".") ? bare.substring(bare.indexOf('.') + 1) : bare);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("table " + table + " has no geometry column");
                return rs.getString(1);
            }
        }
    }
}
