package org.sightline.engine.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.geo.Geometries;

/**
 * A GeoJSON geometry object read straight from the token stream into JTS, without a JSON tree.
 * Only the well-formed case is handled here: a string {@code type} among Point, LineString,
 * Polygon and their Multi forms, with {@code coordinates} nested to the matching depth, every
 * position at least two finite numbers. Anything else (an empty array, a GeometryCollection, a
 * position that is not numeric, a degenerate ring ...) is read again from the file as a tree and
 * handed to {@link GeoJsonGeometry}, so rejects keep their exact reasons and the two paths cannot
 * disagree.
 */
final class GeoJsonGeometryReader {
    /** Re-reads the bytes [start, end) of the file (parser offsets) as a JSON tree. */
    interface Rereader {
        JsonNode tree(long start, long end) throws IOException;
    }

    private static final GeometryFactory F = Geometries.FACTORY;

    /** Thrown (without a stack trace) to leave the fast path. */
    private static final class Unusual extends Exception {
        Unusual() {
            super(null, null, false, false);
        }
    }

    private static final Unusual UNUSUAL = new Unusual();

    private final GeoJsonGeometry builder = new GeoJsonGeometry();
    private final Rereader rereader;
    private double[] buf = new double[64];

    GeoJsonGeometryReader(Rereader rereader) {
        this.rereader = rereader;
    }

    /**
     * The geometry object at the parser's current {@code START_OBJECT}; returns with the parser on
     * its {@code END_OBJECT}.
     */
    FeatureGeometry read(JsonParser p) throws IOException {
        long start = p.currentTokenLocation().getByteOffset();
        JsonStreamContext outside = p.getParsingContext().getParent();
        try {
            return fast(p);
        } catch (Unusual e) {
            while (p.getParsingContext() != outside) {
                if (p.nextToken() == null) throw new IOException("unexpected end of input in a geometry");
            }
            return slow(rereader.tree(start, p.currentLocation().getByteOffset()));
        }
    }

    /** The tree path: what {@link GeoJsonGeometry#parse} makes of the member's value. */
    FeatureGeometry slow(JsonNode g) {
        try {
            Geometry geometry = builder.parse(g);
            return FeatureGeometry.of(geometry, builder.closedRing());
        } catch (RowRejected e) {
            return FeatureGeometry.rejected(e.getMessage());
        }
    }

    private FeatureGeometry fast(JsonParser p) throws IOException, Unusual {
        String type = null;
        Object coordinates = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            switch (name) {
                case "type" -> {
                    if (t != JsonToken.VALUE_STRING) throw UNUSUAL;
                    type = p.getText();
                }
                case "coordinates" -> {
                    if (t != JsonToken.START_ARRAY) throw UNUSUAL;
                    coordinates = content(p, p.nextToken());
                }
                default -> p.skipChildren();
            }
        }
        if (type == null || coordinates == null) throw UNUSUAL;
        builder.reset();
        try {
            Geometry g = switch (type) {
                case "Point" -> F.createPoint(position(coordinates));
                case "MultiPoint" -> {
                    Coordinate[] pts = positions(coordinates);
                    Point[] points = new Point[pts.length];
                    for (int i = 0; i < pts.length; i++) points[i] = F.createPoint(pts[i]);
                    yield F.createMultiPoint(points);
                }
                case "LineString" -> line(coordinates);
                case "MultiLineString" -> {
                    List<?> parts = parts(coordinates, 3);
                    LineString[] lines = new LineString[parts.size()];
                    for (int i = 0; i < lines.length; i++) lines[i] = line(parts.get(i));
                    yield F.createMultiLineString(lines);
                }
                case "Polygon" -> polygon(coordinates);
                case "MultiPolygon" -> {
                    List<?> parts = parts(coordinates, 4);
                    Polygon[] polys = new Polygon[parts.size()];
                    for (int i = 0; i < polys.length; i++) polys[i] = polygon(parts.get(i));
                    yield F.createMultiPolygon(polys);
                }
                default -> throw UNUSUAL;
            };
            return FeatureGeometry.of(g, builder.closedRing());
        } catch (RowRejected | IllegalArgumentException e) {
            throw UNUSUAL;
        }
    }

    // ---- coordinates: double[] {x, y} = a position; Positions = depth 2; Parts = depth >= 3 ----

    private record Positions(double[] xy, int n) {}

    private record Parts(int depth, List<Object> items) {}

    private static int depth(Object o) {
        if (o instanceof double[]) return 1;
        if (o instanceof Positions) return 2;
        return ((Parts) o).depth();
    }

    /** The array whose first inner token is {@code t}; consumes its END_ARRAY. */
    private Object content(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            double[] xy = new double[2];
            position(p, xy, 0);
            return xy;
        }
        if (t != JsonToken.START_ARRAY) throw UNUSUAL;
        JsonToken inner = p.nextToken();
        if (inner == JsonToken.VALUE_NUMBER_FLOAT || inner == JsonToken.VALUE_NUMBER_INT) {
            int n = 0;
            do {
                if (2 * n + 2 > buf.length) buf = Arrays.copyOf(buf, 2 * buf.length);
                position(p, buf, 2 * n);
                n++;
                t = p.nextToken();
                if (t != JsonToken.START_ARRAY) break;
                inner = p.nextToken();
                if (inner != JsonToken.VALUE_NUMBER_FLOAT && inner != JsonToken.VALUE_NUMBER_INT) throw UNUSUAL;
            } while (true);
            if (t != JsonToken.END_ARRAY) throw UNUSUAL;
            return new Positions(Arrays.copyOf(buf, 2 * n), n);
        }
        List<Object> items = new ArrayList<>(4);
        Object first = content(p, inner);
        items.add(first);
        int depth = depth(first);
        while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
            Object next = content(p, p.nextToken());
            if (depth(next) != depth) throw UNUSUAL;
            items.add(next);
        }
        if (t != JsonToken.END_ARRAY) throw UNUSUAL;
        return new Parts(depth + 1, items);
    }

    /** The parser is on x; reads y and any further numbers, up to the position's END_ARRAY. */
    private static void position(JsonParser p, double[] out, int at) throws IOException, Unusual {
        double x = p.getDoubleValue();
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) throw UNUSUAL;
        double y = p.getDoubleValue();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) throw UNUSUAL;
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw UNUSUAL;
        out[at] = x;
        out[at + 1] = y;
    }

    private static Coordinate position(Object o) throws Unusual {
        if (!(o instanceof double[] xy)) throw UNUSUAL;
        return new Coordinate(xy[0], xy[1]);
    }

    private static Coordinate[] positions(Object o) throws Unusual {
        if (!(o instanceof Positions ps)) throw UNUSUAL;
        Coordinate[] out = new Coordinate[ps.n()];
        for (int i = 0; i < out.length; i++) out[i] = new Coordinate(ps.xy()[2 * i], ps.xy()[2 * i + 1]);
        return out;
    }

    private static List<?> parts(Object o, int depth) throws Unusual {
        if (!(o instanceof Parts ps) || ps.depth() != depth) throw UNUSUAL;
        return ps.items();
    }

    private LineString line(Object o) throws Unusual, RowRejected {
        Coordinate[] pts = positions(o);
        if (pts.length < 2) throw UNUSUAL;
        return builder.line(pts);
    }

    private Polygon polygon(Object o) throws Unusual, RowRejected {
        List<?> rings = parts(o, 3);
        List<Coordinate[]> pts = new ArrayList<>(rings.size());
        for (Object r : rings) pts.add(positions(r));
        return builder.polygon(pts);
    }
}
