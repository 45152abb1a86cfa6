package org.sightline.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.geo.Geometries;

/**
 * A GeoJSON geometry object → JTS, in the file's own CRS. Unclosed polygon rings are closed (and
 * {@link #closedRing()} reports it, so the caller can count a repair); anything else malformed is a
 * {@link RowRejected}. Only x and y are kept.
 */
final class GeoJsonGeometry {
    private static final GeometryFactory F = Geometries.FACTORY;
    private boolean closedRing;

    /** True when the last {@link #parse} closed an unclosed ring. */
    boolean closedRing() {
        return closedRing;
    }

    /** Starts a geometry built from positions read elsewhere ({@link #line}, {@link #polygon}). */
    void reset() {
        closedRing = false;
    }

    Geometry parse(JsonNode g) throws RowRejected {
        closedRing = false;
        if (g == null || g.isNull() || g.isMissingNode()) throw new RowRejected("missing geometry");
        if (!g.isObject()) throw new RowRejected("bad geometry: not a GeoJSON geometry object");
        String type = g.path("type").asText("");
        if (type.equals("GeometryCollection")) {
            List<Geometry> parts = new ArrayList<>();
            for (JsonNode child : g.path("geometries")) parts.add(parse(child));
            return F.createGeometryCollection(parts.toArray(new Geometry[0]));
        }
        JsonNode c = g.get("coordinates");
        if (c == null || c.isNull()) throw new RowRejected("empty geometry");
        try {
            return switch (type) {
                case "Point" -> c.isArray() && c.isEmpty() ? F.createPoint() : F.createPoint(position(c));
                case "MultiPoint" -> {
                    List<Point> pts = new ArrayList<>();
                    for (JsonNode p : array(c)) pts.add(F.createPoint(position(p)));
                    yield F.createMultiPoint(pts.toArray(new Point[0]));
                }
                case "LineString" -> line(c);
                case "MultiLineString" -> {
                    List<LineString> lines = new ArrayList<>();
                    for (JsonNode l : array(c)) lines.add(line(l));
                    yield F.createMultiLineString(lines.toArray(new LineString[0]));
                }
                case "Polygon" -> polygon(c);
                case "MultiPolygon" -> {
                    List<Polygon> polys = new ArrayList<>();
                    for (JsonNode p : array(c)) polys.add(polygon(p));
                    yield F.createMultiPolygon(polys.toArray(new Polygon[0]));
                }
                default -> throw new RowRejected("bad geometry: unknown type '" + type + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new RowRejected("bad geometry: " + e.getMessage());
        }
    }

    private LineString line(JsonNode c) throws RowRejected {
        return line(positions(c));
    }

    LineString line(Coordinate[] pts) throws RowRejected {
        if (pts.length == 1) throw new RowRejected("degenerate line (1 position)");
        return F.createLineString(pts);
    }

    private Polygon polygon(JsonNode c) throws RowRejected {
        List<Coordinate[]> rings = new ArrayList<>();
        for (JsonNode r : array(c)) rings.add(positions(r));
        return polygon(rings);
    }

    /** A polygon of rings (shell first), closing unclosed ones. */
    Polygon polygon(List<Coordinate[]> ringPositions) throws RowRejected {
        List<LinearRing> rings = new ArrayList<>(ringPositions.size());
        for (Coordinate[] r : ringPositions) rings.add(ring(r));
        if (rings.isEmpty()) return F.createPolygon();
        return F.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(new LinearRing[0]));
    }

    private LinearRing ring(Coordinate[] pts) throws RowRejected {
        if (pts.length > 0 && !pts[0].equals2D(pts[pts.length - 1])) {
            Coordinate[] closed = new Coordinate[pts.length + 1];
            System.arraycopy(pts, 0, closed, 0, pts.length);
            closed[pts.length] = pts[0].copy();
            pts = closed;
            closedRing = true;
        }
        if (pts.length > 0 && pts.length < 4)
            throw new RowRejected("degenerate polygon ring (" + (pts.length - 1) + " distinct positions)");
        return F.createLinearRing(pts);
    }

    private static Iterable<JsonNode> array(JsonNode c) throws RowRejected {
        if (!c.isArray()) throw new RowRejected("bad geometry: coordinates are not an array");
        return c;
    }

    private static Coordinate[] positions(JsonNode c) throws RowRejected {
        List<Coordinate> out = new ArrayList<>();
        for (JsonNode p : array(c)) out.add(position(p));
        return out.toArray(new Coordinate[0]);
    }

    private static Coordinate position(JsonNode p) throws RowRejected {
        if (!p.isArray() || p.size() < 2) throw new RowRejected("bad geometry: a position is not [x, y]");
        JsonNode x = p.get(0);
        JsonNode y = p.get(1);
        if (!x.isNumber() || !y.isNumber()) throw new RowRejected("non-numeric coordinate in geometry: " + p);
        double xv = x.doubleValue();
        double yv = y.doubleValue();
        if (!Double.isFinite(xv) || !Double.isFinite(yv))
            throw new RowRejected("non-numeric coordinate in geometry: " + p);
        return new Coordinate(xv, yv);
    }
}
