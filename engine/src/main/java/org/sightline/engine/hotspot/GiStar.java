package org.sightline.engine.hotspot;

import java.util.stream.IntStream;

/**
 * Getis–Ord Gi* with binary weights (w_ij ∈ {0, 1}, w_ii = 1), as in DESIGN.md:
 *
 * <pre>
 * G*_i = (Σ_j w_ij x_j − x̄ Σ_j w_ij) / ( S √[(n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)] )
 * </pre>
 *
 * With binary weights Σ_j w_ij² = Σ_j w_ij = m_i, the number of study cells in i's neighbourhood, so
 * the denominator depends on m_i only and is tabulated once per run. A cell whose neighbourhood is
 * the whole study area (m_i = n) has 0/0 and gets z = 0.
 *
 * <p>On a square grid ({@link #onGrid}) neighbourhood sums come from a dense raster of the region's
 * bounding box with a mask of study cells (cells outside the region hold no value and no weight).
 * The raster is cut into bands of 2^16 cells worth of rows, processed in parallel: one pass per band
 * gives n, Σx and the squared deviations from the band's mean (combined in band order), a
 * second writes z. The default 3×3 window adds the horizontal 3-sums of three rows directly; other
 * square windows use running box sums (a ring of the last 2k+1 rows), cost O(W·H) whatever the
 * band; a disc-shaped window (e.g. band 2.5 cells) uses row prefix sums, cost O(W·H·(2r+1)), in one
 * thread. Results do not depend on the thread count. HotspotBenchmark.giStarZ times 1 000 000 cells
 * with the default 3×3 window.
 */
public final class GiStar {
    /**
     * S at or below this fraction of the values' root mean square √(x̄² + S²) counts as zero (all values
     * equal up to rounding).
     */
    static final double DEGENERATE_SD = 1e-12;

    private GiStar() {}

    /**
     * Gi* over arbitrary neighbour lists (H3 cells, or squares when lists are at hand).
     *
     * @param x value of each cell
     * @param neighbours neighbour lists of the same cells, self included
     */
    public static GiScores of(double[] x, CellNeighbours neighbours) {
        return of(x, neighbours, null);
    }

    /** {@link #of(double[], CellNeighbours)}, handing the scores to {@code then} once all are written. */
    public static GiScores of(double[] x, CellNeighbours neighbours, Scored then) {
        if (neighbours.cells() != x.length)
            throw new IllegalArgumentException(
                    "neighbours describe " + neighbours.cells() + " cells, x has " + x.length);
        Moments mo = Moments.of(x, null);
        double[] z = new double[x.length];
        if (mo.degenerate) return mo.scores(z);
        int maxM = 0;
        for (int i = 0; i < x.length; i++) maxM = Math.max(maxM, neighbours.degree(i));
        double[] inv = mo.inverseDenominators(maxM);
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int k = neighbours.start(i), e = neighbours.end(i); k < e; k++) s += x[neighbours.at(k)];
            int m = neighbours.degree(i);
            z[i] = (s - mo.mean * m) * inv[m];
        }
        if (then != null) then.scoredAll(z);
        return mo.scores(z);
    }

    /**
     * Gi* on a dense row-major raster. Cells with {@code mask == 0} are not study cells: their x is
     * ignored and they are neither counted in n nor weighted.
     *
     * @return z of the study cells in row-major order (row 0 first), i.e. in the order of the mask's
     *     non-zero entries
     */
    public static GiScores onGrid(double[] x, byte[] mask, int width, int height, GridWindow window) {
        return onGrid(x, mask, width, height, window, null);
    }

    /**
     * What to do with the scores of a run of cells as soon as they are written, while they are in the
     * core's cache (e.g. their p-values): called with disjoint ranges that together cover every cell,
     * perhaps on several threads at once (on a grid, once per band of rows, on the band's thread); not
     * called when the scores are degenerate.
     */
    public interface Scored {
        /** z[from … to−1] are final. */
        void scored(double[] z, int from, int to);

        /** All of z at once, in chunks side by side when z is long ({@link Chunks}). */
        default void scoredAll(double[] z) {
            Chunks.map(z.length, (from, to) -> {
                scored(z, from, to);
                return null;
            });
        }
    }

    /** {@link #onGrid(double[], byte[], int, int, GridWindow)}, handing each band's scores to {@code then}. */
    public static GiScores onGrid(double[] x, byte[] mask, int width, int height, GridWindow window, Scored then) {
        if (x.length != (long) width * height || mask.length != x.length)
            throw new IllegalArgumentException("raster must have width × height = " + (long) width * height
                    + " cells, x has " + x.length + ", mask " + mask.length);
        // Bands of rows are the unit of parallel work: the moments are combined band by band in a
        // fixed order and every z is computed from its band alone, so results do not depend on the
        // number of threads.
        int bandRows = width == 0 ? 1 : Math.max(1, BAND_CELLS / width);
        int bands = (height + bandRows - 1) / bandRows;
        int[] rowStart = new int[height + 1];
        Moments mo = Moments.ofRaster(x, mask, width, height, bandRows, bands, rowStart);
        double[] z = new double[mo.n];
        if (mo.degenerate) return mo.scores(z);
        double[] inv = mo.inverseDenominators(window.size());
        double mean = mo.mean;
        IntStream range = IntStream.range(0, bands);
        if (bands > 1) range = range.parallel();
        if (window.isSquare()) {
            range.forEach(b -> {
                int r0 = b * bandRows, r1 = Math.min(height, (b + 1) * bandRows);
                squareWindow(x, mask, width, height, window.radius(), r0, r1, rowStart, mean, inv, z);
                if (then != null) then.scored(z, rowStart[r0], rowStart[r1]);
            });
        } else {
            discWindow(x, mask, width, height, window, mean, inv, z);
            if (then != null) then.scoredAll(z);
        }
        return mo.scores(z);
    }

    /** Cells per band of rows: a band's x and mask stay in the core's cache between passes. */
    private static final int BAND_CELLS = 1 << 16;

    /**
     * z of rows r0 … r1−1 with a (2k+1)² window: horizontal window sums of each row (masked x and
     * study-cell counts, over a zero-padded copy of the row) enter a ring of the last 2k+1 rows and a
     * running vertical sum; the band starts from its own first rows, so bands are independent.
     */
    private static void squareWindow(
            double[] x,
            byte[] mask,
            int w,
            int h,
            int k,
            int r0,
            int r1,
            int[] rowStart,
            double mean,
            double[] inv,
            double[] z) {
        if (k == 1) {
            threeByThree(x, mask, w, h, r0, r1, rowStart, mean, inv, z);
            return;
        }
        int span = 2 * k + 1;
        double[] ringX = new double[span * w];
        int[] ringM = new int[span * w];
        double[] ax = new double[w];
        int[] am = new int[w];
        double[] vx = new double[w + 2 * k + 1]; // masked row, k zeros each side, then a prefix slot
        int[] vm = new int[w + 2 * k + 1];
        int first = Math.max(0, r0 - k);
        int last = Math.min(h - 1, r1 - 1 + k);
        for (int add = first; add <= last; add++) {
            int o = add * w;
            for (int c = 0; c < w; c++) {
                boolean in = mask[o + c] != 0;
                vx[c + k] = in ? x[o + c] : 0;
                vm[c + k] = in ? 1 : 0;
            }
            int slot = ((add - first) % span) * w;
            boolean full = add - first >= span; // the slot holds the row that leaves the window
            {
                double sx = 0;
                int sm = 0;
                for (int c = 0; c < span - 1; c++) {
                    sx += vx[c];
                    sm += vm[c];
                }
                for (int c = 0; c < w; c++) {
                    sx += vx[c + span - 1];
                    sm += vm[c + span - 1];
                    double hx = sx;
                    int hm = sm;
                    sx -= vx[c];
                    sm -= vm[c];
                    ax[c] += full ? hx - ringX[slot + c] : hx;
                    am[c] += full ? hm - ringM[slot + c] : hm;
                    ringX[slot + c] = hx;
                    ringM[slot + c] = hm;
                }
            }
            // row r = add − k now has its whole window (rows below h are absent, i.e. zero)
            int r = add - k;
            if (r >= r0 && r < r1) emitRow(mask, w, r, rowStart[r], ax, am, mean, inv, z);
        }
        // the last k rows of the band when the raster ends before their windows do: the vertical
        // sums already hold every existing row of their windows once the rows above the top leave
        for (int r = Math.max(r0, last - k + 1); r < r1; r++) {
            int leave = r - k - 1; // row that leaves the window of r
            if (leave >= first) {
                int slot = ((leave - first) % span) * w;
                for (int c = 0; c < w; c++) {
                    ax[c] -= ringX[slot + c];
                    am[c] -= ringM[slot + c];
                }
            }
            emitRow(mask, w, r, rowStart[r], ax, am, mean, inv, z);
        }
    }

    /**
     * The default window (the cell and its 8 neighbours) of rows r0 … r1−1: the horizontal 3-sums
     * of the rows r−1, r, r+1 are kept in three buffers and added directly (no running sums).
     */
    private static void threeByThree(
            double[] x,
            byte[] mask,
            int w,
            int h,
            int r0,
            int r1,
            int[] rowStart,
            double mean,
            double[] inv,
            double[] z) {
        double[][] hx = new double[3][w];
        int[][] own = new int[3][w]; // the study-cell counts of partial rows
        int[][] hm = {own[0], own[1], own[2]};
        int[] fullCounts = null; // the counts of a row of study cells only: 2 3 3 … 3 2
        double[] zeroX = new double[w];
        int[] zeroM = new int[w];
        double[] vx = new double[w + 2];
        int[] vm = new int[w + 2];
        int first = Math.max(0, r0 - 1);
        int last = Math.min(h - 1, r1);
        for (int add = first; add <= last + 1; add++) {
            if (add <= last) {
                int o = add * w;
                double[] bx = hx[add % 3];
                if (rowStart[add + 1] - rowStart[add] == w) { // a row of study cells only: sums from x itself
                    if (fullCounts == null) {
                        fullCounts = new int[w];
                        for (int c = 0; c < w; c++) fullCounts[c] = (c > 0 ? 1 : 0) + 1 + (c + 1 < w ? 1 : 0);
                    }
                    hm[add % 3] = fullCounts;
                    // (0 + a) + b = a + b and (a + b) + 0 = a + b: the padded row's sums, bit for bit
                    if (w == 1) bx[0] = x[o];
                    else {
                        bx[0] = x[o] + x[o + 1];
                        for (int c = 1; c < w - 1; c++) bx[c] = x[o + c - 1] + x[o + c] + x[o + c + 1];
                        bx[w - 1] = x[o + w - 2] + x[o + w - 1];
                    }
                } else {
                    for (int c = 0; c < w; c++) {
                        boolean in = mask[o + c] != 0;
                        vx[c + 1] = in ? x[o + c] : 0;
                        vm[c + 1] = in ? 1 : 0;
                    }
                    int[] bm = hm[add % 3] = own[add % 3];
                    for (int c = 0; c < w; c++) {
                        bx[c] = vx[c] + vx[c + 1] + vx[c + 2];
                        bm[c] = vm[c] + vm[c + 1] + vm[c + 2];
                    }
                }
            }
            int r = add - 1; // rows r − 1, r, r + 1 are in the buffers (or outside the raster)
            if (r < r0 || r >= r1) continue;
            double[] xa = r > 0 ? hx[(r - 1) % 3] : zeroX, xb = hx[r % 3], xc = r + 1 < h ? hx[(r + 1) % 3] : zeroX;
            int[] ma = r > 0 ? hm[(r - 1) % 3] : zeroM, mb = hm[r % 3], mc = r + 1 < h ? hm[(r + 1) % 3] : zeroM;
            int o = r * w;
            int out = rowStart[r];
            if (ma == fullCounts && mb == fullCounts && mc == fullCounts && w > 2) {
                // three rows of study cells: 9 cells in every window but the two ends' 6, so the
                // middle needs no count (and the loop vectorises)
                for (int c = 0; c < w; c += w - 1) { // the two ends, 0 and w − 1
                    int m = ma[c] + mb[c] + mc[c];
                    z[out + c] = (xa[c] + xb[c] + xc[c] - mean * m) * inv[m];
                }
                double mean9 = mean * 9, inv9 = inv[9];
                for (int c = 1; c < w - 1; c++) z[out + c] = (xa[c] + xb[c] + xc[c] - mean9) * inv9;
            } else if (rowStart[r + 1] - out == w) { // every cell of the row is a study cell
                for (int c = 0; c < w; c++) {
                    int m = ma[c] + mb[c] + mc[c];
                    z[out + c] = (xa[c] + xb[c] + xc[c] - mean * m) * inv[m];
                }
            } else {
                for (int c = 0; c < w; c++) {
                    if (mask[o + c] == 0) continue;
                    int m = ma[c] + mb[c] + mc[c];
                    z[out++] = (xa[c] + xb[c] + xc[c] - mean * m) * inv[m];
                }
            }
        }
    }

    private static void emitRow(
            byte[] mask, int w, int r, int out, double[] ax, int[] am, double mean, double[] inv, double[] z) {
        int o = r * w;
        for (int c = 0; c < w; c++) {
            if (mask[o + c] != 0) {
                int m = am[c];
                z[out++] = (ax[c] - mean * m) * inv[m];
            }
        }
    }

    private static void discWindow(
            double[] x, byte[] mask, int w, int h, GridWindow window, double mean, double[] inv, double[] z) {
        int stride = w + 1;
        double[] px = new double[stride * h];
        int[] pm = new int[stride * h];
        for (int r = 0; r < h; r++) {
            int o = r * w;
            int p = r * stride;
            for (int c = 0; c < w; c++) {
                boolean in = mask[o + c] != 0;
                px[p + c + 1] = px[p + c] + (in ? x[o + c] : 0);
                pm[p + c + 1] = pm[p + c] + (in ? 1 : 0);
            }
        }
        int radius = window.radius();
        int[] hw = window.halfWidths();
        int out = 0;
        for (int r = 0; r < h; r++) {
            int dyLo = Math.max(-radius, -r);
            int dyHi = Math.min(radius, h - 1 - r);
            for (int c = 0, o = r * w; c < w; c++) {
                if (mask[o + c] == 0) continue;
                double s = 0;
                int m = 0;
                for (int dy = dyLo; dy <= dyHi; dy++) {
                    int p = (r + dy) * stride;
                    int half = hw[dy + radius];
                    int lo = p + Math.max(c - half, 0);
                    int hi = p + Math.min(c + half + 1, w);
                    s += px[hi] - px[lo];
                    m += pm[hi] - pm[lo];
                }
                z[out++] = (s - mean * m) * inv[m];
            }
        }
    }

    /** n, x̄ and S of the study cells, and the tabulated 1 / denominator per neighbourhood size. */
    private record Moments(int n, double mean, double sd, boolean degenerate) {
        /**
         * The moments of a masked raster, band by band (count and sum, then the squared
         * deviations from the band's mean while the band is in cache), combined in band order with
         * Chan's update; also fills rowStart[r] = study cells before row r.
         */
        static Moments ofRaster(double[] x, byte[] mask, int w, int h, int bandRows, int bands, int[] rowStart) {
            long[] count = new long[bands];
            double[] sums = new double[bands], sqs = new double[bands];
            IntStream range = IntStream.range(0, bands);
            if (bands > 1) range = range.parallel();
            range.forEach(b -> {
                int r0 = b * bandRows, r1 = Math.min(h, r0 + bandRows);
                long n = 0;
                // four accumulators (cells by their index mod 4) quarter the chain of dependent
                // additions; masked cells add 0
                double sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
                for (int r = r0; r < r1; r++) {
                    int rowN = 0;
                    int i = r * w, e = i + w;
                    for (; i + 3 < e; i += 4) {
                        boolean in0 = mask[i] != 0, in1 = mask[i + 1] != 0;
                        boolean in2 = mask[i + 2] != 0, in3 = mask[i + 3] != 0;
                        rowN += (in0 ? 1 : 0) + (in1 ? 1 : 0) + (in2 ? 1 : 0) + (in3 ? 1 : 0);
                        sum0 += in0 ? x[i] : 0;
                        sum1 += in1 ? x[i + 1] : 0;
                        sum2 += in2 ? x[i + 2] : 0;
                        sum3 += in3 ? x[i + 3] : 0;
                    }
                    for (; i < e; i++) {
                        if (mask[i] == 0) continue;
                        rowN++;
                        sum0 += x[i];
                    }
                    rowStart[r + 1] = rowN;
                    n += rowN;
                }
                double sum = (sum0 + sum1) + (sum2 + sum3);
                double ss = 0;
                if (n > 0) {
                    double m = sum / n, ss0 = 0, ss1 = 0, ss2 = 0, ss3 = 0;
                    int i = r0 * w, e = r1 * w;
                    for (; i + 3 < e; i += 4) {
                        double d0 = mask[i] != 0 ? x[i] - m : 0;
                        double d1 = mask[i + 1] != 0 ? x[i + 1] - m : 0;
                        double d2 = mask[i + 2] != 0 ? x[i + 2] - m : 0;
                        double d3 = mask[i + 3] != 0 ? x[i + 3] - m : 0;
                        ss0 += d0 * d0;
                        ss1 += d1 * d1;
                        ss2 += d2 * d2;
                        ss3 += d3 * d3;
                    }
                    for (; i < e; i++) if (mask[i] != 0) ss0 += (x[i] - m) * (x[i] - m);
                    ss = (ss0 + ss1) + (ss2 + ss3);
                }
                count[b] = n;
                sums[b] = sum;
                sqs[b] = ss;
            });
            for (int r = 0; r < h; r++) rowStart[r + 1] += rowStart[r];
            long n = 0;
            double sum = 0;
            for (int b = 0; b < bands; b++) {
                n += count[b];
                sum += sums[b];
            }
            if (n == 0) return new Moments(0, 0, 0, true);
            double mean = sum / n;
            double ss = 0;
            for (int b = 0; b < bands; b++) {
                if (count[b] == 0) continue;
                double d = sums[b] / count[b] - mean;
                ss += sqs[b] + count[b] * d * d;
            }
            return of(n, mean, ss);
        }

        static Moments of(double[] x, byte[] mask) {
            int n = 0;
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                if (mask != null && mask[i] == 0) continue;
                n++;
                sum += x[i];
            }
            if (n == 0) return new Moments(0, 0, 0, true);
            double mean = sum / n;
            double ss = 0;
            for (int i = 0; i < x.length; i++) {
                if (mask != null && mask[i] == 0) continue;
                double d = x[i] - mean;
                ss += d * d;
            }
            return of(n, mean, ss);
        }

        /** From n, the mean and the sum of squared deviations (n ≥ 1). */
        private static Moments of(long n, double mean, double ss) {
            double sd = Math.sqrt(ss / n);
            boolean degenerate = n < 2 || !(sd > DEGENERATE_SD * Math.sqrt(mean * mean + sd * sd)) || sd == 0;
            return new Moments((int) n, mean, degenerate ? 0 : sd, degenerate);
        }

        /** inv[m] = 1 / (S √((n m − m²)/(n − 1))), 0 where that is 0 (m = 0 or m = n). */
        double[] inverseDenominators(int maxM) {
            double[] inv = new double[maxM + 1];
            for (int m = 1; m <= maxM; m++) {
                double var = ((double) n * m - (double) m * m) / (n - 1);
                inv[m] = var > 0 ? 1 / (sd * Math.sqrt(var)) : 0;
            }
            return inv;
        }

        GiScores scores(double[] z) {
            return new GiScores(z, n, mean, sd, degenerate);
        }
    }
}
