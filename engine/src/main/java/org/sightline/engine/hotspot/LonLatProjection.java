package org.sightline.engine.hotspot;

import org.locationtech.jts.geom.Coordinate;
import org.sightline.engine.geo.MetricCrs;

/**
 * Metric CRS ↔ WGS84 lon/lat, for H3 cells (H3 lives on the sphere). x = lon, y = lat in the
 * lon/lat coordinates.
 */
public interface LonLatProjection {
    Coordinate toLonLat(double x, double y);

    Coordinate toMetric(double lon, double lat);

    /** The transforms of a {@link MetricCrs}. */
    static LonLatProjection of(MetricCrs crs) {
        return new LonLatProjection() {
            @Override
            public Coordinate toLonLat(double x, double y) {
                return crs.toWgs84(x, y);
            }

            @Override
            public Coordinate toMetric(double lon, double lat) {
                return crs.toMetric(lon, lat);
            }

            @Override
            public String toString() {
                return crs.code();
            }
        };
    }
}
