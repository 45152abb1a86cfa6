package org.sightline.engine.io;

import org.locationtech.jts.geom.Geometry;

/**
 * A GeoJSON feature's {@code geometry} member as read, in the file's own CRS: JSON null (or no
 * member), a JTS geometry (with whether an unclosed ring was closed), or the reason it is not one.
 * Parsing happens while the file streams; the reject is raised when the row is turned into a record.
 */
record FeatureGeometry(Geometry geometry, boolean closedRing, String error) {
    /** {@code "geometry": null}, or no geometry member. */
    static final FeatureGeometry NULL = new FeatureGeometry(null, false, "missing geometry");

    static FeatureGeometry of(Geometry g, boolean closedRing) {
        return new FeatureGeometry(g, closedRing, null);
    }

    static FeatureGeometry rejected(String reason) {
        return new FeatureGeometry(null, false, reason);
    }

    boolean isNull() {
        return this == NULL;
    }

    /** The geometry, or the reject it stands for. */
    Geometry get() throws RowRejected {
        if (geometry == null) throw new RowRejected(error);
        return geometry;
    }
}
