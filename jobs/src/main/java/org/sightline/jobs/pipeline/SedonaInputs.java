package org.sightline.jobs.pipeline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.referencing.CRS;
import org.sightline.engine.io.Layer;
import org.sightline.engine.io.UnreadableInputException;

/**
 * Input layers in the formats only Sedona reads — GeoParquet (a {@code .parquet} file or a folder
 * of them), shapefile (a {@code .shp} file or a folder of them) and GeoPackage ({@code .gpkg}, its
 * one feature table, or {@code city.gpkg#TABLE}) — staged as GeoJSON for the engine's readers, so
 * column mapping, validation, repairs and rejects work exactly as for the formats the engine reads
 * itself. Rows stream from Spark to the staged file ({@link Dataset#toLocalIterator}); the layer is
 * never held in memory. The source CRS travels as the GeoJSON's {@code crs} member (GeoParquet's
 * PROJJSON id, the shapefile's {@code .prj}, the GeoPackage geometry's SRS id), and the readers
 * project from it as they do for a GeoJSON file with a {@code crs}.
 */
public final class SedonaInputs {
    private SedonaInputs() {}

    /** The formats staged here. */
    public enum Format {
        GEOPARQUET("geoparquet"),
        SHAPEFILE("shapefile"),
        GEOPACKAGE("geopackage");

        final String sedonaName;

        Format(String sedonaName) {
            this.sedonaName = sedonaName;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The Sedona format of an input path, empty for files the engine reads itself (CSV, GeoJSON).
     * {@code city.gpkg#TABLE} names a table of a GeoPackage.
     */
    public static Optional<Format> formatOf(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet") || name.endsWith(".geoparquet")) return Optional.of(Format.GEOPARQUET);
        if (name.endsWith(".shp")) return Optional.of(Format.SHAPEFILE);
        if (name.endsWith(".gpkg") || name.contains(".gpkg#")) return Optional.of(Format.GEOPACKAGE);
        if (Files.isDirectory(path)) {
            if (hasFileEnding(path, ".shp")) return Optional.of(Format.SHAPEFILE);
            if (hasFileEnding(path, ".parquet")) return Optional.of(Format.GEOPARQUET);
        }
        return Optional.empty();
    }

    /** The file that must exist for an input path ({@code city.gpkg#TABLE} → {@code city.gpkg}). */
    public static Path existing(Path path) {
        String s = path.toString();
        int hash = s.lastIndexOf('#');
        return hash > 0 && s.substring(0, hash).toLowerCase(Locale.ROOT).endsWith(".gpkg")
                ? Path.of(s.substring(0, hash))
                : path;
    }

    /** Staged copies; {@link #close} deletes them. */
    public record Staged(Path dir) implements AutoCloseable {
        @Override
        public void close() {
            if (dir != null) StageDir.delete(dir);
        }
    }

    /**
     * Stages every layer of {@code files} whose format Sedona reads, replacing its entry by the staged
     * GeoJSON. Throws {@link UnreadableInputException} for a file Sedona cannot read.
     */
    public static Staged stage(SparkSession spark, Map<Layer, Path> files) {
        Path dir = null;
        try {
            for (var e : files.entrySet()) {
                Optional<Format> format = formatOf(e.getValue());
                if (format.isEmpty()) continue;
                if (dir == null) dir = Files.createTempDirectory("sightline-sedona-");
                Path target = dir.resolve(e.getKey().name().toLowerCase(Locale.ROOT) + ".geojson");
                stage(spark, e.getValue(), format.get(), target);
                e.setValue(target);
            }
            return new Staged(dir);
        } catch (IOException e) {
            if (dir != null) StageDir.delete(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (dir != null) StageDir.delete(dir);
            throw e;
        }
    }

    /** One layer: read with Sedona, written as a GeoJSON FeatureCollection with a {@code crs} member. */
    static void stage(SparkSession spark, Path source, Format format, Path target) throws IOException {
        Dataset<Row> table = read(spark, source, format);
        StructField[] fields = table.schema().fields();
        String geometry = null;
        for (StructField f : fields)
            if (f.dataType().typeName().toLowerCase(Locale.ROOT).contains("geometry")) {
                geometry = f.name();
                break;
            }
        if (geometry == null) throw unreadable(source, format, "it has no geometry column");
        List<Column> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (StructField f : fields) {
            if (f.name().equals(geometry)) continue;
            columns.add(functions.col(quote(f.name())));
            names.add(f.name());
        }
        columns.add(functions.expr("ST_AsGeoJSON(" + quote(geometry) + ")").as("sightline_geojson"));
        columns.add(functions.expr("ST_SRID(" + quote(geometry) + ")").as("sightline_srid"));
        Dataset<Row> rows = table.select(columns.toArray(Column[]::new));
        String crs = fileCrs(spark, source, format);
        GeopackageNulls nulls = format == Format.GEOPACKAGE
                ? GeopackageNulls.of(existing(source), geopackageTable(spark, source), names)
                : GeopackageNulls.NONE;
        try (JsonGenerator j = new JsonFactory().createGenerator(target.toFile(), JsonEncoding.UTF8)) {
            j.writeStartObject();
            j.writeStringField("type", "FeatureCollection");
            Iterator<Row> it;
            try {
                it = rows.toLocalIterator();
            } catch (Exception e) {
                throw unreadable(source, format, message(e));
            }
            List<Row> first = new ArrayList<>();
            try {
                if (it.hasNext()) first.add(it.next());
            } catch (Exception e) {
                throw unreadable(source, format, message(e));
            }
            if (crs == null && !first.isEmpty() && !first.get(0).isNullAt(names.size() + 1)) {
                int srid = first.get(0).getInt(names.size() + 1);
                if (srid != 0 && srid != 4326) crs = "EPSG:" + srid;
            }
            if (crs != null) {
                j.writeObjectFieldStart("crs");
                j.writeStringField("type", "name");
                j.writeObjectFieldStart("properties");
                j.writeStringField("name", crs);
                j.writeEndObject();
                j.writeEndObject();
            }
            j.writeArrayFieldStart("features");
            Row r = first.isEmpty() ? null : first.get(0);
            while (r != null) {
                j.writeRaw('\n');
                j.writeStartObject();
                j.writeStringField("type", "Feature");
                j.writeObjectFieldStart("properties");
                for (int i = 0; i < names.size(); i++) {
                    j.writeFieldName(names.get(i));
                    writeValue(j, nulls.isNull(r, i) ? null : r.get(i));
                }
                j.writeEndObject();
                j.writeFieldName("geometry");
                String g = r.isNullAt(names.size()) ? null : r.getString(names.size());
                if (g == null) j.writeNull();
                else j.writeRawValue(g);
                j.writeEndObject();
                try {
                    r = it.hasNext() ? it.next() : null;
                } catch (Exception e) {
                    throw unreadable(source, format, message(e));
                }
            }
            j.writeEndArray();
            j.writeEndObject();
        }
    }

    private static Dataset<Row> read(SparkSession spark, Path source, Format format) {
        Path file = existing(source);
        if (!Files.exists(file)) throw new UnreadableInputException(file, "the file does not exist");
        try {
            var reader = spark.read().format(format.sedonaName);
            if (format == Format.GEOPACKAGE) reader = reader.option("tableName", geopackageTable(spark, source));
            Dataset<Row> d = reader.load(file.toString());
            d.schema(); // resolves the schema now, so an unreadable file fails here
            return d;
        } catch (UnreadableInputException e) {
            throw e;
        } catch (Exception e) {
            throw unreadable(source, format, message(e));
        }
    }

    /** The table named after {@code #}, or the GeoPackage's only feature table. */
    static String geopackageTable(SparkSession spark, Path source) {
        String s = source.toString();
        int hash = s.lastIndexOf('#');
        if (hash > 0 && hash < s.length() - 1) return s.substring(hash + 1);
        Path file = existing(source);
        List<String> tables = new ArrayList<>();
        try {
            for (Row r : spark.read()
                    .format("geopackage")
                    .option("showMetadata", "true")
                    .load(file.toString())
                    .select("table_name", "data_type")
                    .collectAsList()) if ("features".equalsIgnoreCase(r.getString(1))) tables.add(r.getString(0));
        } catch (Exception e) {
            throw unreadable(source, Format.GEOPACKAGE, message(e));
        }
        if (tables.size() == 1) return tables.get(0);
        throw new UnreadableInputException(
                file,
                tables.isEmpty()
                        ? "the GeoPackage has no feature table"
                        : "the GeoPackage has " + tables.size() + " feature tables (" + String.join(", ", tables)
                                + "): name one as " + file.getFileName() + "#TABLE");
    }

    /**
     * The CRS declared by the file, or null when it declares none (then the geometries' SRID decides,
     * and 0 means WGS84 lon/lat, as for GeoJSON).
     */
    static String fileCrs(SparkSession spark, Path source, Format format) {
        Path file = existing(source);
        return switch (format) {
            case SHAPEFILE -> shapefileCrs(file);
            case GEOPARQUET -> geoparquetCrs(spark, file);
            case GEOPACKAGE -> null;
        };
    }

    /** The EPSG code of the {@code .prj} beside the shapefile(s); null without one. */
    static String shapefileCrs(Path file) {
        List<Path> prjs;
        try (Stream<Path> s = Files.isDirectory(file) ? Files.list(file) : Stream.of(file)) {
            prjs = s.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp"))
                    .map(p -> p.resolveSibling(p.getFileName().toString().replaceAll("(?i)\\.shp$", "") + ".prj"))
                    .filter(Files::exists)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UnreadableInputException(file, "cannot list the shapefiles: " + e.getMessage(), e);
        }
        String code = null;
        for (Path prj : prjs) {
            String c = epsgOfWkt(prj);
            if (code != null && !code.equals(c))
                throw new UnreadableInputException(
                        file, "its shapefiles are in different CRSs (" + code + ", " + c + "): stage them separately");
            code = c;
        }
        return code;
    }

    private static String epsgOfWkt(Path prj) {
        try {
            String wkt = Files.readString(prj, StandardCharsets.UTF_8).trim();
            CoordinateReferenceSystem crs = CRS.parseWKT(wkt);
            Integer epsg = CRS.lookupEpsgCode(crs, true);
            if (epsg == null)
                throw new UnreadableInputException(
                        prj, "its CRS matches no EPSG code; reproject the shapefile to an EPSG CRS (e.g. EPSG:4326)");
            return "EPSG:" + epsg;
        } catch (IOException e) {
            throw new UnreadableInputException(prj, "cannot read the .prj: " + e.getMessage(), e);
        } catch (org.geotools.api.referencing.FactoryException e) {
            throw new UnreadableInputException(prj, "the .prj is not a CRS GeoTools understands: " + e.getMessage(), e);
        }
    }

    /**
     * The CRS of GeoParquet's primary geometry column: its PROJJSON {@code id} ({@code EPSG:n}),
     * OGC:CRS84 when the metadata leaves {@code crs} out (the GeoParquet default).
     */
    static String geoparquetCrs(SparkSession spark, Path file) {
        List<Row> meta;
        try {
            meta = spark.read()
                    .format("geoparquet.metadata")
                    .load(file.toString())
                    .select("primary_column", "columns")
                    .limit(1)
                    .collectAsList();
        } catch (Exception e) {
            throw unreadable(file, Format.GEOPARQUET, message(e));
        }
        if (meta.isEmpty()) return null;
        String primary = meta.get(0).getString(0);
        scala.collection.Map<Object, Object> columns = meta.get(0).getMap(1);
        if (primary == null || columns == null || columns.get(primary).isEmpty()) return null;
        Row column = (Row) columns.get(primary).get();
        int i = List.of(column.schema().fieldNames()).indexOf("crs");
        if (i < 0 || column.isNullAt(i)) return null;
        String projjson = column.getString(i);
        if (projjson == null || projjson.isBlank() || projjson.equals("null")) return null;
        try {
            JsonNode id = JSON.readTree(projjson).path("id");
            if (id.path("authority").asText().equalsIgnoreCase("EPSG"))
                return "EPSG:" + id.path("code").asText();
            if (id.path("authority").asText().equalsIgnoreCase("OGC")) return "OGC:CRS84";
        } catch (IOException e) {
            throw new UnreadableInputException(file, "its GeoParquet CRS is not valid PROJJSON: " + e.getMessage(), e);
        }
        throw new UnreadableInputException(
                file, "its GeoParquet CRS has no EPSG id; write it with an EPSG CRS (e.g. EPSG:4326)");
    }

    /**
     * Sedona 1.8's GeoPackage reader turns a NULL number into 0, which would make an unknown building
     * height a 0 m one. The feature ids whose numeric columns are NULL, read with SQLite (the file is
     * on the driver anyway), restore them as null.
     */
    record GeopackageNulls(int idColumn, Map<Integer, java.util.Set<Long>> nullIds) {
        static final GeopackageNulls NONE = new GeopackageNulls(-1, Map.of());

        boolean isNull(Row r, int column) {
            if (idColumn < 0 || r.isNullAt(idColumn)) return false;
            java.util.Set<Long> ids = nullIds.get(column);
            return ids != null && ids.contains(((Number) r.get(idColumn)).longValue());
        }

        static GeopackageNulls of(Path file, String table, List<String> names) {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file, props);
                    java.sql.Statement st = c.createStatement()) {
                String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
                String id = null;
                List<String> numeric = new ArrayList<>();
                try (java.sql.ResultSet rs = st.executeQuery("PRAGMA table_info(" + quoted + ")")) {
                    while (rs.next()) {
                        String name = rs.getString("name");
                        String type = String.valueOf(rs.getString("type")).toUpperCase(Locale.ROOT);
                        if (rs.getInt("pk") == 1) id = name;
                        else if (type.matches(".*(INT|REAL|FLOA|DOUB|NUMERIC|DEC|BOOL).*")) numeric.add(name);
                    }
                }
                if (id == null || !names.contains(id)) return NONE;
                Map<Integer, java.util.Set<Long>> nullIds = new java.util.HashMap<>();
                for (String col : numeric) {
                    if (!names.contains(col)) continue;
                    java.util.Set<Long> ids = new java.util.HashSet<>();
                    try (java.sql.ResultSet rs = st.executeQuery("SELECT \"" + id.replace("\"", "\"\"") + "\" FROM "
                            + quoted + " WHERE \"" + col.replace("\"", "\"\"") + "\" IS NULL")) {
                        while (rs.next()) ids.add(rs.getLong(1));
                    }
                    if (!ids.isEmpty()) nullIds.put(names.indexOf(col), ids);
                }
                return new GeopackageNulls(names.indexOf(id), nullIds);
            } catch (java.sql.SQLException e) {
                throw new UnreadableInputException(
                        file, "cannot read GeoPackage table " + table + ": " + e.getMessage(), e);
            }
        }
    }

    private static void writeValue(JsonGenerator j, Object v) throws IOException {
        if (v == null) j.writeNull();
        else if (v instanceof Boolean b) j.writeBoolean(b);
        else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)
            j.writeNumber(((Number) v).longValue());
        else if (v instanceof Double d && Double.isFinite(d)) j.writeNumber(d);
        else if (v instanceof Float f && Float.isFinite(f)) j.writeNumber(f.doubleValue());
        else if (v instanceof BigDecimal d) j.writeNumber(d);
        else if (v instanceof java.sql.Timestamp t) j.writeString(t.toInstant().toString());
        else if (v instanceof java.time.Instant t) j.writeString(t.toString());
        else j.writeString(v.toString());
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    private static boolean hasFileEnding(Path dir, String ending) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(
                    p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ending));
        } catch (IOException e) {
            return false;
        }
    }

    private static UnreadableInputException unreadable(Path source, Format format, String why) {
        return new UnreadableInputException(
                existing(source), "cannot read it as " + format.name().toLowerCase(Locale.ROOT) + ": " + why);
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
