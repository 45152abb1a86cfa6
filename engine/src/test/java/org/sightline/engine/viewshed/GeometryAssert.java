package org.sightline.engine.viewshed;

import static org.assertj.core.api.Assertions.assertThat;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;

/** WKT-out checks with a tolerance: valid, and symmetric difference below an area. */
final class GeometryAssert {
    private GeometryAssert() {}

    static void assertValid(Geometry g) {
        IsValidOp op = new IsValidOp(g);
        assertThat(op.isValid())
                .as("valid: %s in %s", op.getValidationError(), g)
                .isTrue();
    }

    static void assertSameArea(String expectedWkt, Geometry actual, double toleranceM2) {
        assertValid(actual);
        Geometry expected = Scenes.wkt(expectedWkt);
        double diff = OverlayNGRobust.overlay(expected, actual, OverlayNG.SYMDIFFERENCE)
                .getArea();
        assertThat(diff)
                .as("area of symmetric difference between %s and %s", expectedWkt, actual)
                .isLessThanOrEqualTo(toleranceM2);
    }
}
