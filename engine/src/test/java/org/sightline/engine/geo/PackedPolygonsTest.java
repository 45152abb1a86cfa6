package org.sightline.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

class PackedPolygonsTest {
    /** The packed disk area is CircleArea.of on the geometry, bit for bit, holes and parts included. */
    @Test
    void diskAreaIsCircleAreaOfTheGeometry() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            List<Geometry> gs = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                Geometry g = Geometries.point(rnd.nextDouble(0, 200), rnd.nextDouble(0, 200))
                        .buffer(rnd.nextDouble(5, 40), 2 + rnd.nextInt(8));
                if (rnd.nextBoolean()) { // a hole, or a second part
                    Geometry b = Geometries.FACTORY.toGeometry(new Envelope(
                            g.getCentroid().getX() - 3, g.getCentroid().getX() + 3,
                            g.getCentroid().getY() - 3, g.getCentroid().getY() + 3));
                    Geometry other = Geometries.point(rnd.nextDouble(0, 200), rnd.nextDouble(0, 200))
                            .buffer(rnd.nextDouble(5, 30), 3);
                    g = rnd.nextBoolean() ? g.difference(b) : g.union(other);
                }
                if (k == 5) g = Geometries.FACTORY.createPolygon(); // empty
                gs.add(g);
            }
            PackedPolygons p = PackedPolygons.of(gs);
            assertThat(p.size()).isEqualTo(gs.size());
            for (int q = 0; q < 200; q++) {
                double cx = rnd.nextDouble(-50, 250), cy = rnd.nextDouble(-50, 250), r = rnd.nextDouble(0.5, 60);
                for (int k = 0; k < gs.size(); k++) {
                    assertThat(p.diskArea(k, cx, cy, r))
                            .as("seed %d, geometry %d, disk (%s, %s, %s)", seed, k, cx, cy, r)
                            .isEqualTo(CircleArea.of(cx, cy, r, gs.get(k)));
                }
            }
        }
    }
}
