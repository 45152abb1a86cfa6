package org.sightline.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.gce.geotiff.GeoTiffWriter;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.sightline.engine.geo.MetricCrs;

/** Writes single-band float rasters as GeoTIFF (through GeoTools), atomically. */
public final class GeoTiffs {
    private GeoTiffs() {}

    /**
     * @param values row-major, row 0 the SOUTHERNMOST row (as engine rasters are), {@code width ×
     *     height} values
     * @param minX west edge of column 0, metres
     * @param minY south edge of row 0, metres
     * @param cell cell size, metres
     */
    public static void writeFloat(
            Path target, double[] values, int width, int height, double minX, double minY, double cell, MetricCrs crs) {
        if (values.length != (long) width * height)
            throw new IllegalArgumentException(values.length + " values for a " + width + "×" + height + " raster");
        if (width == 0 || height == 0) throw new IllegalArgumentException("cannot write an empty raster to " + target);
        float[][] matrix = new float[height][width];
        for (int r = 0; r < height; r++) {
            int row = height - 1 - r; // GeoTIFF rows run from the north
            for (int c = 0; c < width; c++) matrix[row][c] = (float) values[r * width + c];
        }
        ReferencedEnvelope env =
                new ReferencedEnvelope(minX, minX + width * cell, minY, minY + height * cell, crs.crs());
        GridCoverage2D coverage = new GridCoverageFactory().create("density", matrix, env);
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try {
                GeoTiffWriter writer = new GeoTiffWriter(tmp.toFile());
                try {
                    writer.write(coverage, null);
                } finally {
                    writer.dispose();
                }
                AtomicFiles.readableByAll(tmp);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
                coverage.dispose(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write GeoTIFF " + target + ": " + e.getMessage(), e);
        }
    }
}
