package org.sightline.engine.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Streams a GeoJSON FeatureCollection (RFC 7946) feature by feature, so a layer of millions of
 * features never sits in memory as text. Coordinates are written with a fixed number of decimals
 * (7 for degrees ≈ 1 cm; 3 for metres) so output is deterministic byte for byte; polygon exterior
 * rings are written counter-clockwise and holes clockwise, as RFC 7946 asks.
 *
 * <p>Property values may be {@code String}, {@code Number}, {@code Boolean} or {@code null}.
 * Use with {@link AtomicFiles#write} so an interrupted write never leaves a complete-looking file.
 */
public final class GeoJsonFeatureWriter implements Closeable {
    private static final JsonFactory JSON = new JsonFactory();
    private final JsonGenerator gen;
    private final int decimals;

    /**
     * @param decimals digits after the decimal point for coordinates (7 for WGS84 degrees)
     * @param crsName {@code null} for RFC 7946 WGS84; otherwise e.g. {@code EPSG:32617}, written as a
     *     legacy "crs" member so that QGIS reads metric output correctly
     */
    public GeoJsonFeatureWriter(OutputStream out, int decimals, String crsName) throws IOException {
        this.gen = JSON.createGenerator(out, JsonEncoding.UTF8);
        this.decimals = decimals;
        gen.writeStartObject();
        gen.writeStringField("type", "FeatureCollection");
        if (crsName != null) {
            gen.writeObjectFieldStart("crs");
            gen.writeStringField("type", "name");
            gen.writeObjectFieldStart("properties");
            gen.writeStringField("name", crsName);
            gen.writeEndObject();
            gen.writeEndObject();
        }
        gen.writeArrayFieldStart("features");
    }

    /** WGS84 output with 7 decimals. */
    public static GeoJsonFeatureWriter wgs84(OutputStream out) throws IOException {
        return new GeoJsonFeatureWriter(out, 7, null);
    }

    public void write(Geometry geometry, Map<String, ?> properties) throws IOException {
        gen.writeRaw('\n');
        gen.writeStartObject();
        gen.writeStringField("type", "Feature");
        gen.writeObjectFieldStart("properties");
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            gen.writeFieldName(e.getKey());
            writeValue(e.getValue());
        }
        gen.writeEndObject();
        gen.writeFieldName("geometry");
        if (geometry == null) gen.writeNull();
        else writeGeometry(geometry);
        gen.writeEndObject();
    }

    private void writeValue(Object v) throws IOException {
        if (v == null) gen.writeNull();
        else if (v instanceof Boolean b) gen.writeBoolean(b);
        else if (v instanceof Integer || v instanceof Long || v instanceof Short)
            gen.writeNumber(((Number) v).longValue());
        else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) gen.writeNumber(d);
            else gen.writeNull();
        } else gen.writeString(v.toString());
    }

    private void writeGeometry(Geometry g) throws IOException {
        gen.writeStartObject();
        if (g instanceof GeometryCollection gc
                && !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon)) {
            gen.writeStringField("type", "GeometryCollection");
            gen.writeArrayFieldStart("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) writeGeometry(gc.getGeometryN(i));
            gen.writeEndArray();
            gen.writeEndObject();
            return;
        }
        gen.writeStringField("type", g.getGeometryType());
        gen.writeFieldName("coordinates");
        writeCoordinates(g);
        gen.writeEndObject();
    }

    private void writeCoordinates(Geometry g) throws IOException {
        if (g instanceof Point p) {
            if (p.isEmpty()) {
                gen.writeStartArray();
                gen.writeEndArray();
            } else writePosition(p.getCoordinate());
        } else if (g instanceof LineString ls) {
            writeRing(ls.getCoordinates(), 0);
        } else if (g instanceof Polygon poly) {
            writePolygon(poly);
        } else {
            gen.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) writeCoordinates(g.getGeometryN(i));
            gen.writeEndArray();
        }
    }

    private void writePolygon(Polygon poly) throws IOException {
        gen.writeStartArray();
        if (!poly.isEmpty()) {
            writeRing(poly.getExteriorRing().getCoordinates(), +1);
            for (int i = 0; i < poly.getNumInteriorRing(); i++) {
                writeRing(poly.getInteriorRingN(i).getCoordinates(), -1);
            }
        }
        gen.writeEndArray();
    }

    /** orientation: +1 counter-clockwise, -1 clockwise, 0 as given. */
    private void writeRing(Coordinate[] coords, int orientation) throws IOException {
        boolean reverse = orientation != 0 && coords.length >= 4 && (Orientation.isCCW(coords) != (orientation > 0));
        gen.writeStartArray();
        for (int k = 0; k < coords.length; k++) {
            writePosition(coords[reverse ? coords.length - 1 - k : k]);
        }
        gen.writeEndArray();
    }

    private void writePosition(Coordinate c) throws IOException {
        gen.writeStartArray();
        gen.writeNumber(round(c.x).toPlainString());
        gen.writeNumber(round(c.y).toPlainString());
        gen.writeEndArray();
    }

    private BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    @Override
    public void close() throws IOException {
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeRaw('\n');
        gen.close();
    }
}
