package org.sightline.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.Raster;
import java.nio.file.Path;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.gce.geotiff.GeoTiffReader;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.engine.geo.MetricCrs;

class GeoTiffsTest {
    @Test
    void writesARasterThatReadsBackWithItsGeoreferenceAndValues(@TempDir Path dir) throws Exception {
        int w = 3, h = 2;
        double[] values = {1, 2, 3, 4, 5, 6}; // row 0 (south): 1 2 3; row 1 (north): 4 5 6
        Path tif = dir.resolve("kde.tif");
        GeoTiffs.writeFloat(tif, values, w, h, 500_000, 3_900_000, 100, MetricCrs.of("EPSG:32617"));
        GeoTiffReader reader = new GeoTiffReader(tif.toFile());
        GridCoverage2D cov = reader.read(null);
        try {
            assertThat(CRS.lookupEpsgCode(cov.getCoordinateReferenceSystem(), true))
                    .isEqualTo(32617);
            var env = cov.getEnvelope2D();
            assertThat(env.getMinX()).isCloseTo(500_000, within(1e-6));
            assertThat(env.getMaxY()).isCloseTo(3_900_200, within(1e-6));
            Raster r = cov.getRenderedImage().getData();
            assertThat(r.getSampleFloat(0, 0, 0)).isEqualTo(4f); // north-west
            assertThat(r.getSampleFloat(2, 1, 0)).isEqualTo(3f); // south-east
        } finally {
            cov.dispose(true);
            reader.dispose();
        }
    }
}
