package org.sightline.reports;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** A GeoJSON feature: geometry (in whatever CRS the reader produced) and its properties as text. */
public record Feature(Geometry geometry, Map<String, String> properties) {
    public String get(String key) {
        String v = properties.get(key);
        return v == null ? "" : v;
    }

    public double num(String key) {
        return Table.numOrNaN(properties, key);
    }

    public Feature withGeometry(Geometry g) {
        return new Feature(g, properties);
    }
}
