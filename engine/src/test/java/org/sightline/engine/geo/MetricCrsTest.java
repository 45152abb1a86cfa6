package org.sightline.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class MetricCrsTest {

    @Test
    void picksTheUtmZoneOfTheDataCentre() {
        assertThat(MetricCrs.utmCode(-80.843, 35.227)).isEqualTo("EPSG:32617"); // Charlotte
        assertThat(MetricCrs.utmCode(-83.1, 42.4)).isEqualTo("EPSG:32617"); // Detroit
        assertThat(MetricCrs.utmCode(-90.07, 29.95)).isEqualTo("EPSG:32615"); // New Orleans
        assertThat(MetricCrs.utmCode(-76.61, 39.29)).isEqualTo("EPSG:32618"); // Baltimore
        assertThat(MetricCrs.utmCode(151.2, -33.87)).isEqualTo("EPSG:32756"); // Sydney
    }

    @Test
    void knownPointProjectsToItsPublishedUtmCoordinates() {
        // lon -81, lat 35 is on the central meridian of zone 17: easting exactly 500 000 m.
        Coordinate c = MetricCrs.of("EPSG:32617").toMetric(-81.0, 35.0);
        assertThat(c.x).isCloseTo(500_000.0, within(1e-6));
        // northing = k0 × meridian arc length to 35°N, by the closed-form series (WGS84)
        assertThat(c.y).isCloseTo(0.9996 * meridianArc(Math.toRadians(35)), within(0.001));
    }

    private static double meridianArc(double phi) {
        double a = 6_378_137.0;
        double f = 1 / 298.257223563;
        double e2 = f * (2 - f);
        double e4 = e2 * e2;
        double e6 = e4 * e2;
        return a
                * ((1 - e2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi
                        - (3 * e2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * Math.sin(2 * phi)
                        + (15 * e4 / 256 + 45 * e6 / 1024) * Math.sin(4 * phi)
                        - (35 * e6 / 3072) * Math.sin(6 * phi));
    }

    @Test
    void roundTripErrorIsBelowOneMillimetreAtCityScale() {
        long seed = 20261125L;
        SplittableRandom rnd = new SplittableRandom(seed);
        MetricCrs utm = MetricCrs.utmFor(-80.843, 35.227);
        double worstMetres = 0;
        for (int i = 0; i < 10_000; i++) {
            // a 60 km square around Charlotte: county scale
            double lon = -80.843 + rnd.nextDouble(-0.33, 0.33);
            double lat = 35.227 + rnd.nextDouble(-0.27, 0.27);
            Coordinate m = utm.toMetric(lon, lat);
            Coordinate back = utm.toWgs84(m.x, m.y);
            Coordinate again = utm.toMetric(back.x, back.y);
            worstMetres = Math.max(worstMetres, m.distance(again));
            double dLonM = (back.x - lon) * 111_320 * Math.cos(Math.toRadians(lat));
            double dLatM = (back.y - lat) * 110_574;
            worstMetres = Math.max(worstMetres, Math.hypot(dLonM, dLatM));
        }
        assertThat(worstMetres)
                .as("seed %d: worst round-trip error in metres", seed)
                .isLessThan(0.001);
    }

    @Test
    void geometriesAreReprojectedWithoutTouchingTheInput() {
        MetricCrs utm = MetricCrs.of("EPSG:32617");
        Polygon lonLat = (Polygon)
                Geometries.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(-80.844, -80.843, 35.227, 35.228));
        String before = lonLat.toText();
        Polygon metric = utm.toMetric(lonLat);
        assertThat(lonLat.toText()).isEqualTo(before);
        // about 91 m wide and 111 m tall at 35°N
        assertThat(metric.getArea()).isCloseTo(91.1 * 110.9, within(150.0));
        Polygon back = utm.toWgs84(metric);
        assertThat(back.getEnvelopeInternal().getMinX()).isCloseTo(-80.844, within(1e-9));
    }

    @Test
    void rejectsNonMetricAndUnknownCodesWithAClearMessage() {
        assertThatThrownBy(() -> MetricCrs.of("EPSG:4326"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a projected CRS");
        assertThatThrownBy(() -> MetricCrs.of("EPSG:999999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown CRS");
        // NC State Plane in US feet is projected but not metric
        assertThatThrownBy(() -> MetricCrs.of("EPSG:2264"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not metres");
    }
}
