package org.sightline.engine.geo;

import java.util.Arrays;

/**
 * A static uniform-grid index over axis-aligned boxes (segments or polygons), stored as compressed
 * rows: cell keys sorted, and for each key the items whose box touches that cell. Built once in
 * O(n log n); a query touches only the cells its box covers. Queries are thread-safe when each
 * thread brings its own {@link Cursor}.
 */
public final class GridIndex {
    private final double cell;
    private final long[] keys;
    private final int[] start;
    private final int[] items;
    private final double[] minX, minY, maxX, maxY;
    /** The box of items[j] at 4j … 4j + 3 (minX, minY, maxX, maxY): a cell's boxes are read contiguously. */
    private final double[] boxes;

    public GridIndex(double cell, double[] minX, double[] minY, double[] maxX, double[] maxY) {
        if (!(cell > 0)) throw new IllegalArgumentException("cell must be > 0, was " + cell);
        this.cell = cell;
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
        int n = minX.length;
        int total = 0;
        for (int i = 0; i < n; i++) {
            long cells = (long) (cellOf(maxX[i]) - cellOf(minX[i]) + 1) * (cellOf(maxY[i]) - cellOf(minY[i]) + 1);
            if (cells > 1_000_000)
                throw new IllegalArgumentException("box " + i + " spans " + cells + " cells; use a larger cell");
            total = Math.addExact(total, (int) cells);
        }
        long[] cellKeys = new long[total];
        int[] itemOf = new int[total];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int cx = cellOf(minX[i]); cx <= cellOf(maxX[i]); cx++) {
                for (int cy = cellOf(minY[i]); cy <= cellOf(maxY[i]); cy++) {
                    cellKeys[k] = key(cx, cy);
                    itemOf[k++] = i;
                }
            }
        }
        int[] idx = sortedOrder(cellKeys);
        int unique = 0;
        for (int j = 0; j < total; j++) {
            if (j == 0 || cellKeys[idx[j]] != cellKeys[idx[j - 1]]) unique++;
        }
        this.keys = new long[unique];
        this.start = new int[unique + 1];
        this.items = new int[total];
        int u = -1;
        for (int j = 0; j < total; j++) {
            long key = cellKeys[idx[j]];
            if (u < 0 || keys[u] != key) {
                keys[++u] = key;
                start[u] = j;
            }
            items[j] = itemOf[idx[j]];
        }
        this.boxes = new double[4 * total];
        for (int j = 0; j < total; j++) {
            int it = items[j];
            boxes[4 * j] = minX[it];
            boxes[4 * j + 1] = minY[it];
            boxes[4 * j + 2] = maxX[it];
            boxes[4 * j + 3] = maxY[it];
        }
        start[unique] = total;
        // a dense row table when the occupied cells span a modest rectangle: a query then indexes
        // it directly instead of binary-searching the keys
        int cxMin = Integer.MAX_VALUE, cxMax = Integer.MIN_VALUE, cyMin = Integer.MAX_VALUE, cyMax = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (!(minX[i] <= maxX[i] && minY[i] <= maxY[i])) continue; // an empty box
            cxMin = Math.min(cxMin, cellOf(minX[i]));
            cxMax = Math.max(cxMax, cellOf(maxX[i]));
            cyMin = Math.min(cyMin, cellOf(minY[i]));
            cyMax = Math.max(cyMax, cellOf(maxY[i]));
        }
        long span = cxMin > cxMax ? -1 : (long) (cxMax - cxMin + 1) * (cyMax - cyMin + 1);
        if (span > 0 && span <= Math.max(DENSE_MIN, 4L * unique)) {
            this.dx0 = cxMin;
            this.dy0 = cyMin;
            this.dnx = cxMax - cxMin + 1;
            this.dny = cyMax - cyMin + 1;
            this.dense = new int[(int) span];
            java.util.Arrays.fill(dense, -1);
            for (int u2 = 0; u2 < unique; u2++) {
                long key = keys[u2];
                int cx = (int) Math.floorDiv(key + (1L << 23), 1L << 24), cy = (int) (key - cx * (1L << 24));
                if (cx < cxMin || cx > cxMax || cy < cyMin || cy > cyMax) continue; // padding of empty boxes
                dense[(cx - cxMin) * dny + (cy - cyMin)] = u2;
            }
        } else {
            this.dx0 = this.dy0 = this.dnx = this.dny = 0;
            this.dense = null;
        }
    }

    private static final long DENSE_MIN = 1 << 16;
    /** Row of cell (cx, cy) at dense[(cx − dx0) · dny + cy − dy0], −1 when empty; null if too sparse. */
    private final int[] dense;

    private final int dx0, dy0, dnx, dny;

    /** Position of the cell's row in {@code keys}, or negative if the cell is empty. */
    private int row(int cx, int cy) {
        if (dense != null) {
            int x = cx - dx0, y = cy - dy0;
            return x < 0 || y < 0 || x >= dnx || y >= dny ? -1 : dense[x * dny + y];
        }
        return Arrays.binarySearch(keys, key(cx, cy));
    }

    /**
     * Indices of {@code cellKeys} in ascending key order (ties by index): one primitive sort of packed
     * (key, index) pairs when they fit in a long, else a boxed stable sort.
     */
    public static int[] sortedOrder(long[] cellKeys) {
        int n = cellKeys.length;
        if (n == 0) return new int[0];
        long minKey = Long.MAX_VALUE, maxKey = Long.MIN_VALUE;
        for (long key : cellKeys) {
            minKey = Math.min(minKey, key);
            maxKey = Math.max(maxKey, key);
        }
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        long span = maxKey - minKey;
        int[] out = new int[n];
        if (span >= 0 && (64 - Long.numberOfLeadingZeros(span)) + bits <= 63) {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) packed[i] = ((cellKeys[i] - minKey) << bits) | i;
            Arrays.sort(packed);
            long mask = (1L << bits) - 1;
            for (int i = 0; i < n; i++) out[i] = (int) (packed[i] & mask);
            return out;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = i;
        Arrays.sort(boxed, (a, b) -> {
            int c = Long.compare(cellKeys[a], cellKeys[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i = 0; i < n; i++) out[i] = boxed[i];
        return out;
    }

    public int size() {
        return minX.length;
    }

    private int cellOf(double v) {
        return (int) Math.floor(v / cell);
    }

    /** Cell coordinates are small (local coordinates / cell), so this key is dense enough to pack. */
    private static long key(int cx, int cy) {
        return (long) cx * (1L << 24) + cy;
    }

    /** Per-thread query state: a visited mark per item and a growable result list. */
    public final class Cursor {
        private final int[] mark = new int[minX.length];
        private int stamp;
        public int[] found = new int[64];
        public int count;

        /** Items whose box intersects [x0, x1] × [y0, y1]; results in {@code found[0..count)}. */
        public void query(double x0, double y0, double x1, double y1) {
            count = 0;
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(mark, 0);
                stamp = 1;
            }
            int cx0 = cellOf(x0), cx1 = cellOf(x1), cy0 = cellOf(y0), cy1 = cellOf(y1);
            boolean oneCell = cx0 == cx1 && cy0 == cy1; // no item can be met twice
            double[] b = boxes;
            for (int cx = cx0; cx <= cx1; cx++) {
                for (int cy = cy0; cy <= cy1; cy++) {
                    int pos = row(cx, cy);
                    if (pos < 0) continue;
                    for (int j = start[pos]; j < start[pos + 1]; j++) {
                        if (b[4 * j + 2] < x0 || b[4 * j] > x1 || b[4 * j + 3] < y0 || b[4 * j + 1] > y1) continue;
                        int it = items[j];
                        if (!oneCell) {
                            if (mark[it] == stamp) continue;
                            mark[it] = stamp;
                        }
                        if (count == found.length) found = Arrays.copyOf(found, count * 2);
                        found[count++] = it;
                    }
                }
            }
        }
    }

    public Cursor cursor() {
        return new Cursor();
    }
}
