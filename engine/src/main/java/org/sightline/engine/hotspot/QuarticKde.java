package org.sightline.engine.hotspot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Kernel density of weighted points with the quartic (biweight) kernel of bandwidth h:
 * f(q) = Σ_k w_k · 3/(π h²) · (1 − d²/h²)² over points at distance d &lt; h, in points per km²
 * (the kernel integrates to 1 over the plane, so a density integrates to the total weight).
 *
 * <p>{@link #raster} scatters each point onto the square of cells within h of it in x and y (about
 * 4 h²/cell² cells per point, independent of the raster size; the kernel factor is clamped at 0, so
 * the cells of the square outside the disk get exactly 0), two rows per pass over the point's
 * columns, in parallel bands of rows with results independent of the thread count. {@link #atPoints}
 * gathers from a bucket grid of side h (3 × 3 buckets per query point).
 */
public final class QuarticKde {
    private static final double M2_PER_KM2 = 1e6;

    private QuarticKde() {}

    /**
     * Density at every cell centre of {@code grid}, row-major, in points per km².
     *
     * @param xs x of the points, metres
     * @param ys y of the points
     * @param ws weight of each point
     * @param h bandwidth, metres
     */
    public static double[] raster(double[] xs, double[] ys, double[] ws, GridSpec grid, double h) {
        checkInput(xs, ys, ws, h);
        double[] out = new double[grid.size()];
        int ht = grid.height();
        if (ht == 0 || grid.width() == 0 || xs.length == 0) return out;
        // Visit the points row by row (counting sort on the raster row): the cells touched by
        // consecutive points then stay within a few rows, in cache. Bands of rows are independent
        // (each band takes the points within h of it and writes only its own rows), and every cell
        // receives its terms in the same order whatever the thread count, so results are identical.
        Buckets b = Buckets.byRow(ys, grid);
        int reach = (int) Math.ceil(h / grid.cell()) + 1;
        int bandRows = Math.max(4 * reach, 64);
        int bands = (ht + bandRows - 1) / bandRows;
        IntStream.range(0, bands).parallel().forEach(band -> {
            int r0 = band * bandRows;
            int r1 = Math.min(ht, r0 + bandRows);
            int from = b.start(r0 - reach);
            int to = b.end(r1 - 1 + reach);
            scatter(xs, ys, ws, b.order, from, to, grid, h, r0, r1, out);
        });
        return out;
    }

    /**
     * Adds points order[from … to) onto raster rows r0 … r1−1. The kernel is continuous and 0 at
     * distance h, so a point may be evaluated on the whole square of cells around it with the
     * factor clamped at 0: no per-row square root or rounding, and each point's (dx/h)² per column
     * is computed once for all its rows.
     */
    private static void scatter(
            double[] xs,
            double[] ys,
            double[] ws,
            int[] order,
            int from,
            int to,
            GridSpec grid,
            double h,
            int r0,
            int r1,
            double[] out) {
        double cell = grid.cell();
        double h2 = h * h;
        double inv = 1 / h2;
        double norm = 3 / (Math.PI * h2) * M2_PER_KM2;
        int w = grid.width();
        double ox = grid.cx(0);
        double oy = grid.cy(0);
        double[] q = new double[(int) Math.ceil(2 * h / cell) + 3];
        for (int p = from; p < to; p++) {
            int k = order[p];
            double x = xs[k];
            double y = ys[k];
            double wk = ws[k] * norm;
            if (!(Double.isFinite(x) && Double.isFinite(y))) continue; // nowhere within h of a cell
            int rLo = (int) Math.max(r0, Math.ceil((y - h - oy) / cell));
            int rHi = (int) Math.min(r1 - 1, Math.floor((y + h - oy) / cell));
            int cLo = (int) Math.max(0, Math.ceil((x - h - ox) / cell));
            int cHi = (int) Math.min(w - 1, Math.floor((x + h - ox) / cell));
            if (rLo > rHi || cLo > cHi) continue;
            int nc = cHi - cLo + 1;
            for (int j = 0; j < nc; j++) {
                double dx = grid.cx(cLo + j) - x;
                q[j] = dx * dx * inv;
            }
            int r = rLo;
            for (; r < rHi; r += 2) { // two rows per pass over the columns
                double dy0 = grid.cy(r) - y, dy1 = grid.cy(r + 1) - y;
                double a0 = 1 - dy0 * dy0 * inv, a1 = 1 - dy1 * dy1 * inv;
                int o = r * w + cLo;
                for (int j = 0; j < nc; j++) {
                    double t0 = Math.max(a0 - q[j], 0), t1 = Math.max(a1 - q[j], 0);
                    out[o + j] += wk * t0 * t0;
                    out[o + w + j] += wk * t1 * t1;
                }
            }
            if (r == rHi) {
                double dy = grid.cy(r) - y;
                double a = 1 - dy * dy * inv;
                int o = r * w + cLo;
                for (int j = 0; j < nc; j++) {
                    double t = Math.max(a - q[j], 0);
                    out[o + j] += wk * t * t;
                }
            }
        }
    }

    /** Points ordered by raster row; rows below the raster count as −1, above as height. */
    private record Buckets(int[] order, int[] start, int height) {
        static Buckets byRow(double[] ys, GridSpec grid) {
            int h = grid.height();
            int[] bucket = new int[ys.length];
            int[] start = new int[h + 3];
            double oy = grid.j0() * grid.cell();
            for (int k = 0; k < ys.length; k++) {
                double r = Math.floor((ys[k] - oy) / grid.cell());
                bucket[k] = (int) Math.max(0, Math.min(h + 1, r + 1)); // row −1 … h → bucket 0 … h+1
                start[bucket[k] + 1]++;
            }
            for (int r = 0; r <= h + 1; r++) start[r + 1] += start[r];
            int[] order = new int[ys.length];
            int[] fill = java.util.Arrays.copyOf(start, h + 2);
            for (int k = 0; k < ys.length; k++) order[fill[bucket[k]]++] = k;
            return new Buckets(order, start, h);
        }

        /** First position of the points in row ≥ r. */
        int start(int row) {
            return start[Math.max(0, Math.min(height + 1, row + 1))];
        }

        /** One past the last position of the points in row ≤ r. */
        int end(int row) {
            return start[Math.max(0, Math.min(height + 1, row + 1)) + 1];
        }
    }

    /** Density at each query point (px[i], py[i]), in points per km². */
    public static double[] atPoints(double[] xs, double[] ys, double[] ws, double[] px, double[] py, double h) {
        checkInput(xs, ys, ws, h);
        if (px.length != py.length) throw new IllegalArgumentException("px and py differ in length");
        double[] out = new double[px.length];
        if (xs.length == 0) return out;
        // bucket the points by (floor(x/h), floor(y/h)): sort by key, then key → [from, to)
        long[] keys = new long[xs.length];
        Integer[] order = new Integer[xs.length];
        for (int k = 0; k < xs.length; k++) {
            keys[k] = key((long) Math.floor(xs[k] / h), (long) Math.floor(ys[k] / h));
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        Map<Long, int[]> buckets = new HashMap<>();
        for (int s = 0; s < order.length; ) {
            int e = s;
            while (e < order.length && keys[order[e]] == keys[order[s]]) e++;
            buckets.put(keys[order[s]], new int[] {s, e});
            s = e;
        }
        double[] sx = new double[xs.length];
        double[] sy = new double[xs.length];
        double[] sw = new double[xs.length];
        for (int s = 0; s < order.length; s++) {
            sx[s] = xs[order[s]];
            sy[s] = ys[order[s]];
            sw[s] = ws[order[s]];
        }
        double h2 = h * h;
        double norm = 3 / (Math.PI * h2) * M2_PER_KM2;
        for (int q = 0; q < px.length; q++) {
            long bx = (long) Math.floor(px[q] / h);
            long by = (long) Math.floor(py[q] / h);
            double f = 0;
            for (long dy = -1; dy <= 1; dy++) {
                for (long dx = -1; dx <= 1; dx++) {
                    int[] range = buckets.get(key(bx + dx, by + dy));
                    if (range == null) continue;
                    for (int s = range[0]; s < range[1]; s++) {
                        double ex = sx[s] - px[q];
                        double ey = sy[s] - py[q];
                        double d2 = ex * ex + ey * ey;
                        if (d2 < h2) {
                            double t = 1 - d2 / h2;
                            f += sw[s] * t * t;
                        }
                    }
                }
            }
            out[q] = f * norm;
        }
        return out;
    }

    private static long key(long bx, long by) {
        return (bx << 32) ^ (by & 0xFFFFFFFFL);
    }

    private static void checkInput(double[] xs, double[] ys, double[] ws, double h) {
        if (xs.length != ys.length || xs.length != ws.length)
            throw new IllegalArgumentException("xs, ys and ws differ in length");
        if (!(h > 0 && Double.isFinite(h))) throw new IllegalArgumentException("bandwidth must be > 0, was " + h);
    }
}
