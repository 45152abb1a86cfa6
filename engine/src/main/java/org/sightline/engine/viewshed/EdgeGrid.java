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
        this(boxesOf(edges), edges);
    }

    /**
     * A grid over items with boxes {@code boxes[4i..4i+3]} = (minX, minY, maxX, maxY); {@code payload}
     * (4 values per item, or null) is copied next to each entry.
     */
    EdgeGrid(double[] boxes, double[] payload) {
        int n = boxes.length / 4;
        double minX = Double.POSITIVE_INFINITY, minY = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, boxes[4 * i]);
            minY = Math.min(minY, boxes[4 * i + 1]);
            maxX = Math.max(maxX, boxes[4 * i + 2]);
            maxY = Math.max(maxY, boxes[4 * i + 3]);
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
            for (int y = cy(boxes[4 * i + 1]); y <= cy(boxes[4 * i + 3]); y++) {
                for (int x = cx(boxes[4 * i]); x <= cx(boxes[4 * i + 2]); x++) start[y * nx + x + 1]++;
            }
        }
        for (int c = 0; c < nx * ny; c++) start[c + 1] += start[c];
        this.items = new int[start[nx * ny]];
        this.coords = payload == null ? new double[0] : new double[4 * items.length];
        int[] fill = new int[nx * ny];
        for (int i = 0; i < n; i++) {
            for (int y = cy(boxes[4 * i + 1]); y <= cy(boxes[4 * i + 3]); y++) {
                for (int x = cx(boxes[4 * i]); x <= cx(boxes[4 * i + 2]); x++) {
                    int c = y * nx + x;
                    int k = start[c] + fill[c]++;
                    items[k] = i;
                    if (payload != null) System.arraycopy(payload, 4 * i, coords, 4 * k, 4);
                }
            }
        }
    }

    private static double[] boxesOf(double[] edges) {
        double[] b = new double[edges.length];
        for (int i = 0; i < edges.length / 4; i++) {
            b[4 * i] = Math.min(edges[4 * i], edges[4 * i + 2]);
            b[4 * i + 1] = Math.min(edges[4 * i + 1], edges[4 * i + 3]);
            b[4 * i + 2] = Math.max(edges[4 * i], edges[4 * i + 2]);
            b[4 * i + 3] = Math.max(edges[4 * i + 1], edges[4 * i + 3]);
        }
        return b;
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
