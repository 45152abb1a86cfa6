package org.sightline.jobs.output;

import java.util.Optional;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.geo.MetricCrs;

/**
 * Where output coordinates go: WGS84 lon/lat (RFC 7946, the default) or the CRS of
 * {@code --output-crs}. Geometries come in the metric CRS of the run.
 */
public final class OutputCrs {
    private final MetricCrs metric;
    private final String code; // null = WGS84
    private final MathTransform transform;

    private OutputCrs(MetricCrs metric, String code, MathTransform transform) {
        this.metric = metric;
        this.code = code;
        this.transform = transform;
    }

    public static OutputCrs of(MetricCrs metric, Optional<String> outputCrs) {
        if (outputCrs.isEmpty()) return new OutputCrs(metric, null, null);
        String c = outputCrs.get().trim().toUpperCase(java.util.Locale.ROOT);
        if (c.equals("EPSG:4326") || c.equals("CRS:84")) return new OutputCrs(metric, null, null);
        try {
            CoordinateReferenceSystem target = CRS.decode(c, true);
            return new OutputCrs(metric, c, CRS.findMathTransform(metric.crs(), target, true));
        } catch (FactoryException e) {
            throw new IllegalArgumentException("unknown --output-crs '" + outputCrs.get() + "': use an EPSG code", e);
        }
    }

    public boolean isWgs84() {
        return code == null;
    }

    /** The name for a GeoJSON "crs" member, or null for RFC 7946 WGS84. */
    public String crsName() {
        return code;
    }

    /** Decimals for coordinates: 7 for degrees (≈ 1 cm), 3 for metres or feet. */
    public int decimals() {
        return isWgs84() ? 7 : 3;
    }

    /** Column names for a point's coordinates in CSV: lon/lat or x/y. */
    public String xName() {
        return isWgs84() ? "lon" : "x";
    }

    public String yName() {
        return isWgs84() ? "lat" : "y";
    }

    public <G extends Geometry> G apply(G metricGeometry) {
        if (isWgs84()) return metric.toWgs84(metricGeometry);
        try {
            @SuppressWarnings("unchecked")
            G out = (G) Geometries.FACTORY.createGeometry(JTS.transform(metricGeometry, transform));
            return out;
        } catch (TransformException e) {
            throw new IllegalArgumentException("cannot transform to " + code + ": " + e.getMessage(), e);
        }
    }

    /**
     * A metric geometry as it will be written: transformed, then snapped to the written precision
     * with topology preserved, so that a valid sliver (a few cm² of viewshed in a gap between two
     * buildings) never becomes an invalid ring after rounding; it may collapse to empty instead.
     */
    public Geometry forOutput(Geometry metricGeometry) {
        Geometry g = apply(metricGeometry);
        if (g.isEmpty() || !(g instanceof org.locationtech.jts.geom.Polygonal)) return g;
        Geometry reduced = org.locationtech.jts.precision.GeometryPrecisionReducer.reduce(
                g, new org.locationtech.jts.geom.PrecisionModel(Math.pow(10, decimals())));
        return reduced.isEmpty() ? Geometries.FACTORY.createPolygon() : reduced;
    }

    public Coordinate point(double x, double y) {
        if (isWgs84()) return metric.toWgs84(x, y);
        try {
            return JTS.transform(new Coordinate(x, y), new Coordinate(), transform);
        } catch (TransformException e) {
            throw new IllegalArgumentException("cannot transform to " + code + ": " + e.getMessage(), e);
        }
    }

    public double roundCoordinate(double v) {
        double f = Math.pow(10, decimals());
        return Math.rint(v * f) / f;
    }
}
