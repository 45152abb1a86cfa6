package org.sightline.engine.synth;

import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.geo.Geometries;

/**
 * The city limits: a county-like star-shaped polygon of 96 vertices, radius r·(1 + 0.10 sin 2θ +
 * 0.07 sin 3θ + 0.04 sin 5θ) with seeded phases, in metres relative to the centre. Its area is
 * π r² (1 + 0.0083).
 */
final class CityBoundary {
    final Polygon polygon;
    private final IndexedPointInAreaLocator locator;

    CityBoundary(double radius, SplittableRandom rng) {
        double p2 = Seeds.uniform(rng, 0, 2 * Math.PI),
                p3 = Seeds.uniform(rng, 0, 2 * Math.PI),
                p5 = Seeds.uniform(rng, 0, 2 * Math.PI);
        int n = 96;
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double th = 2 * Math.PI * i / n;
            double r = radius
                    * (1
                            + 0.10 * StrictMath.sin(2 * th + p2)
                            + 0.07 * StrictMath.sin(3 * th + p3)
                            + 0.04 * StrictMath.sin(5 * th + p5));
            ring[i] = new Coordinate(r * StrictMath.cos(th), r * StrictMath.sin(th));
        }
        ring[n] = ring[0].copy();
        polygon = Geometries.FACTORY.createPolygon(ring);
        locator = new IndexedPointInAreaLocator(polygon);
        locator.locate(new Coordinate(0, 0)); // build the index now
    }

    boolean contains(double x, double y) {
        return locator.locate(new Coordinate(x, y)) == Location.INTERIOR;
    }

    double areaM2() {
        return polygon.getArea();
    }
}
