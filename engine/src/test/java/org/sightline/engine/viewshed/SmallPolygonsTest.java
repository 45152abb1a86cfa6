package org.sightline.engine.viewshed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sightline.engine.viewshed.Scenes.wkt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.engine.geo.Geometries;

/** The footprint shortcuts against JTS on random small polygons on a coarse grid (many degeneracies). */
class SmallPolygonsTest {

    @Test
    void provenValidImpliesJtsValid() {
        long seed = 41;
        Random rnd = new Random(seed);
        int proven = 0, valid = 0;
        for (int k = 0; k < 20_000; k++) {
            Polygon p = randomRing(rnd, 3 + rnd.nextInt(6), 6);
            boolean jts = p.isValid();
            boolean fast = SmallPolygons.provenValid(p);
            if (fast) proven++;
            if (jts) valid++;
            assertThat(!fast || jts).as("seed %d case %d: %s", seed, k, p).isTrue();
        }
        assertThat(proven).as("most valid rings are proven").isGreaterThan(valid * 3 / 4);
    }

    @Test
    void rejectsSpikesTouchesAndCollapsedRings() {
        assertThat(SmallPolygons.provenValid(wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")))
                .isTrue();
        assertThat(SmallPolygons.provenValid(wkt("POLYGON ((0 0, 10 0, 20 0, 10 0, 10 10, 0 0))")))
                .isFalse(); // spike
        assertThat(SmallPolygons.provenValid(wkt("POLYGON ((0 0, 10 0, 5 5, 10 10, 0 10, 5 5, 0 0))")))
                .isFalse(); // self-touching vertex
        assertThat(SmallPolygons.provenValid(wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")))
                .isFalse(); // bow-tie
        assertThat(SmallPolygons.provenValid(wkt("POLYGON ((0 0, 10 0, 5 0, 0 0))")))
                .isFalse(); // collapsed
        assertThat(SmallPolygons.provenValid(wkt("POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0), (1 1, 2 1, 2 2, 1 1))")))
                .isFalse(); // holes are left to JTS
    }

    @Test
    void intersectsAgreesWithJts() {
        long seed = 43;
        Random rnd = new Random(seed);
        int meeting = 0;
        for (int k = 0; k < 20_000; k++) {
            Polygon a = validRing(rnd), b = validRing(rnd);
            boolean jts = a.intersects(b);
            if (jts) meeting++;
            assertThat(SmallPolygons.intersects(a, b))
                    .as("seed %d case %d: %s / %s", seed, k, a, b)
                    .isEqualTo(jts);
        }
        assertThat(meeting).isBetween(2_000, 18_000);
    }

    @Test
    void sharedWallUnionEqualsTheOverlayUnion() {
        long seed = 47;
        Random rnd = new Random(seed);
        int fast = 0;
        for (int k = 0; k < 5_000; k++) {
            List<Polygon> parts = new ArrayList<>();
            if (rnd.nextBoolean()) { // a terrace on the grid, sometimes with a misfit
                int n = 2 + rnd.nextInt(4), x = 0, h = 1 + rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    int w = 1 + rnd.nextInt(3), y = rnd.nextInt(3) == 0 ? rnd.nextInt(2) : 0;
                    parts.add(Scenes.rect(x, y, w, h + rnd.nextInt(2)));
                    x += w - (rnd.nextInt(8) == 0 ? 1 : 0);
                }
            } else {
                for (int i = 0; i < 2 + rnd.nextInt(3); i++) parts.add(validRing(rnd));
            }
            Optional<Polygon> u = SharedWallUnion.of(parts);
            if (u.isEmpty()) continue;
            fast++;
            var ref = UnaryUnionOp.union(parts);
            assertThat(u.get().isValid()).isTrue();
            assertThat(u.get().equalsTopo(ref))
                    .as("seed %d case %d: %s vs %s", seed, k, parts, ref)
                    .isTrue();
        }
        assertThat(fast).isGreaterThan(250);
    }

    @Test
    void overlappingOrPinchedGroupsAreLeftToJts() {
        assertThat(SharedWallUnion.of(List.of(Scenes.rect(0, 0, 2, 2), Scenes.rect(1, 0, 2, 2))))
                .isEmpty();
        assertThat(SharedWallUnion.of(List.of(Scenes.rect(0, 0, 2, 2), Scenes.rect(2, 2, 2, 2))))
                .isEmpty();
        assertThat(SharedWallUnion.of(List.of(Scenes.rect(0, 0, 2, 2), Scenes.rect(2, 0, 2, 1))))
                .isEmpty(); // a T-junction: the walls do not match vertex for vertex
    }

    private static Polygon validRing(Random rnd) {
        while (true) {
            Polygon p = randomRing(rnd, 3 + rnd.nextInt(5), 6);
            if (SmallPolygons.provenValid(p)) return p;
        }
    }

    private static Polygon randomRing(Random rnd, int n, int grid) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) cs[i] = new Coordinate(rnd.nextInt(grid), rnd.nextInt(grid));
        cs[n] = cs[0].copy();
        return Geometries.FACTORY.createPolygon(cs);
    }
}
