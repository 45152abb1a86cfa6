package org.sightline.engine.viewshed;

/**
 * A packed uniform grid over occluder edges: for each cell, the edges whose bounding box meets it, as
 * one int array in cell order (compressed rows), with a copy of each edge's coordinates next to it.
 * An edge spanning several cells is listed in each, so callers de-duplicate. Built in two counting passes, no sorting; immutable once built.
 */
final class EdgeGrid {
    /** Smallest cell (metres): a few houses' edges per cell at city density. */
    static final double MIN_CELL = 24;
    /** The grid never has more cells than this; a vast extent gets larger cells. */
    static final long MAX_CELLS = 4_000_000;

    final double x0, y0, cell;
    final int nx, ny;
    private final int[] start;
    private final int[] items;
    /** The coordinates of items[k] at 4k … 4k + 3, so that a cell's edges are read contiguously. */
    final double[] coords;

    EdgeGrid(double[] edges) {
        int n = edges.length / 4;
        double minX = Double.POSITIVE_INFINITY, minY = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX;
        for (int i = 0; i < 2 * n; i++) {
            minX = Math.min(minX, edges[2 * i]);
            maxX = Math.max(maxX, edges[2 * i]);
            minY = Math.min(minY, edges[2 * i + 1]);
            maxY = Math.max(maxY, edges[2 * i + 1]);
        }
        if (n == 0) minX = minY = maxX = maxY = 0;
        double w = maxX - minX, h = maxY - minY;
        this.cell = Math.max(MIN_CELL, Math.sqrt(w * h / MAX_CELLS) * 1.01);
        this.x0 = minX;
        this.y0 = minY;
        this.nx = Math.max(1, (int) Math.min(MAX_CELLS, (long) Math.floor(w / cell) + 1));
        this.ny = Math.max(1, (int) Math.min(MAX_CELLS / nx, (long) Math.floor(h / cell) + 1));
        this.start = new int[nx * ny + 1];
        for (int i = 0; i < n; i++) {
            int ax = cx(Math.min(edges[4 * i], edges[4 * i + 2])), bx = cx(Math.max(edges[4 * i], edges[4 * i + 2]));
            int ay = cy(Math.min(edges[4 * i + 1], edges[4 * i + 3]));
            int by = cy(Math.max(edges[4 * i + 1], edges[4 * i + 3]));
            for (int y = ay; y <= by; y++) for (int x = ax; x <= bx; x++) start[y * nx + x + 1]++;
        }
        for (int c = 0; c < nx * ny; c++) start[c + 1] += start[c];
        this.items = new int[start[nx * ny]];
        this.coords = new double[4 * items.length];
        int[] fill = new int[nx * ny];
        for (int i = 0; i < n; i++) {
            int ax = cx(Math.min(edges[4 * i], edges[4 * i + 2])), bx = cx(Math.max(edges[4 * i], edges[4 * i + 2]));
            int ay = cy(Math.min(edges[4 * i + 1], edges[4 * i + 3]));
            int by = cy(Math.max(edges[4 * i + 1], edges[4 * i + 3]));
            for (int y = ay; y <= by; y++) {
                for (int x = ax; x <= bx; x++) {
                    int c = y * nx + x;
                    int k = start[c] + fill[c]++;
                    items[k] = i;
                    System.arraycopy(edges, 4 * i, coords, 4 * k, 4);
                }
            }
        }
    }

    /** Column of x, clamped to the grid. */
    int cx(double x) {
        double v = Math.floor((x - x0) / cell);
        return v < 0 ? 0 : v >= nx ? nx - 1 : (int) v;
    }

    /** Row of y, clamped to the grid. */
    int cy(double y) {
        double v = Math.floor((y - y0) / cell);
        return v < 0 ? 0 : v >= ny ? ny - 1 : (int) v;
    }

    int start(int cell) {
        return start[cell];
    }

    int end(int cell) {
        return start[cell + 1];
    }

    int item(int k) {
        return items[k];
    }
}
