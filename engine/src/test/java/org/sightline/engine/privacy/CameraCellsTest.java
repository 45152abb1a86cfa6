package org.sightline.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;

class CameraCellsTest {
    private static Camera cam(String id, double lon, double lat, CameraKind kind) {
        return new Camera(
                id,
                Geometries.FACTORY.createPoint(new Coordinate(lon, lat)),
                0,
                90,
                50,
                3,
                kind,
                kind == CameraKind.BUSINESS,
                7,
                true,
                false,
                null);
    }

    @Test
    void cellsWithOneOrTwoResidentsAreSuppressedWholly() {
        List<Camera> cams = new ArrayList<>();
        // cell A (downtown Charlotte): 3 residents → published
        for (int i = 0; i < 3; i++) cams.add(cam("a" + i, -80.8431 + i * 1e-5, 35.2271, CameraKind.RESIDENT));
        // cell B (~5 km away): 2 residents and 4 businesses → suppressed, businesses included
        for (int i = 0; i < 2; i++) cams.add(cam("b" + i, -80.80 + i * 1e-5, 35.26, CameraKind.RESIDENT));
        for (int i = 0; i < 4; i++) cams.add(cam("bb" + i, -80.80 + i * 1e-5, 35.2601, CameraKind.BUSINESS));
        // cell C (~10 km away): businesses only → published
        cams.add(cam("c0", -80.75, 35.30, CameraKind.BUSINESS));

        CameraCells cells = CameraCells.of(cams, 8, 3);

        assertThat(cells.suppressed()).isEqualTo(1);
        assertThat(cells.cells())
                .extracting(CameraCells.Cell::resident, CameraCells.Cell::business)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(3, 0), org.assertj.core.groups.Tuple.tuple(0, 1));
        assertThat(cells.cells().get(0).lonLatOutline().getNumPoints()).isEqualTo(7);
    }

    @Test
    void inactiveCamerasAreNotCounted() {
        Camera off = new Camera(
                "x",
                Geometries.FACTORY.createPoint(new Coordinate(-80.84, 35.22)),
                0,
                90,
                50,
                3,
                CameraKind.BUSINESS,
                false,
                7,
                false,
                false,
                null);
        assertThat(CameraCells.of(List.of(off), 8, 3).cells()).isEmpty();
    }
}
