package org.sightline.engine.hotspot;

/**
 * A raster of square cells aligned to multiples of the cell size: raster column c, row r is grid
 * cell (i0 + c, j0 + r), covering [i·cell, (i+1)·cell) × [j·cell, (j+1)·cell). Rows run upwards
 * (row 0 is the southernmost); arrays over the raster are row-major, index r·width + c.
 */
public record GridSpec(double cell, long i0, long j0, int width, int height) {
    public GridSpec {
        if (!(cell > 0 && Double.isFinite(cell))) throw new IllegalArgumentException("cell must be > 0, was " + cell);
        if (width < 0 || height < 0) throw new IllegalArgumentException("negative raster size " + width + "×" + height);
    }

    /** The raster of all cells meeting [minX, maxX] × [minY, maxY]. */
    public static GridSpec covering(double minX, double minY, double maxX, double maxY, double cell) {
        long i0 = (long) Math.floor(minX / cell);
        long j0 = (long) Math.floor(minY / cell);
        long w = (long) Math.floor(maxX / cell) - i0 + 1;
        long h = (long) Math.floor(maxY / cell) - j0 + 1;
        if (w * h > 200_000_000L)
            throw new IllegalArgumentException(
                    "cell " + cell + " m gives a raster of " + w + "×" + h + " cells; use a larger cell");
        return new GridSpec(cell, i0, j0, (int) w, (int) h);
    }

    /** The raster of all cells whose centre lies in [minX, maxX] × [minY, maxY]; may be empty. */
    public static GridSpec centresIn(double minX, double minY, double maxX, double maxY, double cell) {
        long i0 = (long) Math.ceil(minX / cell - 0.5);
        long j0 = (long) Math.ceil(minY / cell - 0.5);
        long i1 = (long) Math.floor(maxX / cell - 0.5);
        long j1 = (long) Math.floor(maxY / cell - 0.5);
        long w = Math.max(0, i1 - i0 + 1);
        long h = Math.max(0, j1 - j0 + 1);
        if (w * h > 200_000_000L)
            throw new IllegalArgumentException(
                    "cell " + cell + " m gives a raster of " + w + "×" + h + " cells; use a larger cell");
        return new GridSpec(cell, i0, j0, (int) w, (int) h);
    }

    public int size() {
        return width * height;
    }

    /** x of the centre of raster column c. */
    public double cx(int c) {
        return ((i0 + c) + 0.5) * cell;
    }

    /** y of the centre of raster row r. */
    public double cy(int r) {
        return ((j0 + r) + 0.5) * cell;
    }

    /** Raster index of the cell containing (x, y), or −1 outside the raster (or for NaN/infinite input). */
    public int indexAt(double x, double y) {
        if (!(Double.isFinite(x) && Double.isFinite(y))) return -1;
        long c = (long) Math.floor(x / cell) - i0;
        long r = (long) Math.floor(y / cell) - j0;
        if (c < 0 || r < 0 || c >= width || r >= height) return -1;
        return (int) (r * width + c);
    }

    /** The cell id {@code "i_j"} of raster index k, e.g. {@code "123_-45"}. */
    public String id(int k) {
        return (i0 + k % width) + "_" + (j0 + k / width);
    }
}
