package org.sightline.engine.hotspot;

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
 * bounding box with a mask of study cells (cells outside the region hold no value and no weight):
 * a square window uses separable box sums (row prefix sums, a ring of the last 2k+1 rows and a
 * running column sum), cost O(W·H) whatever the band, memory traffic x, mask and z only; a
 * disc-shaped window (e.g. band 2.5 cells) uses row prefix sums, cost O(W·H·(2r+1)).
 * HotspotBenchmark.giStarZ times 1 000 000 cells with the default 3×3 window.
 */
public final class GiStar {
    /** S at or below this fraction of max |x| counts as zero (all values equal up to rounding). */
    static final double DEGENERATE_SD = 1e-12;

    private GiStar() {}

    /**
     * Gi* over arbitrary neighbour lists (H3 cells, or squares when lists are at hand).
     *
     * @param x value of each cell
     * @param neighbours neighbour lists of the same cells, self included
     */
    public static GiScores of(double[] x, CellNeighbours neighbours) {
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
        if (x.length != (long) width * height || mask.length != x.length)
            throw new IllegalArgumentException("raster must have width × height = " + (long) width * height
                    + " cells, x has " + x.length + ", mask " + mask.length);
        Moments mo = Moments.of(x, mask);
        double[] z = new double[mo.n];
        if (mo.degenerate) return mo.scores(z);
        double[] inv = mo.inverseDenominators(window.size());
        if (window.isSquare()) squareWindow(x, mask, width, height, window.radius(), mo.mean, inv, z);
        else discWindow(x, mask, width, height, window, mo.mean, inv, z);
        return mo.scores(z);
    }

    private static void squareWindow(
            double[] x, byte[] mask, int w, int h, int k, double mean, double[] inv, double[] z) {
        // Separable box sums: each row's horizontal window sums (from a row prefix sum) go into a
        // ring of the last 2k+1 rows and into a running vertical sum; memory traffic is x, mask, z.
        int span = 2 * k + 1;
        double[] ringX = new double[span * w];
        int[] ringM = new int[span * w];
        double[] ax = new double[w];
        int[] am = new int[w];
        double[] px = new double[w + 1];
        int[] pm = new int[w + 1];
        int out = 0;
        for (int r = -k; r < h; r++) {
            int add = r + k; // row entering the window of row r
            if (add < h) {
                int o = add * w;
                for (int c = 0; c < w; c++) {
                    boolean in = mask[o + c] != 0;
                    px[c + 1] = px[c] + (in ? x[o + c] : 0);
                    pm[c + 1] = pm[c] + (in ? 1 : 0);
                }
                int slot = (add % span) * w;
                for (int c = 0; c < w; c++) {
                    int lo = c - k < 0 ? 0 : c - k;
                    int hi = c + k + 1 > w ? w : c + k + 1;
                    double hx = px[hi] - px[lo];
                    int hm = pm[hi] - pm[lo];
                    // the slot still holds row add − span, which left the window: swap it out
                    ax[c] += hx - ringX[slot + c];
                    am[c] += hm - ringM[slot + c];
                    ringX[slot + c] = hx;
                    ringM[slot + c] = hm;
                }
            } else {
                int slot = (add % span) * w;
                for (int c = 0; c < w; c++) {
                    ax[c] -= ringX[slot + c];
                    am[c] -= ringM[slot + c];
                    ringX[slot + c] = 0;
                    ringM[slot + c] = 0;
                }
            }
            if (r < 0) continue;
            for (int c = 0, o = r * w; c < w; c++) {
                if (mask[o + c] != 0) z[out++] = (ax[c] - mean * am[c]) * inv[am[c]];
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
        static Moments of(double[] x, byte[] mask) {
            int n = 0;
            double sum = 0;
            double maxAbs = 0;
            for (int i = 0; i < x.length; i++) {
                if (mask != null && mask[i] == 0) continue;
                n++;
                sum += x[i];
                maxAbs = Math.max(maxAbs, Math.abs(x[i]));
            }
            if (n == 0) return new Moments(0, 0, 0, true);
            double mean = sum / n;
            double ss = 0;
            for (int i = 0; i < x.length; i++) {
                if (mask != null && mask[i] == 0) continue;
                double d = x[i] - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / n);
            boolean degenerate = n < 2 || !(sd > DEGENERATE_SD * maxAbs) || sd == 0;
            return new Moments(n, mean, degenerate ? 0 : sd, degenerate);
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
