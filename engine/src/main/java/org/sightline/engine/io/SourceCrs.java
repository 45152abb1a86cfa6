package org.sightline.engine.io;

import java.util.Locale;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.geo.Geometries;

/**
 * The CRS a source file's coordinates are in, and the transform to WGS84 lon/lat. WGS84 itself
 * ({@code EPSG:4326}, {@code CRS84} and their URN spellings) is the identity; anything else is
 * decoded by GeoTools with x = easting / longitude forced first ({@code CRS.decode(code, true)}).
 */
final class SourceCrs {
    static final SourceCrs WGS84 = new SourceCrs("EPSG:4326", null);

    private final String code;
    private final MathTransform toWgs84;

    private SourceCrs(String code, MathTransform toWgs84) {
        this.code = code;
        this.toWgs84 = toWgs84;
    }

    /** @throws IllegalArgumentException for an unknown CRS code */
    static SourceCrs of(String code) {
        if (code == null || code.isBlank() || isWgs84(code)) return WGS84;
        try {
            CoordinateReferenceSystem source = CRS.decode(normalise(code), true);
            CoordinateReferenceSystem wgs84 = CRS.decode("EPSG:4326", true);
            return new SourceCrs(code.trim(), CRS.findMathTransform(source, wgs84, true));
        } catch (FactoryException e) {
            throw new IllegalArgumentException(
                    "unknown CRS '" + code + "': use an EPSG code such as EPSG:2264 (" + e.getMessage() + ")", e);
        }
    }

    private static final java.util.regex.Pattern EPSG_URN = java.util.regex.Pattern.compile(
            "(?i)(?:urn:ogc:def:crs:EPSG:[^:]*:|https?://www\\.opengis\\.net/def/crs/EPSG/[^/]*/)(\\d+)");

    /**
     * {@code urn:ogc:def:crs:EPSG::2264} and {@code http://www.opengis.net/def/crs/EPSG/0/2264} →
     * {@code EPSG:2264} (GeoTools' own URN parsing needs commons-lang3, which is not on our classpath).
     */
    static String normalise(String code) {
        var m = EPSG_URN.matcher(code.trim());
        return m.matches() ? "EPSG:" + m.group(1) : code.trim();
    }

    static boolean isWgs84(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT).replace("::", ":");
        return c.equals("EPSG:4326")
                || c.equals("CRS84")
                || c.equals("CRS:84")
                || c.equals("OGC:CRS84")
                || c.endsWith("OGC:1.3:CRS84")
                || c.endsWith("EPSG:4326")
                || c.endsWith("EPSG:6.6:4326")
                || c.equals("WGS84");
    }

    boolean isWgs84() {
        return toWgs84 == null;
    }

    String code() {
        return code;
    }

    /** The geometry in WGS84 lon/lat (a new object unless this is WGS84). */
    Geometry toWgs84(Geometry g) throws RowRejected {
        if (toWgs84 == null) return g;
        try {
            Geometry out = JTS.transform(g, toWgs84);
            return Geometries.FACTORY.createGeometry(out);
        } catch (TransformException | RuntimeException e) {
            throw new RowRejected("coordinates cannot be transformed from " + code + " to WGS84");
        }
    }
}
