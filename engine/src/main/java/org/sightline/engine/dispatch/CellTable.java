package org.sightline.engine.dispatch;

import java.util.Arrays;
import org.sightline.engine.geo.GridIndex;

/**
 * Which boxes touch which cell of a uniform grid, for an index that lays out its own per-cell data:
 * {@link #entries} lists (cell, box) pairs ordered by cell and, within a cell, by box number, and
 * {@link #range} gives the entries of one cell. The cell of a point is looked up in a dense table
 * when the occupied cells span a modest rectangle, else by binary search over the occupied cells.
 * The cells of a box are those of {@code floor(coordinate / cell)} from its min to its max corner,
 * as {@code org.sightline.engine.geo.GridIndex} has them.
 */
final class CellTable {
    private static final long DENSE_MIN = 1 << 16;

    private final double cell;
    /** Box of entry e (entries in cell order). */
    final int[] entries;

    private final long[] keys; // sparse: the occupied cells' keys, ascending
    private final int[] start; // sparse: entries of keys[u] are start[u] … start[u+1]−1; dense: per dense cell
    private final int dx0, dy0, dnx, dny;
    private final boolean dense;

    CellTable(double cell, double[] minX, double[] minY, double[] maxX, double[] maxY) {
        if (!(cell > 0)) throw new IllegalArgumentException("cell must be > 0, was " + cell);
        this.cell = cell;
        int n = minX.length;
        int total = 0;
        int cxMin = Integer.MAX_VALUE, cxMax = Integer.MIN_VALUE, cyMin = Integer.MAX_VALUE, cyMax = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (!(minX[i] <= maxX[i] && minY[i] <= maxY[i])) continue; // an empty box touches no cell
            long cells = (long) (cellOf(maxX[i]) - cellOf(minX[i]) + 1) * (cellOf(maxY[i]) - cellOf(minY[i]) + 1);
            if (cells > 1_000_000)
                throw new IllegalArgumentException("box " + i + " spans " + cells + " cells; use a larger cell");
            total = Math.addExact(total, (int) cells);
            cxMin = Math.min(cxMin, cellOf(minX[i]));
            cxMax = Math.max(cxMax, cellOf(maxX[i]));
            cyMin = Math.min(cyMin, cellOf(minY[i]));
            cyMax = Math.max(cyMax, cellOf(maxY[i]));
        }
        long[] pair = new long[total]; // (cell key, box): sorted, cell order then box order
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!(minX[i] <= maxX[i] && minY[i] <= maxY[i])) continue;
            for (int cx = cellOf(minX[i]); cx <= cellOf(maxX[i]); cx++) {
                for (int cy = cellOf(minY[i]); cy <= cellOf(maxY[i]); cy++) {
                    pair[k++] = key(cx, cy);
                }
            }
        }
        int[] order = GridIndex.sortedOrder(pair);
        int[] boxOf = new int[total];
        k = 0;
        for (int i = 0; i < n; i++) {
            if (!(minX[i] <= maxX[i] && minY[i] <= maxY[i])) continue;
            long cells = (long) (cellOf(maxX[i]) - cellOf(minX[i]) + 1) * (cellOf(maxY[i]) - cellOf(minY[i]) + 1);
            for (long c = 0; c < cells; c++) boxOf[k++] = i;
        }
        this.entries = new int[total];
        long[] sortedKeys = new long[total];
        for (int j = 0; j < total; j++) {
            entries[j] = boxOf[order[j]];
            sortedKeys[j] = pair[order[j]];
        }
        int unique = 0;
        for (int j = 0; j < total; j++) if (j == 0 || sortedKeys[j] != sortedKeys[j - 1]) unique++;
        long span = total == 0 ? -1 : (long) (cxMax - cxMin + 1) * (cyMax - cyMin + 1);
        this.dense = span > 0 && span <= Math.max(DENSE_MIN, 4L * unique);
        if (dense) {
            this.dx0 = cxMin;
            this.dy0 = cyMin;
            this.dnx = cxMax - cxMin + 1;
            this.dny = cyMax - cyMin + 1;
            this.keys = null;
            this.start = new int[(int) span + 1];
            // entries are in key order, and keys order cells as the dense table does (x, then y)
            int j = 0;
            for (int d = 0; d < span; d++) {
                start[d] = j;
                long key = key(dx0 + d / dny, dy0 + d % dny);
                while (j < total && sortedKeys[j] == key) j++;
            }
            start[(int) span] = j;
        } else {
            this.dx0 = this.dy0 = this.dnx = this.dny = 0;
            this.keys = new long[unique];
            this.start = new int[unique + 1];
            int u = -1;
            for (int j = 0; j < total; j++) {
                if (u < 0 || keys[u] != sortedKeys[j]) {
                    keys[++u] = sortedKeys[j];
                    start[u] = j;
                }
            }
            start[unique] = total;
        }
    }

    int cellOf(double v) {
        return (int) Math.floor(v / cell);
    }

    /** Cell coordinates are small (local coordinates / cell), so this key is dense enough to pack. */
    private static long key(int cx, int cy) {
        return (long) cx * (1L << 24) + cy;
    }

    /** The entries of cell (cx, cy) as first << 32 | end (first == end when there is none). */
    long range(int cx, int cy) {
        int pos;
        if (dense) {
            int x = cx - dx0, y = cy - dy0;
            if (x < 0 || y < 0 || x >= dnx || y >= dny) return 0;
            pos = x * dny + y;
        } else {
            pos = Arrays.binarySearch(keys, key(cx, cy));
            if (pos < 0) return 0;
        }
        return (long) start[pos] << 32 | start[pos + 1];
    }
}
