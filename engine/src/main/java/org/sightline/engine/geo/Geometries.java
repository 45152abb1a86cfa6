package org.sightline.engine.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** The one {@link GeometryFactory} of the engine (floating precision, SRID 0; the CRS is the stage's). */
public final class Geometries {
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 0);

    private Geometries() {}

    public static Point point(double x, double y) {
        return FACTORY.createPoint(new Coordinate(x, y));
    }

    public static Polygon emptyPolygon() {
        return FACTORY.createPolygon();
    }
}
