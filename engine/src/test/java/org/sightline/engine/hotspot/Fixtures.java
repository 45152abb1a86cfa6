package org.sightline.engine.hotspot;

import java.time.Instant;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Incident;

/** Shared test data: random regions, incidents and a local lon/lat projection. */
final class Fixtures {
    private Fixtures() {}

    static Incident incident(String id, double x, double y, double weight) {
        return new Incident(id, Geometries.point(x, y), Instant.EPOCH, "test", weight);
    }

    /** A union of a few random discs minus a smaller one, inside [0, size]² (may be a MultiPolygon). */
    static Geometry randomRegion(SplittableRandom rnd, double size) {
        Geometry g = Geometries.emptyPolygon();
        int discs = 2 + rnd.nextInt(3);
        for (int k = 0; k < discs; k++) {
            double r = size * (0.12 + 0.2 * rnd.nextDouble());
            double cx = r + rnd.nextDouble() * (size - 2 * r);
            double cy = r + rnd.nextDouble() * (size - 2 * r);
            g = g.union(Geometries.point(cx, cy).buffer(r, 6));
        }
        var c = g.getCentroid();
        return g.difference(c.buffer(size * 0.05, 4));
    }

    /** Equirectangular projection around Charlotte, NC: exact inverse, metres. */
    static LonLatProjection charlotte() {
        double lon0 = -80.84;
        double lat0 = 35.22;
        double r = 6_371_008.8;
        double ky = Math.PI / 180 * r;
        double kx = ky * Math.cos(Math.toRadians(lat0));
        return new LonLatProjection() {
            @Override
            public Coordinate toLonLat(double x, double y) {
                return new Coordinate(lon0 + x / kx, lat0 + y / ky);
            }

            @Override
            public Coordinate toMetric(double lon, double lat) {
                return new Coordinate((lon - lon0) * kx, (lat - lat0) * ky);
            }
        };
    }
}
