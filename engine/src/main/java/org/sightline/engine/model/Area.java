package org.sightline.engine.model;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/** A neighbourhood, division or other reporting area: a valid (Multi)Polygon. */
public record Area(String id, String name, Geometry geometry) implements java.io.Serializable {
    public Area {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
        name = name == null ? "" : name;
    }

    public Area withGeometry(Geometry g) {
        return new Area(id, name, g);
    }
}
