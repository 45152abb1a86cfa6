package org.sightline.engine.viewshed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sightline.engine.viewshed.GeometryAssert.assertSameArea;
import static org.sightline.engine.viewshed.Scenes.footprints;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.geo.Geometries;

class FootprintsTest {

    @Test
    void sharedWallsAndOverlapsMergeIntoOnePolygon() {
        Footprints fp = Footprints.of(footprints(
                "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
                "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))", // shares the wall x = 10
                "POLYGON ((15 5, 25 5, 25 15, 15 15, 15 5))", // overlaps the second
                "POLYGON ((40 0, 50 0, 50 10, 40 10, 40 0))")); // alone
        assertThat(fp.merged()).hasSize(2);
        assertThat(fp.occluderCount()).isEqualTo(4);
        assertSameArea(
                "MULTIPOLYGON (((0 0, 20 0, 20 5, 25 5, 25 15, 15 15, 15 10, 0 10, 0 0)),"
                        + " ((40 0, 50 0, 50 10, 40 10, 40 0)))",
                fp.asGeometry(),
                1e-9);
        assertThat(fp.edgeCount()).as("collinear vertices of the inputs stay").isEqualTo(10 + 4);
    }

    @Test
    void courtyardsStayHoles() {
        Footprints fp = Footprints.of(footprints(
                "POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))",
                "POLYGON ((30 0, 40 0, 40 10, 30 10, 30 0))"));
        assertThat(fp.merged()).hasSize(1);
        assertThat(fp.merged().get(0).getNumInteriorRing()).isEqualTo(1);
    }

    @Test
    void footprintsTouchingAtACornerAreOneGroupOfTwoPolygons() {
        Footprints fp = Footprints.of(
                footprints("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))"));
        assertThat(fp.merged()).hasSize(2);
        assertThat(fp.edgeCount()).isEqualTo(8);
    }

    @Test
    void lowFootprintsDoNotOccludeButUnknownHeightsDo() {
        String sq = "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))";
        Footprints fp = Footprints.of(
                List.of(
                        Scenes.footprint("low", sq, 1.9),
                        Scenes.footprint("tall", "POLYGON ((20 0, 30 0, 30 10, 20 10, 20 0))", 2),
                        Scenes.footprint("unknown", "POLYGON ((40 0, 50 0, 50 10, 40 10, 40 0))", Double.NaN)),
                2);
        assertThat(fp.occluderCount()).isEqualTo(2);
        assertThat(fp.inputCount()).isEqualTo(3);
        assertThat(fp.merged()).hasSize(2);
        assertThat(Footprints.of(List.of(Scenes.footprint("low", sq, 1.9)), 0).merged())
                .hasSize(1);
        assertThatThrownBy(() -> Footprints.of(List.of(), -1)).hasMessageContaining("minOccluderHeightM");
    }

    @Test
    void locateAgreesWithJtsOnVerticesEdgesAndRandomPoints() {
        for (long seed = 31; seed < 37; seed++) {
            boolean utm = seed % 2 == 1;
            Scenes.Scene scene = Scenes.random(seed, 40, 0, 160, utm ? 500_000 : 0, utm ? 3_900_000 : 0);
            Footprints fp = Footprints.of(scene.footprints());
            java.util.Random rnd = new java.util.Random(seed);
            java.util.List<Coordinate> points = new java.util.ArrayList<>();
            for (Polygon p : fp.merged()) {
                Coordinate[] cs = p.getCoordinates();
                for (int i = 0; i + 1 < cs.length; i++) {
                    points.add(cs[i]);
                    points.add(new Coordinate((cs[i].x + cs[i + 1].x) / 2, (cs[i].y + cs[i + 1].y) / 2));
                }
            }
            double x0 = utm ? 500_000 : 0, y0 = utm ? 3_900_000 : 0;
            for (int i = 0; i < 2000; i++) {
                double x = rnd.nextDouble() * 190 - 10, y = rnd.nextDouble() * 190 - 10;
                points.add(new Coordinate(x0 + x, y0 + y));
                points.add(new Coordinate(x0 + Math.round(2 * x) / 2.0, y0 + Math.round(2 * y) / 2.0)); // collinear
            }
            for (Coordinate c : points) {
                int expected = -1;
                for (int p = 0; p < fp.merged().size(); p++) {
                    int loc = SimplePointInAreaLocator.locate(c, fp.merged().get(p));
                    if (loc != Location.EXTERIOR) expected = 2 * p + (loc == Location.BOUNDARY ? 1 : 0);
                }
                assertThat(fp.locate(c.x, c.y)).as("seed %d, %s", seed, c).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyEdgeHasTheInteriorOnItsLeft() {
        // one shell given clockwise, one hole given counter-clockwise: both get normalised
        Footprints fp = Footprints.of(footprints(
                "POLYGON ((0 0, 0 30, 30 30, 30 0, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))",
                "POLYGON ((40 0, 50 0, 45 8, 40 0))"));
        var all = fp.asGeometry();
        double[] e = fp.edges();
        for (int i = 0; i < fp.edgeCount(); i++) {
            double mx = (e[4 * i] + e[4 * i + 2]) / 2, my = (e[4 * i + 1] + e[4 * i + 3]) / 2;
            double dx = e[4 * i + 2] - e[4 * i], dy = e[4 * i + 3] - e[4 * i + 1], len = Math.hypot(dx, dy);
            assertThat(all.contains(Geometries.point(mx - 0.01 * dy / len, my + 0.01 * dx / len)))
                    .as("left of edge %d", i)
                    .isTrue();
            assertThat(all.contains(Geometries.point(mx + 0.01 * dy / len, my - 0.01 * dx / len)))
                    .as("right of edge %d", i)
                    .isFalse();
        }
    }

    @Test
    void invalidFootprintsAreRepaired() {
        Footprints fp = Footprints.of(footprints("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")); // bow-tie
        assertThat(fp.merged()).hasSize(2);
        assertThat(fp.asGeometry().getArea()).isEqualTo(50.0);
    }

    @Test
    void multiPolygonFootprintsContributeEveryPart() {
        Footprints fp =
                Footprints.of(footprints("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((5 5, 6 5, 6 6, 5 6, 5 5)))"));
        assertThat(fp.merged()).hasSize(2).allSatisfy(p -> assertThat(p).isInstanceOf(Polygon.class));
    }

    /** Charlotte scale: 300,000 footprints. Prints the build time (not asserted). */
    @Test
    @Tag("slow")
    void buildsCharlotteScaleInSeconds() {
        Scenes.Scene scene = Scenes.charlotteDensity(1, 10_000, 0, 430_000, 3_900_000);
        long t0 = System.nanoTime();
        Footprints fp = Footprints.of(scene.footprints());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("footprints: built %s in %d ms%n", fp, ms);
        assertThat(fp.occluderCount()).isGreaterThan(290_000);
    }
}
