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

    @Test
    void manyRandomFootprintsMatchExactOverlay() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        List<Area> areas = CoverageTest.gridAreas(600, 3);
        List<Geometry> footprints = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double x = 512_000 + rnd.nextDouble(-20, 620), y = 3_897_000 + rnd.nextDouble(-20, 620);
            footprints.add(Geometries.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(
                    x, x + rnd.nextDouble(1, 15), y, y + rnd.nextDouble(1, 15))));
        }
        // make them non-overlapping, as merged footprints are
        Geometry merged = org.locationtech.jts.operation.union.UnaryUnionOp.union(footprints);
        List<Geometry> parts = new java.util.ArrayList<>();
        for (int i = 0; i < merged.getNumGeometries(); i++) parts.add(merged.getGeometryN(i));
        double[] outdoor = OutdoorArea.perArea(areas, parts);
        for (int a = 0; a < areas.size(); a++) {
            Geometry ag = areas.get(a).geometry();
            double expected = ag.difference(merged).getArea();
            assertThat(outdoor[a]).as("area %d", a).isCloseTo(expected, within(1e-6 * ag.getArea()));
        }
    }

    private static Geometry g(String wkt) throws ParseException {
        return new WKTReader(Geometries.FACTORY).read(wkt);
    }
}
