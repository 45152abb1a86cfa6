package org.sightline.engine.model;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/** A street segment: a LineString or MultiLineString. */
public record Street(String id, String name, Geometry geometry) implements java.io.Serializable {
    public Street {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
        name = name == null ? "" : name;
    }

    public Street withGeometry(Geometry g) {
        return new Street(id, name, g);
    }
}
