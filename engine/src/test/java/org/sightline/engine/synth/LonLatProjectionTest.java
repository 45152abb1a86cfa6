package org.sightline.engine.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.sightline.engine.geo.MetricCrs;

class LonLatProjectionTest {
    @Test
    void writtenCoordinatesMapBackWithinAMillimetre() {
        MetricCrs utm = MetricCrs.of(SyntheticCity.METRIC_CRS);
        LonLatProjection p = new LonLatProjection(utm, -80.843, 35.227);
        SplittableRandom rng = new SplittableRandom(42);
        double worst = 0;
        double[] xy = new double[2], ll = new double[2];
        for (int i = 0; i < 2_000; i++) {
            xy[0] = Seeds.uniform(rng, -60_000, 60_000);
            xy[1] = Seeds.uniform(rng, -60_000, 60_000);
            p.toLonLat(xy, 1, ll);
            Coordinate back = utm.toMetric(
                    Double.parseDouble(Decimals.format(ll[0], 8)), Double.parseDouble(Decimals.format(ll[1], 8)));
            worst = Math.max(worst, Math.hypot(back.x - p.cx - xy[0], back.y - p.cy - xy[1]));
        }
        assertThat(worst).as("seed 42").isLessThan(0.001);
    }

    @Test
    void idsArePaddedNotTruncated() {
        assertThat(Decimals.id("CAM-", 7, 5)).isEqualTo("CAM-00007");
        assertThat(Decimals.id("CAM-", 123456, 5)).isEqualTo("CAM-123456");
    }
}
