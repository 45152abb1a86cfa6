package org.sightline.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.model.Owner;
import org.sightline.engine.model.Street;

class DispatchIndexTest {
    private static final Instant T = Instant.parse("2025-06-01T22:00:00Z");
    private static final Point INCIDENT = Geometries.point(1000, 1000);

    @Test
    void aFartherCameraThatSeesOutranksTheNearestOneFacingAway() {
        // "near" is 20 m south of the incident but looks south (180°); "far" is 40 m west, looking east.
        DispatchCamera near = cam("near", 1000, 980, 180, 90, 50, CameraKind.BUSINESS, true, 7);
        DispatchCamera far = cam("far", 960, 1000, 90, 90, 60, CameraKind.RESIDENT, false, 7);
        DispatchIndex index = DispatchIndex.build(List.of(near, far), List.of(), List.of(), 150);
        List<Suggestion> s = index.rank("i1", INCIDENT, T, T, DispatchOptions.DEFAULTS);
        assertThat(s).extracting(Suggestion::cameraId).containsExactly("far", "near");
        Suggestion first = s.get(0);
        assertThat(first.role()).isEqualTo(Suggestion.Role.SEES);
        assertThat(first.visibleShare()).isCloseTo(1, within(1e-9));
        assertThat(first.distanceM()).isCloseTo(40, within(1e-9));
        assertThat(first.offAxisDeg()).isCloseTo(0, within(1e-9));
        assertThat(first.reason()).isEqualTo("sees the incident at 40 m, owner request, footage kept until 2025-06-08");
        assertThat(s.get(1).role()).isEqualTo(Suggestion.Role.APPROACH);
        assertThat(s.get(1).offAxisDeg()).isCloseTo(180, within(1e-9));
        assertThat(s.get(1).reason()).startsWith("does not see the incident but covers ground");
    }

    @Test
    void aCameraWhoseFootageHasExpiredRanksLast() {
        DispatchCamera shortMemory = cam("short", 970, 1000, 90, 90, 60, CameraKind.BUSINESS, true, 1);
        DispatchCamera longMemory = cam("long", 940, 1000, 90, 60, 80, CameraKind.RESIDENT, false, 30);
        DispatchCamera approach = cam("aside", 1000, 900, 180, 60, 80, CameraKind.RESIDENT, false, 30);
        DispatchIndex index =
                DispatchIndex.build(List.of(shortMemory, longMemory, approach), List.of(), List.of(), 150);
        Instant threeDaysLater = T.plus(Duration.ofDays(3));
        List<Suggestion> s = index.rank("i1", INCIDENT, T, threeDaysLater, DispatchOptions.DEFAULTS);
        assertThat(s).extracting(Suggestion::cameraId).containsExactly("long", "aside", "short");
        assertThat(s.get(2).expired()).isTrue();
        assertThat(s.get(2).reason()).endsWith("footage expired on 2025-06-02");
        assertThat(s).extracting(Suggestion::rank).containsExactly(1, 2, 3);
    }

    @Test
    void aLiveBusinessCameraRanksBeforeAnEquallyGoodResidentCamera() {
        // mirror images: same distance, same share, same off-axis angle
        DispatchCamera resident = cam("a-resident", 970, 1000, 90, 90, 60, CameraKind.RESIDENT, false, 7);
        DispatchCamera business = cam("b-business", 1030, 1000, 270, 90, 60, CameraKind.BUSINESS, true, 7);
        DispatchIndex index = DispatchIndex.build(List.of(resident, business), List.of(), List.of(), 150);
        List<Suggestion> s = index.rank("i1", INCIDENT, T, T, DispatchOptions.DEFAULTS);
        assertThat(s).extracting(Suggestion::cameraId).containsExactly("b-business", "a-resident");
        assertThat(s.get(0).score()).isCloseTo(s.get(1).score(), within(1e-12));
        assertThat(s.get(0).reason()).endsWith("live feed");
    }

    @Test
    void partialVisibilityIsTheShareOfTheOutdoorDisk() {
        // the camera sees only x < 1000 (its wedge ends at the incident's meridian); half the disk
        DispatchCamera half = new DispatchCamera(
                camera("half", 950, 1000, 90, 90, 100, CameraKind.RESIDENT, false, 7),
                Geometries.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(900, 1000, 900, 1100)));
        DispatchIndex index = DispatchIndex.build(List.of(half), List.of(), List.of(), 150);
        Suggestion s = index.rank("i", INCIDENT, T, T, DispatchOptions.DEFAULTS).get(0);
        assertThat(s.visibleShare()).isCloseTo(0.5, within(1e-9));
        assertThat(s.reason()).startsWith("sees 50% of the area around the incident at 50 m");
        // a building covering the other half leaves the seen half as all of the outdoor disk
        Geometry building =
                Geometries.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(1000, 1100, 900, 1100));
        DispatchIndex withBuilding = DispatchIndex.build(List.of(half), List.of(building), List.of(), 150);
        assertThat(withBuilding
                        .rank("i", INCIDENT, T, T, DispatchOptions.DEFAULTS)
                        .get(0)
                        .visibleShare())
                .isCloseTo(1, within(1e-9));
    }

    @Test
    void approachCamerasNameTheStreetTheyCover() {
        DispatchCamera aside = cam("aside", 1000, 900, 180, 60, 80, CameraKind.BUSINESS, true, 7);
        Street main = new Street("s1", "Tryon St", Geometries.FACTORY.createLineString(new Coordinate[] {
            new Coordinate(1000, 700), new Coordinate(1000, 1200)
        }));
        DispatchIndex index = DispatchIndex.build(List.of(aside), List.of(), List.of(main), 150);
        Suggestion s = index.rank("i", INCIDENT, T, T, DispatchOptions.DEFAULTS).get(0);
        assertThat(s.role()).isEqualTo(Suggestion.Role.APPROACH);
        assertThat(s.reason()).isEqualTo("covers the approach on Tryon St, 100 m from the incident, live feed");
    }

    @Test
    void aQueryFarFromEveryCameraAnswersAnEmptyList() {
        DispatchIndex index = DispatchIndex.build(
                List.of(cam("c", 0, 0, 0, 90, 50, CameraKind.BUSINESS, true, 7)), List.of(), List.of(), 150);
        assertThat(index.rank("i", Geometries.point(50_000, 50_000), T, T, DispatchOptions.DEFAULTS))
                .isEmpty();
        DispatchIndex empty = DispatchIndex.build(List.of(), List.of(), List.of(), 150);
        assertThat(empty.rank("i", INCIDENT, T, T, DispatchOptions.DEFAULTS)).isEmpty();
    }

    @Test
    void inactiveCamerasAreNeverSuggested() {
        Camera off = new Camera(
                "off",
                Geometries.point(970, 1000),
                90,
                90,
                60,
                3,
                CameraKind.BUSINESS,
                true,
                7,
                false,
                false,
                Owner.NONE);
        DispatchIndex index = DispatchIndex.build(
                List.of(new DispatchCamera(off, wedge(970, 1000, 90, 90, 60))), List.of(), List.of(), 150);
        assertThat(index.rank("i", INCIDENT, T, T, DispatchOptions.DEFAULTS)).isEmpty();
    }

    private static DispatchCamera cam(
            String id,
            double x,
            double y,
            double heading,
            double fov,
            double range,
            CameraKind kind,
            boolean live,
            int retention) {
        return new DispatchCamera(
                camera(id, x, y, heading, fov, range, kind, live, retention), wedge(x, y, heading, fov, range));
    }

    private static Camera camera(
            String id,
            double x,
            double y,
            double heading,
            double fov,
            double range,
            CameraKind kind,
            boolean live,
            int retention) {
        return new Camera(
                id, Geometries.point(x, y), heading, fov, range, 3, kind, live, retention, true, false, Owner.NONE);
    }

    /** An unobstructed viewshed: the FOV wedge of the range disk. */
    static Geometry wedge(double x, double y, double heading, double fov, double range) {
        List<Coordinate> cs = new ArrayList<>();
        cs.add(new Coordinate(x, y));
        int steps = 64;
        for (int k = 0; k <= steps; k++) {
            double b = Math.toRadians(heading - fov / 2 + fov * k / steps);
            cs.add(new Coordinate(x + range * Math.sin(b), y + range * Math.cos(b)));
        }
        cs.add(new Coordinate(x, y));
        return Geometries.FACTORY.createPolygon(cs.toArray(new Coordinate[0]));
    }
}
