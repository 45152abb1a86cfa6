package org.sightline.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.engine.geo.Geometries;

class CoverageIndexTest {
    @Test
    void pointsAreCoveredExactlyWhenTheUnionCoversThem() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            List<CameraView> views = CoverageTest.randomViews(rnd, 12, 60);
            Geometry union =
                    UnaryUnionOp.union(views.stream().map(CameraView::viewshed).toList());
            CoverageIndex index = new CoverageIndex(views);
            for (int k = 0; k < 500; k++) {
                double x = 512_000 + rnd.nextDouble(-5, 65), y = 3_897_000 + rnd.nextDouble(-5, 65);
                boolean expected = union.covers(Geometries.point(x, y));
                assertThat(index.covered(x, y))
                        .as("seed %d point %f %f", seed, x, y)
                        .isEqualTo(expected);
                long count = views.stream()
                        .filter(v -> v.viewshed().covers(Geometries.point(x, y)))
                        .count();
                assertThat(index.count(x, y, false)).as("seed %d", seed).isEqualTo((int) count);
            }
        }
    }
}
