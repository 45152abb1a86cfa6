package org.sightline.engine.geo;

import java.util.Arrays;
import java.util.Objects;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Incident;
import org.sightline.engine.model.Street;

/**
 * A projected (metre) CRS and the transforms between it and WGS84 lon/lat, through GeoTools. Every
 * engine stage works in one of these; reprojection happens once, at the readers and writers.
 *
 * <p>Round trips WGS84 → metric → WGS84 are exact to well below 1 mm at city scale (tested).
 * Instances are immutable and thread-safe (GeoTools math transforms are).
 */
public final class MetricCrs {
    private final String code;
    private final CoordinateReferenceSystem crs;
    private final MathTransform toMetric;
    private final MathTransform toWgs84;

    private MetricCrs(String code, CoordinateReferenceSystem crs) {
        this.code = code;
        this.crs = crs;
        try {
            CoordinateReferenceSystem wgs84 = CRS.decode("EPSG:4326", true);
            this.toMetric = CRS.findMathTransform(wgs84, crs, true);
            this.toWgs84 = toMetric.inverse();
        } catch (FactoryException | org.geotools.api.referencing.operation.NoninvertibleTransformException e) {
            throw new IllegalArgumentException("no transform between WGS84 and " + code + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens GeoTools' EPSG database (its first use takes about a second) so that a later {@link
     * #of} answers at once; meant for a spare thread while inputs are read. Never throws: a failure
     * shows again, with its message, where the CRS is really needed.
     */
    public static void warmUp() {
        try {
            CRS.decode("EPSG:4326", true);
        } catch (FactoryException | RuntimeException e) {
            // reported by the real lookup
        }
    }

    /**
     * A CRS by code, e.g. {@code EPSG:32617}. Axis order is forced to easting/northing (x, y).
     *
     * @throws IllegalArgumentException if the code is unknown or the CRS is not projected in metres
     */
    public static MetricCrs of(String code) {
        Objects.requireNonNull(code, "code");
        CoordinateReferenceSystem crs;
        try {
            crs = CRS.decode(code.trim(), true);
        } catch (FactoryException e) {
            throw new IllegalArgumentException("unknown CRS '" + code + "': use an EPSG code such as EPSG:32617", e);
        }
        if (!(crs instanceof org.geotools.api.referencing.crs.ProjectedCRS)) {
            throw new IllegalArgumentException(
                    code + " is not a projected CRS; --metric-crs needs metres (e.g. a UTM zone, EPSG:326nn)");
        }
        var unit = crs.getCoordinateSystem().getAxis(0).getUnit();
        if (unit == null || !"m".equals(unit.toString())) {
            throw new IllegalArgumentException(code + " has axis unit " + unit + ", not metres; pick a metric CRS");
        }
        return new MetricCrs(code.trim().toUpperCase(java.util.Locale.ROOT), crs);
    }

    /** The WGS84 UTM zone (EPSG:326nn north, 327nn south) that contains lon/lat. */
    public static MetricCrs utmFor(double lon, double lat) {
        return of(utmCode(lon, lat));
    }

    /** {@code EPSG:326nn} / {@code EPSG:327nn} for the UTM zone of lon/lat. */
    public static String utmCode(double lon, double lat) {
        if (!(lon >= -180 && lon <= 180 && lat >= -80 && lat <= 84))
            throw new IllegalArgumentException("no UTM zone for lon " + lon + ", lat " + lat);
        int zone = (int) Math.floor((lon + 180) / 6) + 1;
        if (zone > 60) zone = 60;
        return "EPSG:" + ((lat >= 0 ? 32600 : 32700) + zone);
    }

    /** The UTM zone of the centre of a WGS84 envelope (the data's extent). */
    public static MetricCrs utmFor(Envelope wgs84Extent) {
        if (wgs84Extent.isNull()) throw new IllegalArgumentException("cannot choose a UTM zone for empty data");
        return utmFor(wgs84Extent.centre().x, wgs84Extent.centre().y);
    }

    public String code() {
        return code;
    }

    /** The EPSG number, e.g. 32617. */
    public int srid() {
        int colon = code.indexOf(':');
        return Integer.parseInt(code.substring(colon + 1));
    }

    public CoordinateReferenceSystem crs() {
        return crs;
    }

    /** lon/lat → x/y metres. */
    public Coordinate toMetric(double lon, double lat) {
        return transform(toMetric, new Coordinate(lon, lat));
    }

    /** x/y metres → lon/lat. */
    public Coordinate toWgs84(double x, double y) {
        return transform(toWgs84, new Coordinate(x, y));
    }

    /** A new geometry in metres; the argument (lon/lat) is not modified. */
    public <G extends Geometry> G toMetric(G lonLat) {
        return transform(toMetric, lonLat);
    }

    /** A new geometry in lon/lat; the argument (metres) is not modified. */
    public <G extends Geometry> G toWgs84(G metric) {
        return transform(toWgs84, metric);
    }

    public Camera toMetric(Camera c) {
        return c.withPosition(toMetric(c.position()));
    }

    public Incident toMetric(Incident i) {
        return i.withPosition(toMetric(i.position()));
    }

    public Footprint toMetric(Footprint f) {
        return f.withGeometry(toMetric(f.geometry()));
    }

    public Area toMetric(Area a) {
        return a.withGeometry(toMetric(a.geometry()));
    }

    public Street toMetric(Street s) {
        return s.withGeometry(toMetric(s.geometry()));
    }

    private static Coordinate transform(MathTransform t, Coordinate c) {
        try {
            return JTS.transform(c, new Coordinate(), t);
        } catch (TransformException e) {
            throw new IllegalArgumentException("cannot transform " + c + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <G extends Geometry> G transform(MathTransform t, G g) {
        try {
            return (G) transformed(t, g);
        } catch (TransformException e) {
            throw new IllegalArgumentException("cannot transform " + g.getGeometryType() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A copy of {@code g} with every coordinate sequence transformed in one batch call, in the
     * engine's factory. Same numbers as GeoTools' {@code JTS.transform} (which batches through a
     * 96-double buffer and then needs a second copy into our factory), with one array per ring.
     */
    private static Geometry transformed(MathTransform t, Geometry g) throws TransformException {
        GeometryFactory f = Geometries.FACTORY;
        if (g instanceof Point p)
            return f.createPoint(f.getCoordinateSequenceFactory().create(transformed(t, p.getCoordinateSequence())));
        if (g instanceof LinearRing r) return f.createLinearRing(transformed(t, r.getCoordinateSequence()));
        if (g instanceof LineString l) return f.createLineString(transformed(t, l.getCoordinateSequence()));
        if (g instanceof Polygon p) {
            LinearRing shell = (LinearRing) transformed(t, p.getExteriorRing());
            LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
            for (int i = 0; i < holes.length; i++) holes[i] = (LinearRing) transformed(t, p.getInteriorRingN(i));
            return f.createPolygon(shell, holes);
        }
        Geometry[] parts = new Geometry[g.getNumGeometries()];
        for (int i = 0; i < parts.length; i++) parts[i] = transformed(t, g.getGeometryN(i));
        if (g instanceof MultiPolygon) return f.createMultiPolygon(Arrays.copyOf(parts, parts.length, Polygon[].class));
        if (g instanceof MultiLineString)
            return f.createMultiLineString(Arrays.copyOf(parts, parts.length, LineString[].class));
        if (g instanceof MultiPoint) return f.createMultiPoint(Arrays.copyOf(parts, parts.length, Point[].class));
        return f.createGeometryCollection(parts);
    }

    private static Coordinate[] transformed(MathTransform t, CoordinateSequence seq) throws TransformException {
        int n = seq.size();
        Coordinate[] out = new Coordinate[n];
        if (n == 0) return out;
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = seq.getX(i);
            xy[2 * i + 1] = seq.getY(i);
        }
        t.transform(xy, 0, xy, 0, n);
        boolean hasZ = seq.hasZ();
        for (int i = 0; i < n; i++)
            out[i] = new Coordinate(xy[2 * i], xy[2 * i + 1], hasZ ? seq.getZ(i) : Coordinate.NULL_ORDINATE);
        return out;
    }

    /** Convenience for points, keeping the static type. */
    public Point toMetric(Point p) {
        return transform(toMetric, p);
    }

    @Override
    public String toString() {
        return code;
    }
}
