package org.sightline.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.model.CameraKind;

class H3CoverageTest {
    private static final MetricCrs UTM17 = MetricCrs.of("EPSG:32617");
    private static final int RES = 9;
    // Two points in Charlotte about 2 km apart: different res-9 cells.
    private static final double LON_A = -80.8431, LAT_A = 35.2271;
    private static final double LON_B = -80.8200, LAT_B = 35.2271;

    private static PlacedCamera cam(CameraKind kind, double lon, double lat, Geometry viewshed) {
        return new PlacedCamera(kind, Geometries.point(lon, lat), viewshed);
    }

    private static PlacedCamera cam(CameraKind kind, double lon, double lat) {
        return cam(kind, lon, lat, Geometries.emptyPolygon());
    }

    private static Map<String, H3CellCoverage> byId(List<H3CellCoverage> cells) {
        return cells.stream().collect(Collectors.toMap(H3CellCoverage::cellId, Function.identity()));
    }

    @Test
    void cellWithFewerThanKResidentCamerasShowsNoCountAndNoCoverage() {
        List<PlacedCamera> cams = new ArrayList<>();
        for (int i = 0; i < 3; i++) cams.add(cam(CameraKind.RESIDENT, LON_A + i * 1e-5, LAT_A));
        cams.add(cam(CameraKind.BUSINESS, LON_A, LAT_A + 1e-5));
        cams.add(cam(CameraKind.RESIDENT, LON_B, LAT_B));
        cams.add(cam(CameraKind.RESIDENT, LON_B + 1e-5, LAT_B));
        for (int i = 0; i < 4; i++) cams.add(cam(CameraKind.BUSINESS, LON_B, LAT_B + i * 1e-5));

        Map<String, H3CellCoverage> cells = byId(H3Coverage.aggregate(cams, UTM17, new H3Options(RES, 3)));

        H3CellCoverage a = cells.get(H3Coverage.cellOf(LON_A, LAT_A, RES));
        assertThat(a.suppressed()).isFalse();
        assertThat(a.cameras()).hasValue(4);
        assertThat(a.residentCameras()).hasValue(3);
        assertThat(a.businessCameras()).hasValue(1);
        assertThat(a.coveredShare()).hasValue(0.0);

        H3CellCoverage b = cells.get(H3Coverage.cellOf(LON_B, LAT_B, RES));
        assertThat(b.suppressed()).isTrue();
        assertThat(b.cameras()).isEmpty();
        assertThat(b.residentCameras()).isEmpty();
        assertThat(b.businessCameras()).isEmpty();
        assertThat(b.coveredShare()).isEmpty();
    }

    @Test
    void kOfTwoPublishesTheCellWithTwoResidents() {
        List<PlacedCamera> cams =
                List.of(cam(CameraKind.RESIDENT, LON_B, LAT_B), cam(CameraKind.RESIDENT, LON_B + 1e-5, LAT_B));
        H3CellCoverage b =
                H3Coverage.aggregate(cams, UTM17, new H3Options(RES, 2)).get(0);
        assertThat(b.suppressed()).isFalse();
        assertThat(b.residentCameras()).hasValue(2);
    }

    @Test
    void businessOnlyCellIsSuppressedSoSuppressionNeverSinglesOutResidents() {
        List<PlacedCamera> cams =
                List.of(cam(CameraKind.BUSINESS, LON_A, LAT_A), cam(CameraKind.BUSINESS, LON_A, LAT_A));
        assertThat(H3Coverage.aggregate(cams, UTM17, new H3Options(RES, 3)))
                .singleElement()
                .satisfies(c -> assertThat(c.suppressed()).isTrue());
    }

    @Test
    void coveredShareIsTheViewshedPartOfTheCell() {
        String id = H3Coverage.cellOf(LON_A, LAT_A, RES);
        Polygon hex = H3Coverage.boundary(id);
        Envelope e = hex.getEnvelopeInternal();
        double midLon = hex.getCentroid().getX();
        Geometry westHalf = hex.intersection(
                Geometries.FACTORY.toGeometry(new Envelope(e.getMinX() - 1, midLon, e.getMinY() - 1, e.getMaxY() + 1)));
        List<PlacedCamera> cams = new ArrayList<>();
        for (int i = 0; i < 3; i++) cams.add(cam(CameraKind.RESIDENT, LON_A + i * 1e-5, LAT_A, westHalf));

        Map<String, H3CellCoverage> cells = byId(H3Coverage.aggregate(cams, UTM17, new H3Options(RES, 3)));

        assertThat(cells.get(id).coveredShare().orElseThrow()).isCloseTo(0.5, within(0.01));
        // Whole cell covered by overlapping copies of the hexagon: union, not sum.
        List<PlacedCamera> full = new ArrayList<>();
        for (int i = 0; i < 3; i++) full.add(cam(CameraKind.RESIDENT, LON_A + i * 1e-5, LAT_A, hex));
        assertThat(byId(H3Coverage.aggregate(full, UTM17, new H3Options(RES, 3)))
                        .get(id)
                        .coveredShare()
                        .orElseThrow())
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void viewshedReachingIntoACellWithoutCamerasListsThatCellAsSuppressed() {
        String id = H3Coverage.cellOf(LON_A, LAT_A, RES);
        Geometry wide = Geometries.point(LON_A, LAT_A).buffer(0.004); // ~400 m: spills into neighbours
        List<PlacedCamera> cams = new ArrayList<>();
        for (int i = 0; i < 3; i++) cams.add(cam(CameraKind.RESIDENT, LON_A + i * 1e-5, LAT_A, wide));
        List<H3CellCoverage> cells = H3Coverage.aggregate(cams, UTM17, new H3Options(RES, 3));
        assertThat(cells).hasSizeGreaterThan(3);
        assertThat(cells)
                .filteredOn(c -> !c.suppressed())
                .extracting(H3CellCoverage::cellId)
                .containsExactly(id);
        assertThat(byId(cells).get(id).coveredShare().orElseThrow()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new H3Options(16, 3)).hasMessageContaining("resolution");
        assertThatThrownBy(() -> new H3Options(8, 0)).hasMessageContaining("k");
    }
}
