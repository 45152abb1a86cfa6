package org.sightline.engine.viewshed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.sightline.engine.viewshed.GeometryAssert.assertSameArea;
import static org.sightline.engine.viewshed.GeometryAssert.assertValid;
import static org.sightline.engine.viewshed.Scenes.camera;
import static org.sightline.engine.viewshed.Scenes.footprints;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;

/** Golden cases, one per known trap of visibility polygons: WKT in, area or WKT out. */
class ViewshedsTest {
    /** Arcs this fine make the discretisation negligible in the expected areas (< 0.01 m²). */
    private static final ViewshedOptions FINE = ViewshedOptions.defaults().withArcToleranceM(1e-5);

    private static final String SQUARE_NORTH = "POLYGON ((-1 4, 1 4, 1 6, -1 6, -1 4))";
    /** Shadow of a 2 m face 4 m away, within a 10 m range: sector of 2·atan(1/4) minus the triangle. */
    private static final double SHADOW = 50 * 2 * Math.atan(0.25) - 4;

    private static Viewshed view(Camera c, List<Footprint> fps) {
        Viewshed v = Viewsheds.of(c, Footprints.of(fps), FINE);
        assertValid(v.geometry());
        assertThat(v.repaired()).isFalse();
        return v;
    }

    private static Geometry reference(List<Footprint> fps, Viewshed v, Camera c) {
        return ReferenceViewshed.of(
                fps, 2, v.position().getX(), v.position().getY(), c.headingDeg(), c.fovDeg(), c.rangeM(), 1e-4);
    }

    @Test
    void openFieldIsTheSector() {
        Viewshed v = view(camera(3, 4, 45, 90, 10), List.of());
        assertThat(v.status()).isEqualTo(Viewshed.Status.OK);
        assertThat(v.areaM2()).isCloseTo(Math.PI * 25, within(1e-3));
        assertThat(v.geometry().getCoordinates()[0].distance(v.position().getCoordinate()))
                .isZero();
    }

    @Test
    void defaultArcToleranceKeepsVerticesOnTheCircleAndChordsWithinTolerance() {
        Viewshed v = Viewsheds.of(camera(0, 0, 0, 90, 150), Footprints.of(List.of()), ViewshedOptions.defaults());
        var cs = v.geometry().getCoordinates();
        for (int i = 1; i + 1 < cs.length - 1; i++) {
            assertThat(Math.hypot(cs[i].x, cs[i].y)).isCloseTo(150, within(1e-9));
            double mx = (cs[i].x + cs[i + 1].x) / 2, my = (cs[i].y + cs[i + 1].y) / 2;
            assertThat(150 - Math.hypot(mx, my)).isBetween(0.0, 0.1);
        }
    }

    @Test
    void wallInFrontCastsItsShadow() {
        Viewshed v = view(camera(0, 0, 0, 90, 10), footprints(SQUARE_NORTH));
        assertThat(v.areaM2()).isCloseTo(Math.PI * 25 - SHADOW, within(1e-3));
    }

    @Test
    void viewpointOnAPolygonVertexIsNudgedAlongTheBisector() {
        // CGAL issue 6995: query point on a (reflex) vertex. The camera moves 5 cm into the notch.
        List<Footprint> fps = footprints("POLYGON ((0 0, 20 0, 20 10, 10 10, 10 20, 0 20, 0 0))");
        Viewshed v = view(camera(10, 10, 0, 360, 5), fps);
        double d = 0.05 / Math.sqrt(2);
        assertThat(v.status()).isEqualTo(Viewshed.Status.MOVED_OUT_OF_FOOTPRINT);
        assertThat(v.position().getX()).isCloseTo(10 + d, within(1e-12));
        assertThat(v.position().getY()).isCloseTo(10 + d, within(1e-12));
        // it sees the notch quadrant of its disk, nothing through the walls
        Geometry expected = ReferenceViewshed.sector(10 + d, 10 + d, 0, 360, 5, 1e-5)
                .intersection(Scenes.wkt("POLYGON ((10 10, 30 10, 30 30, 10 30, 10 10))"));
        assertSameArea(expected.toText(), v.geometry(), 1e-3);
        // on a convex vertex the bisector points away from the building
        Viewshed corner = view(camera(20, 0, 135, 90, 5), fps);
        assertThat(corner.position().getX()).isCloseTo(20 + d, within(1e-12));
        assertThat(corner.position().getY()).isCloseTo(-d, within(1e-12));
        assertThat(corner.areaM2()).isCloseTo(Math.PI * 25 / 4, within(1e-3));
    }

    @Test
    void sharedWallsMergeIntoOneOccluder() {
        // VisiLibity issue 2: the ray along a shared wall must not leak between the two buildings.
        List<Footprint> fps =
                footprints("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))");
        assertThat(Footprints.of(fps).merged()).hasSize(1);
        Viewshed v = view(camera(10, -5, 0, 90, 30), fps);
        assertSameArea("POLYGON ((10 -5, 5 0, 15 0, 10 -5))", v.geometry(), 1e-9);
    }

    @Test
    void rayAlongAnEdgeWithCollinearVerticesGrazesIt() {
        // bearing 90 from (-5, 10) runs along the south wall y = 10, which has a collinear vertex
        List<Footprint> fps = footprints("POLYGON ((0 10, 5 10, 10 10, 10 20, 0 20, 0 10))");
        Viewshed v = view(camera(-5, 10, 90, 90, 30), fps);
        assertThat(v.areaM2()).isCloseTo(12.5 + Math.PI * 900 / 8, within(1e-2));
        assertThat(v.geometry().covers(Scenes.wkt("LINESTRING (10.5 10, 24 10)")))
                .as("the grazing ray itself is visible")
                .isTrue();
    }

    @Test
    void rayThroughAVertexGrazesIt() {
        // bearing 45 from (-5, 5) passes exactly through the corner (0, 10)
        List<Footprint> fps = footprints("POLYGON ((0 10, 10 10, 10 20, 0 20, 0 10))");
        Viewshed v = view(camera(-5, 5, 0, 90, 30), fps);
        double expected = 450 * (Math.atan2(5, 15) + Math.PI / 4) + 25;
        assertThat(v.areaM2()).isCloseTo(expected, within(1e-2));
        Viewshed along = view(camera(-5, 5, 45, 30, 30), fps);
        assertThat(ReferenceViewshed.iou(along.geometry(), reference(fps, along, along(45))))
                .isGreaterThan(0.9999);
    }

    private static Camera along(double heading) {
        return camera(-5, 5, heading, 30, 30);
    }

    @Test
    void cameraInsideInLineWithAWallThroughItsNearestVertexStillGetsOut() {
        // the union's nearest vertex (15.5 67) to the camera is where the triangle's slanted wall leaves
        // the rectangle, in the direction camera → vertex: a step that way stays on the wall (seed 7033
        // of the property test). The camera steps off the vertex along its walls' bisector instead.
        List<Footprint> fps = footprints(
                "POLYGON ((2.5 54.5, 20.5 54.5, 11.5 77, 2.5 54.5))",
                "POLYGON ((15.5 45, 24.5 45, 24.5 73.5, 15.5 73.5, 15.5 45))");
        Viewshed v = view(camera(16, 65.75, 306.5, 90, 40), fps);
        assertThat(v.status()).isEqualTo(Viewshed.Status.MOVED_OUT_OF_FOOTPRINT);
        assertThat(Footprints.of(fps).asGeometry().distance(v.position())).isGreaterThan(1e-3);
        assertThat(v.areaM2()).isPositive();
        assertSameArea(reference(fps, v, camera(16, 65.75, 306.5, 90, 40)).toText(), v.geometry(), 1e-3);
    }

    @Test
    void cameraInsideItsBuildingMovesOutAndSeesTheStreet() {
        List<Footprint> fps = footprints("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
        Viewshed v = view(camera(9, 5, 90, 90, 20), fps);
        assertThat(v.status()).isEqualTo(Viewshed.Status.MOVED_OUT_OF_FOOTPRINT);
        assertThat(v.position().getX()).isCloseTo(10.05, within(1e-12));
        assertThat(v.position().getY()).isEqualTo(5);
        assertThat(v.areaM2()).isCloseTo(Math.PI * 100, within(1e-3));
        // facing its own wall 5 cm away: a triangle of 0.1 m base and 0.05 m height
        Viewshed west = view(camera(9, 5, 270, 90, 20), fps);
        assertThat(west.areaM2()).isCloseTo(0.05 * 0.05, within(1e-9));
    }

    @Test
    void cameraOnAnEdgeMovesAlongTheOutwardNormal() {
        List<Footprint> fps = footprints("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
        Viewshed v = view(camera(4, 10, 0, 180, 20), fps);
        assertThat(v.status()).isEqualTo(Viewshed.Status.MOVED_OUT_OF_FOOTPRINT);
        assertThat(v.position().getX()).isEqualTo(4);
        assertThat(v.position().getY()).isCloseTo(10.05, within(1e-12));
        assertThat(v.areaM2()).isCloseTo(Math.PI * 200, within(1e-3));
    }

    @Test
    void cameraInACourtyardSeesOnlyTheCourtyard() {
        List<Footprint> fps =
                footprints("POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))");
        String courtyard = "POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))";
        assertSameArea(courtyard, view(camera(15, 15, 0, 360, 50), fps).geometry(), 1e-9);
        assertSameArea(courtyard, view(camera(13, 11, 77, 360, 150), fps).geometry(), 1e-9);
        // inside the wing, nearest to the courtyard wall: moved into the courtyard
        Viewshed fromWing = view(camera(12, 9, 0, 360, 50), fps);
        assertThat(fromWing.position().getY()).isCloseTo(10.05, within(1e-12));
        assertSameArea(courtyard, fromWing.geometry(), 1e-9);
    }

    @Test
    void fieldOfViewOver180IsANonConvexWedge() {
        Viewshed open = view(camera(0, 0, 0, 270, 10), List.of());
        assertThat(open.areaM2()).isCloseTo(0.75 * Math.PI * 100, within(1e-3));
        Viewshed v = view(camera(0, 0, 0, 270, 10), footprints("POLYGON ((4 -1, 6 -1, 6 1, 4 1, 4 -1))"));
        assertThat(v.areaM2()).isCloseTo(0.75 * Math.PI * 100 - SHADOW, within(1e-3));
        // the wall straddles the wedge's edge ray at bearing 135
        List<Footprint> straddle = footprints("POLYGON ((3 -5, 6 -5, 6 -3, 3 -3, 3 -5))");
        Camera c = camera(0, 0, 0, 270, 10);
        Viewshed s = view(c, straddle);
        assertThat(ReferenceViewshed.iou(s.geometry(), reference(straddle, s, c)))
                .isGreaterThan(0.9999);
    }

    @Test
    void fullCircleCameraHasNoWedgeEdges() {
        for (double heading : new double[] {0, 90, 45, 359.5}) {
            Viewshed v = view(camera(0, 0, heading, 360, 10), footprints("POLYGON ((4 -1, 6 -1, 6 1, 4 1, 4 -1))"));
            assertThat(v.areaM2()).as("heading %s", heading).isCloseTo(Math.PI * 100 - SHADOW, within(1e-3));
            assertThat(v.geometry().contains(v.position())).isTrue();
        }
        assertThat(view(camera(0, 0, 0, 360, 10), List.of()).areaM2()).isCloseTo(Math.PI * 100, within(1e-3));
    }

    @Test
    void edgesExactlyAtRangeDistanceDoNotOcclude() {
        List<Footprint> fps = footprints(
                "POLYGON ((10 -1, 12 -1, 12 1, 10 1, 10 -1))", // a face tangent to the circle at (10, 0)
                "POLYGON ((0 10, 2 12, -2 12, 0 10))", // a vertex on the circle
                "POLYGON ((-1 -11, 1 -11, 1 -9, -1 -9, -1 -11))"); // crossing the circle
        Camera c = camera(0, 0, 0, 360, 10);
        Viewshed v = view(c, fps);
        double cut = 50 * 2 * Math.atan(1 / 9.0) - 9; // the shadow of y = -9 up to the circle
        assertThat(v.areaM2()).isCloseTo(Math.PI * 100 - cut, within(1e-3));
        assertThat(ReferenceViewshed.iou(v.geometry(), reference(fps, v, c))).isGreaterThan(0.9999);
    }

    @Test
    void headingWrapsAroundAtNorth() {
        List<Footprint> fps = footprints(SQUARE_NORTH);
        for (double heading : new double[] {350, 10, 0, 359.999999, 180}) {
            Camera c = camera(0, 0, heading, 40, 10);
            Viewshed v = view(c, fps);
            assertThat(ReferenceViewshed.iou(v.geometry(), reference(fps, v, c)))
                    .as("heading %s", heading)
                    .isGreaterThan(0.9999);
        }
        assertThat(view(camera(0, 0, 350, 40, 10), fps).areaM2())
                .isCloseTo(view(camera(0, 0, 10, 40, 10), fps).areaM2(), within(1e-6));
    }

    @Test
    void inactiveCameraHasAnEmptyViewshed() {
        Camera c = camera(0, 0, 0, 90, 10);
        Camera off = new Camera(c.id(), c.position(), 0, 90, 10, 3, c.kind(), false, 7, false, false, null);
        Viewshed v = Viewsheds.of(off, Footprints.of(List.of()), FINE);
        assertThat(v.status()).isEqualTo(Viewshed.Status.INACTIVE);
        assertThat(v.geometry().isEmpty()).isTrue();
        assertThat(v.areaM2()).isZero();
    }

    @Test
    void cameraMovedIntoTheNeighbourIsReportedWithAnEmptyViewshed() {
        List<Footprint> fps = footprints(
                "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", "POLYGON ((10.02 0, 20 0, 20 10, 10.02 10, 10.02 0))");
        Viewshed v = view(camera(9.99, 5, 90, 90, 20), fps);
        assertThat(v.status()).isEqualTo(Viewshed.Status.INSIDE_OTHER_FOOTPRINT);
        assertThat(v.geometry().isEmpty()).isTrue();
        assertThat(v.position().getX()).isCloseTo(10.05, within(1e-12));
    }

    @Test
    void lowBuildingsDoNotOcclude() {
        Camera c = camera(0, 0, 0, 90, 10);
        Viewshed low = view(c, List.of(Scenes.footprint("shed", SQUARE_NORTH, 1.5)));
        assertThat(low.areaM2()).isCloseTo(Math.PI * 25, within(1e-3));
        Viewshed unknown = view(c, List.of(Scenes.footprint("house", SQUARE_NORTH, Double.NaN)));
        assertThat(unknown.areaM2()).isCloseTo(Math.PI * 25 - SHADOW, within(1e-3));
        Viewshed tall = view(c, List.of(Scenes.footprint("house", SQUARE_NORTH, 2)));
        assertThat(tall.areaM2()).isCloseTo(Math.PI * 25 - SHADOW, within(1e-3));
    }

    @Test
    void optionsNameTheBadValue() {
        assertThatThrownBy(() -> new ViewshedOptions(0, 0.05, 2))
                .hasMessageContaining("arcToleranceM")
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> new ViewshedOptions(0.1, -1, 2))
                .hasMessageContaining("nudgeM")
                .hasMessageContaining("-1.0");
        assertThatThrownBy(() -> new ViewshedOptions(0.1, 0.05, Double.NaN)).hasMessageContaining("minOccluderHeightM");
        assertThat(ViewshedOptions.defaults()).isEqualTo(new ViewshedOptions(0.1, 0.05, 2));
    }

    @Test
    void optionsMustAgreeWithTheFootprintsOccluderHeight() {
        Footprints fp = Footprints.of(List.of(), 3);
        assertThatThrownBy(() -> Viewsheds.of(camera(0, 0, 0, 90, 10), fp, ViewshedOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minOccluderHeightM");
    }
}
