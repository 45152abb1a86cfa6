package org.sightline.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Area;

class OutdoorAreaTest {
    @Test
    void footprintsInsideCountWholeAndCrossingOnesAreClipped() throws ParseException {
        Area left = new Area("L", "", g("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"));
        Area right = new Area("R", "", g("POLYGON ((100 0, 200 0, 200 100, 100 100, 100 0))"));
        List<Geometry> footprints = List.of(
                g("POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))"), // 100 m² in L
                g("POLYGON ((90 50, 110 50, 110 60, 90 60, 90 50))"), // 200 m², half in each
                g("POLYGON ((300 300, 310 300, 310 310, 300 310, 300 300))")); // outside both
        double[] outdoor = OutdoorArea.perArea(List.of(left, right), footprints);
        assertThat(outdoor[0]).isCloseTo(10_000 - 100 - 100, within(1e-9));
        assertThat(outdoor[1]).isCloseTo(10_000 - 100, within(1e-9));
    }

    private static Geometry g(String wkt) throws ParseException {
        return new WKTReader(Geometries.FACTORY).read(wkt);
    }
}
