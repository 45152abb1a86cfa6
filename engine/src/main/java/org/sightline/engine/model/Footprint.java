package org.sightline.engine.model;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A building footprint: a valid, non-empty Polygon or MultiPolygon.
 *
 * @param heightM building height in metres, {@code NaN} when unknown
 * @param use e.g. {@code residential}, {@code commercial}; empty when unknown
 */
public record Footprint(String id, Geometry geometry, double heightM, String use) implements java.io.Serializable {
    public Footprint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
        use = use == null ? "" : use;
        if (geometry.isEmpty()) throw new IllegalArgumentException("footprint " + id + " is empty");
        String type = geometry.getGeometryType();
        if (!type.equals("Polygon") && !type.equals("MultiPolygon"))
            throw new IllegalArgumentException("footprint " + id + " must be a (Multi)Polygon, was " + type);
    }

    public boolean hasHeight() {
        return !Double.isNaN(heightM);
    }

    public Footprint withGeometry(Geometry g) {
        return new Footprint(id, g, heightM, use);
    }
}
