package org.sightline.engine.viewshed;

/**
 * A packed uniform grid over boxes (occluder edges, or polygon envelopes): for each cell, its entries
 * as one int array in cell order (compressed rows), with a copy of each item's four numbers next to
 * it, so that a cell's entries are read contiguously. Built in two counting passes, no sorting;
 * immutable once built.
 *
 * <p>Two ways to fill it:
 *
 * <ul>
 *   <li>{@linkplain #EdgeGrid(double[], double[]) listed}: an item is an entry of every cell its box
 *       meets; callers de-duplicate.
 *   <li>{@linkplain #loose(double[]) loose}: an item whose box spans at most two cells each way (every
 *       edge shorter than a cell) is an entry of the cell of its box's lower-left corner only, so it is
 *       met once and needs no de-duplication; a longer one is an entry of every cell it meets, marked
 *       {@linkplain #listed(int) listed}. Each cell keeps the bounding box of its entries (a long item
 *       counted only within the cell), which may reach one cell beyond the cell on its upper and right
 *       sides: look one cell further down and left when asking for a region.
 * </ul>
 */
final class EdgeGrid {
    /** Smallest cell (metres): a few houses' edges per cell at city density. */
    static final double MIN_CELL = 24;
    /** The grid never has more cells than this; a vast extent gets larger cells. */
    static final long MAX_CELLS = 4_000_000;

    final double x0, y0, cell;
    final int nx, ny;
    private final int[] start;
    /** items[k]: the item of entry k, or its complement (negative) for a listed item of a loose grid. */
    private final int[] items;
    /** The coordinates of items[k] at 4k … 4k + 3, so that a cell's edges are read contiguously. */
    final double[] coords;
    /** Loose grids: the bounding box of cell c's entries at 4c … 4c + 3 (empty cells: NaN). */
    final double[] cellBoxes;

    /** A loose grid over edges {@code edges[4i..4i+3]} = (x0, y0, x1, y1). */
    static EdgeGrid loose(double[] edges) {
        return new EdgeGrid(boxesOf(edges), edges, true);
    }

    /**
     * A listed grid over items with boxes {@code boxes[4i..4i+3]} = (minX, minY, maxX, maxY); {@code
     * payload} (4 values per item, or null) is copied next to each entry.
     */
    EdgeGrid(double[] boxes, double[] payload) {
        this(boxes, payload, false);
    }

    private EdgeGrid(double[] boxes, double[] payload, boolean loose) {
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
            int ya = cy(boxes[4 * i + 1]), yb = cy(boxes[4 * i + 3]), xa = cx(boxes[4 * i]), xb = cx(boxes[4 * i + 2]);
            if (loose && once(xa, xb, ya, yb)) {
                start[ya * nx + xa + 1]++;
                continue;
            }
            for (int y = ya; y <= yb; y++) {
                for (int x = xa; x <= xb; x++) start[y * nx + x + 1]++;
            }
        }
        for (int c = 0; c < nx * ny; c++) start[c + 1] += start[c];
        this.items = new int[start[nx * ny]];
        this.coords = payload == null ? new double[0] : new double[4 * items.length];
        this.cellBoxes = loose ? new double[4 * nx * ny] : null;
        if (loose) java.util.Arrays.fill(cellBoxes, Double.NaN);
        int[] fill = new int[nx * ny];
        for (int i = 0; i < n; i++) {
            int ya = cy(boxes[4 * i + 1]), yb = cy(boxes[4 * i + 3]), xa = cx(boxes[4 * i]), xb = cx(boxes[4 * i + 2]);
            if (loose && once(xa, xb, ya, yb)) {
                add(ya * nx + xa, i, i, fill, boxes, payload);
                continue;
            }
            for (int y = ya; y <= yb; y++) {
                for (int x = xa; x <= xb; x++) add(y * nx + x, loose ? ~i : i, i, fill, boxes, payload);
            }
        }
    }

    /** Whether a box spanning columns xa … xb and rows ya … yb is entered once in a loose grid. */
    private static boolean once(int xa, int xb, int ya, int yb) {
        return xb - xa <= 1 && yb - ya <= 1;
    }

    private void add(int c, int entry, int i, int[] fill, double[] boxes, double[] payload) {
        int k = start[c] + fill[c]++;
        items[k] = entry;
        if (payload != null) System.arraycopy(payload, 4 * i, coords, 4 * k, 4);
        if (cellBoxes == null) return;
        double bx0 = boxes[4 * i], by0 = boxes[4 * i + 1], bx1 = boxes[4 * i + 2], by1 = boxes[4 * i + 3];
        if (entry < 0) { // listed in several cells: only its part in this one
            double cx0 = x0 + (c % nx) * cell, cy0 = y0 + (c / nx) * cell, margin = 1e-6 * cell;
            bx0 = Math.max(bx0, cx0 - margin);
            by0 = Math.max(by0, cy0 - margin);
            bx1 = Math.min(bx1, cx0 + cell + margin);
            by1 = Math.min(by1, cy0 + cell + margin);
        }
        double[] b = cellBoxes;
        if (Double.isNaN(b[4 * c])) {
            b[4 * c] = bx0;
            b[4 * c + 1] = by0;
            b[4 * c + 2] = bx1;
            b[4 * c + 3] = by1;
        } else {
            b[4 * c] = Math.min(b[4 * c], bx0);
            b[4 * c + 1] = Math.min(b[4 * c + 1], by0);
            b[4 * c + 2] = Math.max(b[4 * c + 2], bx1);
            b[4 * c + 3] = Math.max(b[4 * c + 3], by1);
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

    /** Loose grids: whether cell c has entries and their box meets the box (x0, y0) … (x1, y1). */
    boolean cellMeets(int c, double x0, double y0, double x1, double y1) {
        double[] b = cellBoxes;
        return start[c] < start[c + 1]
                && x1 >= b[4 * c]
                && y1 >= b[4 * c + 1]
                && x0 <= b[4 * c + 2]
                && y0 <= b[4 * c + 3];
    }

    /** The item of entry k. */
    int item(int k) {
        int i = items[k];
        return i < 0 ? ~i : i;
    }

    /** The item of entry k, complemented (negative) if it is listed in several cells of a loose grid. */
    int entry(int k) {
        return items[k];
    }
}
