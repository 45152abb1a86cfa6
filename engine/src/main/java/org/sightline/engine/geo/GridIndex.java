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
        start[unique] = total;
    }

    /** Indices of {@code cellKeys} in ascending key order (ties by index). */
    private static int[] sortedOrder(long[] cellKeys) {
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
            for (int cx = cx0; cx <= cx1; cx++) {
                for (int cy = cy0; cy <= cy1; cy++) {
                    int pos = Arrays.binarySearch(keys, key(cx, cy));
                    if (pos < 0) continue;
                    for (int j = start[pos]; j < start[pos + 1]; j++) {
                        int it = items[j];
                        if (mark[it] == stamp) continue;
                        mark[it] = stamp;
                        if (maxX[it] < x0 || minX[it] > x1 || maxY[it] < y0 || minY[it] > y1) continue;
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
