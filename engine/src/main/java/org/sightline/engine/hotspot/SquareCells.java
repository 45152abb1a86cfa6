package org.sightline.engine.hotspot;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.sightline.engine.geo.Geometries;

/**
 * Square study cells: the cells of {@link GridSpec} (aligned to multiples of the cell size) whose
 * centre lies in the region, numbered row by row from the south-west. Membership is found by an
 * even–odd scanline through each row of centres (O(edges + crossings + cells)); a centre exactly
 * on the boundary is inside on left/bottom edges and outside on right/top ones, so a point shared
 * by two polygons of a coverage counts once.
 */
public final class SquareCells implements StudyCells {
    private final GridSpec grid;
    private final GridWindow window;
    private final byte[] mask;
    private final int[] rasterToIndex;
    private final int[] indexToRaster;

    private SquareCells(GridSpec grid, GridWindow window, byte[] mask) {
        this.grid = grid;
        this.window = window;
        this.mask = mask;
        this.rasterToIndex = new int[mask.length];
        int n = 0;
        for (int k = 0; k < mask.length; k++) rasterToIndex[k] = mask[k] != 0 ? n++ : -1;
        this.indexToRaster = new int[n];
        for (int k = 0; k < mask.length; k++) if (mask[k] != 0) indexToRaster[rasterToIndex[k]] = k;
    }

    /**
     * The cells of side {@code cell} whose centre lies in {@code region} (polygonal, metric CRS,
     * not modified), with Gi* neighbours within {@code band} metres.
     */
    public static SquareCells of(Geometry region, double cell, double band) {
        if (!(region instanceof Polygonal))
            throw new IllegalArgumentException(
                    "region must be a Polygon or MultiPolygon, was " + region.getGeometryType());
        GridWindow window = GridWindow.of(band, cell);
        if (region.isEmpty()) return new SquareCells(new GridSpec(cell, 0, 0, 0, 0), window, new byte[0]);
        var env = region.getEnvelopeInternal();
        GridSpec grid = GridSpec.centresIn(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY(), cell);
        return new SquareCells(grid, window, scan(region, grid));
    }

    /** Every cell of {@code grid} is a study cell (the incidents' extent, snapped to cells). */
    public static SquareCells all(GridSpec grid, double band) {
        byte[] mask = new byte[grid.size()];
        Arrays.fill(mask, (byte) 1);
        return new SquareCells(grid, GridWindow.of(band, grid.cell()), mask);
    }

    private static byte[] scan(Geometry region, GridSpec grid) {
        int h = grid.height();
        // edges as (x1, y1, x2, y2), bucketed by the rows whose centre line they may cross
        int edgeCount = 0;
        for (int g = 0; g < region.getNumGeometries(); g++) {
            Polygon p = (Polygon) region.getGeometryN(g);
            edgeCount += p.getExteriorRing().getNumPoints() - 1;
            for (int r = 0; r < p.getNumInteriorRing(); r++)
                edgeCount += p.getInteriorRingN(r).getNumPoints() - 1;
        }
        double[] ex = new double[4 * Math.max(edgeCount, 0)];
        int e = 0;
        for (int g = 0; g < region.getNumGeometries(); g++) {
            Polygon p = (Polygon) region.getGeometryN(g);
            for (int r = -1; r < p.getNumInteriorRing(); r++) {
                LinearRing ring = r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r);
                Coordinate[] cs = ring.getCoordinates();
                for (int k = 0; k + 1 < cs.length; k++) {
                    ex[4 * e] = cs[k].x;
                    ex[4 * e + 1] = cs[k].y;
                    ex[4 * e + 2] = cs[k + 1].x;
                    ex[4 * e + 3] = cs[k + 1].y;
                    e++;
                }
            }
        }
        int[] rowStart = new int[h + 1];
        int[][] rowsOf = new int[e][];
        for (int k = 0; k < e; k++) {
            rowsOf[k] = rowRange(ex[4 * k + 1], ex[4 * k + 3], grid);
            for (int r = rowsOf[k][0]; r <= rowsOf[k][1]; r++) rowStart[r + 1]++;
        }
        for (int r = 0; r < h; r++) rowStart[r + 1] += rowStart[r];
        int[] fill = Arrays.copyOf(rowStart, h);
        int[] rowEdges = new int[rowStart[h]];
        for (int k = 0; k < e; k++) for (int r = rowsOf[k][0]; r <= rowsOf[k][1]; r++) rowEdges[fill[r]++] = k;

        byte[] mask = new byte[grid.size()];
        double[] xs = new double[16];
        double cell = grid.cell();
        for (int r = 0; r < h; r++) {
            double y = grid.cy(r);
            int nx = 0;
            for (int q = rowStart[r]; q < rowStart[r + 1]; q++) {
                int k = rowEdges[q];
                double x1 = ex[4 * k], y1 = ex[4 * k + 1], x2 = ex[4 * k + 2], y2 = ex[4 * k + 3];
                if ((y1 <= y) == (y2 <= y)) continue;
                if (nx == xs.length) xs = Arrays.copyOf(xs, 2 * nx);
                xs[nx++] = x1 + (y - y1) * (x2 - x1) / (y2 - y1);
            }
            Arrays.sort(xs, 0, nx);
            for (int q = 0; q + 1 < nx; q += 2) {
                // columns c with xs[q] <= cx(c) < xs[q+1]
                int lo = (int) Math.max(0, Math.ceil((xs[q] - grid.cx(0)) / cell) - 1);
                while (lo < grid.width() && grid.cx(lo) < xs[q]) lo++;
                for (int c = lo; c < grid.width() && grid.cx(c) < xs[q + 1]; c++) mask[r * grid.width() + c] = 1;
            }
        }
        return mask;
    }

    /** Rows whose centre y may lie in [min(y1, y2), max(y1, y2)], clipped to the grid; may be empty. */
    private static int[] rowRange(double y1, double y2, GridSpec grid) {
        double lo = Math.min(y1, y2);
        double hi = Math.max(y1, y2);
        double oy = grid.cy(0);
        int a = (int) Math.max(0, Math.floor((lo - oy) / grid.cell()));
        int b = (int) Math.min(grid.height() - 1, Math.ceil((hi - oy) / grid.cell()));
        return new int[] {a, b};
    }

    public GridSpec grid() {
        return grid;
    }

    public GridWindow window() {
        return window;
    }

    /** 1 for study cells of the raster, 0 elsewhere (a copy). */
    public byte[] mask() {
        return mask.clone();
    }

    /** Raster index of study cell {@code index}. */
    public int rasterIndex(int index) {
        return indexToRaster[index];
    }

    /** Values per study cell spread onto the raster (0 outside the study cells). */
    public double[] toRaster(double[] perCell) {
        double[] raster = new double[grid.size()];
        for (int i = 0; i < indexToRaster.length; i++) raster[indexToRaster[i]] = perCell[i];
        return raster;
    }

    @Override
    public int size() {
        return indexToRaster.length;
    }

    @Override
    public String id(int index) {
        return grid.id(indexToRaster[index]);
    }

    @Override
    public double cx(int index) {
        return grid.cx(indexToRaster[index] % grid.width());
    }

    @Override
    public double cy(int index) {
        return grid.cy(indexToRaster[index] / grid.width());
    }

    @Override
    public int indexAt(double x, double y) {
        int k = grid.indexAt(x, y);
        return k < 0 ? -1 : rasterToIndex[k];
    }

    @Override
    public Polygon polygon(int index) {
        int k = indexToRaster[index];
        double c = grid.cell();
        double x0 = (grid.i0() + k % grid.width()) * c;
        double y0 = (grid.j0() + k / grid.width()) * c;
        return Geometries.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0),
            new Coordinate(x0 + c, y0),
            new Coordinate(x0 + c, y0 + c),
            new Coordinate(x0, y0 + c),
            new Coordinate(x0, y0)
        });
    }

    /** Neighbours within the band, self included (n × window size entries: mind memory for 10⁶ cells). */
    @Override
    public CellNeighbours neighbours() {
        int n = size();
        int w = grid.width();
        int h = grid.height();
        int radius = window.radius();
        int[] start = new int[n + 1];
        int[] buf = new int[(int) Math.min((long) n * window.size(), Integer.MAX_VALUE - 8)];
        int len = 0;
        for (int i = 0; i < n; i++) {
            int k = indexToRaster[i];
            int c = k % w;
            int r = k / w;
            for (int dy = -radius; dy <= radius; dy++) {
                int rr = r + dy;
                if (rr < 0 || rr >= h) continue;
                int half = window.halfWidth(dy);
                for (int cc = Math.max(0, c - half); cc <= Math.min(w - 1, c + half); cc++) {
                    int j = rasterToIndex[rr * w + cc];
                    if (j >= 0) buf[len++] = j;
                }
            }
            start[i + 1] = len;
        }
        return new CellNeighbours(start, Arrays.copyOf(buf, len));
    }
}
