package org.sightline.engine.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuarticKdeTest {
    /** Direct kernel sum over all points, per km². */
    static double direct(double[] xs, double[] ys, double[] ws, double qx, double qy, double h) {
        double f = 0;
        for (int k = 0; k < xs.length; k++) {
            double d = Math.hypot(xs[k] - qx, ys[k] - qy);
            if (d < h) f += ws[k] * 3 / (Math.PI * h * h) * Math.pow(1 - d * d / (h * h), 2);
        }
        return f * 1e6;
    }

    @Test
    void rasterAndPointsEqualTheDirectSum() {
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int m = 200 + rnd.nextInt(300);
            double[] xs = new double[m], ys = new double[m], ws = new double[m];
            for (int k = 0; k < m; k++) {
                xs[k] = -500 + rnd.nextDouble() * 3000;
                ys[k] = 1000 + rnd.nextDouble() * 2000;
                ws[k] = 0.5 + rnd.nextDouble();
            }
            double cell = 25 + rnd.nextInt(60);
            double h = 60 + rnd.nextDouble() * 300;
            GridSpec grid = GridSpec.covering(-300, 1200, 2200, 2900, cell);
            double[] f = QuarticKde.raster(xs, ys, ws, grid, h);
            double[] px = new double[grid.size()], py = new double[grid.size()];
            for (int k = 0; k < grid.size(); k++) {
                px[k] = grid.cx(k % grid.width());
                py[k] = grid.cy(k / grid.width());
            }
            double[] g = QuarticKde.atPoints(xs, ys, ws, px, py, h);
            for (int k = 0; k < grid.size(); k++) {
                double want = direct(xs, ys, ws, px[k], py[k], h);
                assertThat(f[k]).as("seed %d, cell %s", seed, grid.id(k)).isCloseTo(want, within(1e-9 * (1 + want)));
                assertThat(g[k]).as("seed %d, point %d", seed, k).isCloseTo(want, within(1e-9 * (1 + want)));
            }
        }
    }

    @Test
    void aTallRasterSplitIntoBandsOfRowsEqualsTheDirectSum() {
        SplittableRandom rnd = new SplittableRandom(99);
        int m = 400;
        double[] xs = new double[m], ys = new double[m], ws = new double[m];
        for (int k = 0; k < m; k++) {
            xs[k] = rnd.nextDouble() * 120 - 10;
            ys[k] = rnd.nextDouble() * 6200 - 100; // some points above and below the raster
            ws[k] = 1;
        }
        GridSpec grid = new GridSpec(10, 0, 0, 10, 600); // 600 rows → several bands of 64
        double[] f = QuarticKde.raster(xs, ys, ws, grid, 55);
        for (int k = 0; k < grid.size(); k++) {
            double want = direct(xs, ys, ws, grid.cx(k % 10), grid.cy(k / 10), 55);
            assertThat(f[k]).as("cell %s", grid.id(k)).isCloseTo(want, within(1e-9 * (1 + want)));
        }
    }

    @Test
    void oneIncidentIntegratesToOne() {
        // a unit point in the middle of a fine grid: Σ f · cell area ≈ 1 incident
        GridSpec grid = GridSpec.covering(-300, -300, 300, 300, 5);
        double[] f = QuarticKde.raster(new double[] {1.3}, new double[] {-2.1}, new double[] {1}, grid, 200);
        double total = 0;
        for (double v : f) total += v * 25 / 1e6;
        assertThat(total).isCloseTo(1.0, within(1e-3));
        // peak: 3 / (π h²) per m² → 3e6 / (π · 40 000) per km² ≈ 23.87
        assertThat(
                        QuarticKde.atPoints(
                                new double[] {0},
                                new double[] {0},
                                new double[] {1},
                                new double[] {0},
                                new double[] {0},
                                200)[0])
                .isCloseTo(3e6 / (Math.PI * 40_000), within(1e-9));
    }

    @Test
    void aWideRasterWithClusteredPointsEqualsTheDirectSum() {
        // many bands of rows, points on cell centres and edges, beyond every side, and a bandwidth
        // that is not a multiple of the cell
        SplittableRandom rnd = new SplittableRandom(7);
        int m = 3000;
        double[] xs = new double[m], ys = new double[m], ws = new double[m];
        for (int k = 0; k < m; k++) {
            int kind = rnd.nextInt(4);
            double x = -200 + rnd.nextDouble() * 3400, y = -200 + rnd.nextDouble() * 6400;
            if (kind == 0) { // on a cell centre
                x = (Math.floor(x / 20) + 0.5) * 20;
                y = (Math.floor(y / 20) + 0.5) * 20;
            } else if (kind == 1) { // on a cell corner
                x = Math.floor(x / 20) * 20;
                y = Math.floor(y / 20) * 20;
            }
            xs[k] = x;
            ys[k] = y;
            ws[k] = rnd.nextDouble() < 0.1 ? 0 : 0.25 + rnd.nextDouble();
        }
        GridSpec grid = new GridSpec(20, 0, 0, 150, 300);
        double h = 97.5;
        double[] f = QuarticKde.raster(xs, ys, ws, grid, h);
        for (int k = 0; k < grid.size(); k++) {
            double want = direct(xs, ys, ws, grid.cx(k % grid.width()), grid.cy(k / grid.width()), h);
            assertThat(f[k]).as("cell %s", grid.id(k)).isCloseTo(want, within(1e-9 * (1 + want)));
        }
    }

    @Test
    void noIncidentsGiveZeroDensity() {
        GridSpec grid = GridSpec.covering(0, 0, 100, 100, 10);
        assertThat(QuarticKde.raster(new double[0], new double[0], new double[0], grid, 50))
                .containsOnly(0.0);
        assertThat(QuarticKde.atPoints(
                        new double[0], new double[0], new double[0], new double[] {1}, new double[] {1}, 50))
                .containsExactly(0.0);
    }
}
