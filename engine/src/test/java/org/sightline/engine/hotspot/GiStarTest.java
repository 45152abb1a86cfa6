package org.sightline.engine.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.geo.Geometries;

class GiStarTest {
    /** Direct Gi*: all pairs, explicit centre distances, the formula of DESIGN.md as written. */
    static double[] reference(StudyCells cells, double[] x, double band) {
        int n = cells.size();
        double sum = 0;
        double sum2 = 0;
        for (double v : x) {
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / n;
        double s = Math.sqrt(sum2 / n - mean * mean);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double wx = 0;
            double w = 0;
            double w2 = 0;
            for (int j = 0; j < n; j++) {
                double dx = cells.cx(i) - cells.cx(j);
                double dy = cells.cy(i) - cells.cy(j);
                double d = Math.sqrt(dx * dx + dy * dy);
                double wij = d <= band * (1 + GridWindow.BAND_SLACK) ? 1 : 0;
                wx += wij * x[j];
                w += wij;
                w2 += wij * wij;
            }
            double den = s * Math.sqrt((n * w2 - w * w) / (n - 1));
            z[i] = den == 0 ? 0 : (wx - mean * w) / den;
        }
        return z;
    }

    @Test
    void gridAndNeighbourListsMatchTheDirectFormulaOnRandomRegions() {
        double cell = 100;
        double[] bands = {100, 150, 200, 250, 320, 141.42135623730951, 60};
        for (long seed = 1; seed <= 18; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            Geometry region = Fixtures.randomRegion(rnd, 2500 + rnd.nextInt(1500));
            double band = bands[(int) (seed % bands.length)];
            SquareCells cells = SquareCells.of(region, cell, band);
            double[] x = new double[cells.size()];
            for (int i = 0; i < x.length; i++) {
                double u = rnd.nextDouble();
                x[i] = u < 0.6 ? 0 : u < 0.9 ? rnd.nextInt(5) : rnd.nextDouble() * 20;
            }
            double[] want = reference(cells, x, band);
            GiScores grid = GiStar.onGrid(
                    cells.toRaster(x),
                    cells.mask(),
                    cells.grid().width(),
                    cells.grid().height(),
                    cells.window());
            GiScores lists = GiStar.of(x, cells.neighbours());
            assertThat(grid.degenerate()).isFalse();
            for (int i = 0; i < x.length; i++) {
                String where = "seed " + seed + ", band " + band + ", window " + cells.window() + ", cell "
                        + cells.id(i) + " of " + x.length;
                assertThat(grid.z()[i]).as(where).isCloseTo(want[i], within(1e-9));
                assertThat(lists.z()[i]).as(where).isCloseTo(want[i], within(1e-9));
            }
        }
    }

    /**
     * Window sums straight from the definition on a raster: for each study cell, every offset of
     * the window, with the moments in two plain passes.
     */
    static double[] rasterReference(double[] x, byte[] mask, int w, int h, GridWindow window) {
        int n = 0;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if (mask[i] == 0) continue;
            n++;
            sum += x[i];
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < x.length; i++) if (mask[i] != 0) ss += (x[i] - mean) * (x[i] - mean);
        double s = Math.sqrt(ss / n);
        double[] z = new double[n];
        int[] hw = window.halfWidths();
        int radius = window.radius();
        int out = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (mask[r * w + c] == 0) continue;
                double wx = 0;
                int m = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    for (int dx = -hw[dy + radius]; dx <= hw[dy + radius]; dx++) {
                        int rr = r + dy, cc = c + dx;
                        if (rr < 0 || rr >= h || cc < 0 || cc >= w || mask[rr * w + cc] == 0) continue;
                        wx += x[rr * w + cc];
                        m++;
                    }
                }
                double den = s * Math.sqrt(((double) n * m - (double) m * m) / (n - 1));
                z[out++] = den == 0 ? 0 : (wx - mean * m) / den;
            }
        }
        return z;
    }

    @Test
    void largeRastersSplitIntoBandsMatchTheWindowDefinition() {
        // rasters of more than one band of rows (bands are processed in parallel), with holes in
        // the mask, whole rows outside the region, and square windows of 3×3, 5×5 and a disc
        int[][] shapes = {{400, 300}, {7, 20_000}, {1500, 90}, {300, 301}, {1, 70_000}, {2, 40_000}};
        double[] bands = {150, 150, 283, 250, 150, 150};
        for (int s = 0; s < shapes.length; s++) {
            SplittableRandom rnd = new SplittableRandom(40 + s);
            int w = shapes[s][0], h = shapes[s][1];
            double[] x = new double[w * h];
            byte[] mask = new byte[w * h];
            for (int r = 0; r < h; r++) {
                boolean rowOut = rnd.nextInt(50) == 0;
                boolean rowFull = rnd.nextBoolean();
                for (int c = 0; c < w; c++) {
                    int i = r * w + c;
                    mask[i] = (byte) (rowOut ? 0 : rowFull || rnd.nextInt(10) > 0 ? 1 + rnd.nextInt(3) : 0);
                    double u = rnd.nextDouble();
                    x[i] = u < 0.7 ? 0 : u < 0.95 ? rnd.nextInt(4) : rnd.nextDouble() * 30;
                }
            }
            GridWindow window = GridWindow.of(bands[s], 100);
            double[] want = rasterReference(x, mask, w, h, window);
            GiScores got = GiStar.onGrid(x, mask, w, h, window);
            assertThat(got.z()).hasSize(want.length);
            for (int i = 0; i < want.length; i++) {
                assertThat(got.z()[i])
                        .as("raster %d×%d, window %s, study cell %d", w, h, window, i)
                        .isCloseTo(want[i], within(1e-9));
            }
        }
    }

    /*
     * 3×3 cells of 100 m, hot centre x = 9, all others 0, band 150 (the 3×3 window).
     * n = 9, Σx = 9, x̄ = 1, Σx² = 81, S = √(81/9 − 1) = √8.
     * Corner (m = 4 cells: itself, 2 edges, centre): Σwx = 9, numerator 9 − 1·4 = 5,
     *   denominator √8 · √((9·4 − 16)/8) = √8 · √2.5 = √20 → z = 5/√20 = 1.1180339887…
     * Edge (m = 6): numerator 9 − 6 = 3, denominator √8 · √((54 − 36)/8) = √18 → z = 3/√18 = 0.7071067811…
     * Centre (m = 9 = n): 0/0 → z = 0 by convention.
     */
    @Test
    void threeByThreeWithOneHotCell() {
        SquareCells cells = SquareCells.of(square(0, 0, 300), 100, 150);
        assertThat(cells.size()).isEqualTo(9);
        double[] x = new double[9];
        x[cells.indexAt(150, 150)] = 9;
        double[] z = GiStar.onGrid(cells.toRaster(x), cells.mask(), 3, 3, cells.window())
                .z();
        assertThat(z[cells.indexAt(50, 50)]).isCloseTo(5 / Math.sqrt(20), within(1e-12));
        assertThat(z[cells.indexAt(250, 250)]).isCloseTo(5 / Math.sqrt(20), within(1e-12));
        assertThat(z[cells.indexAt(150, 50)]).isCloseTo(3 / Math.sqrt(18), within(1e-12));
        assertThat(z[cells.indexAt(150, 150)]).isZero();
    }

    /*
     * 5×5 cells, centre x = 25, others 0. n = 25, x̄ = 1, Σx² = 625, S = √(25 − 1) = √24.
     * The 9 inner cells (m = 9) all hold the centre: (25 − 9) / (√24 · √((225 − 81)/24)) = 16/12 = 4/3.
     * Corner (m = 4, Σwx = 0): −4 / √(100 − 16) = −4/√84 = −0.4364357…
     * Edge, e.g. column 2 row 0 (m = 6, Σwx = 0): −6 / √(150 − 36) = −6/√114 = −0.5619514…
     */
    @Test
    void fiveByFiveWithOneHotCell() {
        // cells i, j = -2 … 2; the centre cell is 0_0, centred at (50, 50)
        SquareCells cells = SquareCells.of(square(-200, -200, 500), 100, 150);
        assertThat(cells.size()).isEqualTo(25);
        double[] x = new double[25];
        x[cells.indexAt(50, 50)] = 25;
        double[] z = GiStar.of(x, cells.neighbours()).z();
        assertThat(z[cells.indexAt(50, 50)]).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(z[cells.indexAt(150, -50)]).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(z[cells.indexAt(-150, -150)]).isCloseTo(-4 / Math.sqrt(84), within(1e-12));
        assertThat(z[cells.indexAt(50, -150)]).isCloseTo(-6 / Math.sqrt(114), within(1e-12));
        assertThat(z[cells.indexAt(-150, 50)]).isCloseTo(-6 / Math.sqrt(114), within(1e-12));
        assertThat(cells.id(cells.indexAt(-150, 50))).isEqualTo("-2_0");
        double[] onGrid = GiStar.onGrid(cells.toRaster(x), cells.mask(), 5, 5, cells.window())
                .z();
        assertThat(onGrid).containsExactly(z, within(1e-12));
    }

    @Test
    void allEqualValuesAreDegenerate() {
        SquareCells cells = SquareCells.of(square(0, 0, 500), 100, 150);
        double[] x = new double[cells.size()];
        java.util.Arrays.fill(x, 0.1);
        GiScores gi = GiStar.onGrid(cells.toRaster(x), cells.mask(), 5, 5, cells.window());
        assertThat(gi.degenerate()).isTrue();
        assertThat(gi.z()).containsOnly(0.0);
        assertThat(GiStar.of(x, cells.neighbours()).degenerate()).isTrue();
    }

    @Test
    void degenerateMeansEqualUpToRoundingRelativeToTheValuesNotToTheirSpread() {
        SquareCells cells = SquareCells.of(square(0, 0, 500), 100, 150);
        double[] x = new double[cells.size()];
        java.util.Arrays.fill(x, 1e6 + 0.1); // the mean is off by rounding, S is ~1e-10, not 0
        assertThat(GiStar.onGrid(cells.toRaster(x), cells.mask(), 5, 5, cells.window())
                        .degenerate())
                .isTrue();
        assertThat(GiStar.of(x, cells.neighbours()).degenerate()).isTrue();
        x[7] += 1e-3; // a real difference, however small beside the values
        GiScores gi = GiStar.onGrid(cells.toRaster(x), cells.mask(), 5, 5, cells.window());
        assertThat(gi.degenerate()).isFalse();
        // (window sums of values near 1e6 keep about 6 digits of a difference of 1e-3)
        assertThat(gi.z())
                .containsExactly(rasterReference(cells.toRaster(x), cells.mask(), 5, 5, cells.window()), within(1e-4));
        assertThat(GiStar.of(x, cells.neighbours()).degenerate()).isFalse();
    }

    @Test
    void windowOfTheDefaultBandIsTheCellAndItsEightNeighbours() {
        assertThat(GridWindow.of(150, 100).halfWidths()).containsExactly(1, 1, 1);
        assertThat(GridWindow.of(150, 100).isSquare()).isTrue();
        assertThat(GridWindow.of(100, 100).halfWidths()).containsExactly(0, 1, 0);
        assertThat(GridWindow.of(100 * Math.sqrt(2), 100).halfWidths()).containsExactly(1, 1, 1);
        assertThat(GridWindow.of(250, 100).halfWidths()).containsExactly(1, 2, 2, 2, 1);
        assertThat(GridWindow.of(250, 100).size()).isEqualTo(21);
        assertThat(GridWindow.of(50, 100).size()).isEqualTo(1);
    }

    static Geometry square(double x0, double y0, double side) {
        return Geometries.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(x0, x0 + side, y0, y0 + side));
    }
}
