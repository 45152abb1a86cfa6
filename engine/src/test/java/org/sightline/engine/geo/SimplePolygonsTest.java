package org.sightline.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;

class SimplePolygonsTest {
    private static Geometry wkt(String wkt) {
        try {
            return new WKTReader(Geometries.FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void simpleSmallShellsAreProvenValid() {
        assertThat(SimplePolygons.isValid(wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")))
                .isTrue();
        assertThat(SimplePolygons.isValid(wkt("POLYGON ((0 0, 10 0, 5 8, 0 0))")))
                .isTrue();
        assertThat(SimplePolygons.isValid(wkt("POLYGON ((0 0, 6 0, 6 4, 3 4, 3 8, 0 8, 0 0))")))
                .isTrue();
    }

    @Test
    void anythingUnusualIsLeftToIsValidOp() {
        // bow-tie, spike, repeated vertex, collinear vertex, hole, multipolygon, too many vertices
        for (String w : new String[] {
            "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))",
            "POLYGON ((0 0, 10 0, 10 10, 10 15, 10 10, 0 10, 0 0))",
            "POLYGON ((0 0, 10 0, 10 10, 10 10, 0 10, 0 0))",
            "POLYGON ((0 0, 5 0, 10 0, 10 10, 0 10, 0 0))",
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 2))",
            "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 0)))",
            "POLYGON ((0 0, 1 0, 2 0.1, 3 0.3, 4 0.6, 5 1, 6 1.5, 7 2.1, 8 2.8, 0 9, 0 0))",
            "POLYGON ((0 0, 4 0, 4 4, 2 4, 2 2, 2 4, 0 4, 0 0))",
            "POLYGON ((0 0, 10 0, 5 0, 0 0))",
            "POLYGON EMPTY"
        }) {
            assertThat(SimplePolygons.isValid(wkt(w))).as(w).isFalse();
        }
    }

    @Test
    void neverCallsValidWhatIsValidOpRejects() {
        long seed = 20261125L;
        SplittableRandom random = new SplittableRandom(seed);
        int proven = 0;
        for (int i = 0; i < 50_000; i++) {
            int n = 3 + random.nextInt(SimplePolygons.MAX_VERTICES - 2);
            Coordinate[] ring = new Coordinate[n + 1];
            int grid = 2 + random.nextInt(6); // small integer grids make touches and collinear runs common
            for (int k = 0; k < n; k++) ring[k] = new Coordinate(random.nextInt(grid), random.nextInt(grid));
            ring[n] = ring[0].copy();
            Geometry p = Geometries.FACTORY.createPolygon(ring);
            if (SimplePolygons.isValid(p)) {
                proven++;
                assertThat(new IsValidOp(p).isValid())
                        .as("seed %d, case %d: %s", seed, i, p)
                        .isTrue();
            }
        }
        assertThat(proven).as("seed %d: some random rings are simple", seed).isGreaterThan(1000);
    }
}
