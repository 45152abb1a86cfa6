package org.sightline.engine.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.io.WKTReader;
import org.sightline.engine.geo.Geometries;

class SquareCellsTest {
    @Test
    void scanlineKeepsExactlyTheCellsWhoseCentreIsInTheRegion() {
        for (long seed = 1; seed <= 10; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            Geometry region = org.locationtech.jts.geom.util.AffineTransformation.translationInstance(-1234.5, 777.25)
                    .transform(Fixtures.randomRegion(rnd, 3000));
            double cell = 37 + rnd.nextInt(80);
            SquareCells cells = SquareCells.of(region, cell, 1.5 * cell);
            var locator = new IndexedPointInAreaLocator(region);
            // every raster cell of a generous envelope: in iff its centre is in the region
            var env = region.getEnvelopeInternal();
            GridSpec all = GridSpec.covering(
                    env.getMinX() - 200, env.getMinY() - 200, env.getMaxX() + 200, env.getMaxY() + 200, cell);
            int inside = 0;
            for (int k = 0; k < all.size(); k++) {
                double x = all.cx(k % all.width());
                double y = all.cy(k / all.width());
                boolean in = locator.locate(new Coordinate(x, y)) != Location.EXTERIOR;
                int i = cells.indexAt(x, y);
                assertThat(i >= 0)
                        .as("seed %d, cell %s at (%s, %s)", seed, all.id(k), x, y)
                        .isEqualTo(in);
                if (in) {
                    inside++;
                    assertThat(cells.id(i)).isEqualTo(all.id(k));
                    assertThat(cells.cx(i)).isEqualTo(x);
                    assertThat(cells.cy(i)).isEqualTo(y);
                }
            }
            assertThat(cells.size()).as("seed %d", seed).isEqualTo(inside);
        }
    }

    @Test
    void cellsAreAlignedToMultiplesOfTheCellSize() throws Exception {
        Geometry region = new WKTReader().read("POLYGON ((-130 -70, 180 -70, 180 90, -130 90, -130 -70))");
        SquareCells cells = SquareCells.of(region, 100, 150);
        // centres x ∈ {-50, 50, 150}, y ∈ {-50, 50}
        assertThat(cells.size()).isEqualTo(6);
        int i = cells.indexAt(-1, -1);
        assertThat(cells.id(i)).isEqualTo("-1_-1");
        assertThat(cells.polygon(i).norm())
                .isEqualTo(new WKTReader()
                        .read("POLYGON ((-100 -100, -100 0, 0 0, 0 -100, -100 -100))")
                        .norm());
        assertThat(cells.indexAt(-120, 10))
                .as("cell -2_0 has its centre outside")
                .isEqualTo(-1);
    }

    @Test
    void holesAndSeparatePartsAreRespected() throws Exception {
        Geometry region = new WKTReader()
                .read(
                        "MULTIPOLYGON (((0 0, 500 0, 500 500, 0 500, 0 0), (200 200, 300 200, 300 300, 200 300, 200 200)),"
                                + " ((1000 0, 1100 0, 1100 100, 1000 100, 1000 0)))");
        SquareCells cells = SquareCells.of(region, 100, 150);
        assertThat(cells.size()).isEqualTo(25 - 1 + 1);
        assertThat(cells.indexAt(250, 250)).isEqualTo(-1);
        assertThat(cells.indexAt(1050, 50)).isNotNegative();
        assertThat(cells.indexAt(750, 50)).isEqualTo(-1);
    }

    @Test
    void nonPolygonalRegionIsRejected() {
        assertThatThrownBy(() -> SquareCells.of(Geometries.point(1, 2), 100, 150))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Point");
    }

    @Test
    void aMillionCellsAreEnumerated() {
        Geometry region = Geometries.point(50_000, 50_000).buffer(56_500, 32);
        SquareCells cells = SquareCells.of(region, 100, 150);
        assertThat(cells.size()).isBetween(990_000, 1_015_000);
    }
}
