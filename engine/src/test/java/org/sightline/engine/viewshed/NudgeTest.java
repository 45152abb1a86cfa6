package org.sightline.engine.viewshed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;

/**
 * {@link Nudge#offEdge}, one scan of the grid cells around a point, against a brute force over every
 * edge of the footprints: whether an edge lies within {@link Nudge#ON_BOUNDARY} of the point, and the
 * step along the sum of the outward normals of the edges near or exactly through it.
 */
class NudgeTest {
    @Test
    void offEdgeMatchesBruteForceOverAllEdges() {
        List<String> failures = new ArrayList<>();
        int near = 0, far = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Scenes.Scene scene = Scenes.random(seed, 40, 4, 160, seed % 2 == 0 ? 500_000 : 0, 3_900_000);
            Footprints fp = Footprints.of(scene.footprints());
            double[] e = fp.edges();
            Random rnd = new Random(seed);
            for (int q = 0; q < 400; q++) {
                int i = rnd.nextInt(e.length / 4);
                double x0 = e[4 * i], y0 = e[4 * i + 1], x1 = e[4 * i + 2], y1 = e[4 * i + 3];
                double x, y;
                switch (q % 5) {
                    case 0 -> { // a vertex: two walls (or more, where footprints share one)
                        x = x0;
                        y = y0;
                    }
                    case 1 -> { // on the wall, up to rounding
                        double t = rnd.nextDouble();
                        x = x0 + t * (x1 - x0);
                        y = y0 + t * (y1 - y0);
                    }
                    case 2 -> { // just off it, either side of the micrometre
                        double t = rnd.nextDouble(), off = (rnd.nextBoolean() ? 0.5 : 2) * Nudge.ON_BOUNDARY;
                        double len = Math.hypot(x1 - x0, y1 - y0);
                        x = x0 + t * (x1 - x0) + off * (y1 - y0) / len;
                        y = y0 + t * (y1 - y0) - off * (x1 - x0) / len;
                    }
                    case 3 -> { // a few metres away
                        x = x0 + rnd.nextGaussian() * 3;
                        y = y0 + rnd.nextGaussian() * 3;
                    }
                    default -> { // anywhere
                        x = scene.footprints()
                                        .get(0)
                                        .geometry()
                                        .getEnvelopeInternal()
                                        .getMinX()
                                + rnd.nextDouble() * 160;
                        y = y0 + rnd.nextDouble() * 40 - 20;
                    }
                }
                double[] expected = bruteForce(e, x, y, 0.5);
                double[] got = Nudge.offEdge(fp, x, y, 0.5);
                if (expected == null) far++;
                else near++;
                String where = "seed " + seed + " point (" + x + ", " + y + ")";
                if ((expected == null) != (got == null)) {
                    failures.add(where + ": near " + (expected != null) + " but offEdge says " + (got != null));
                } else if (expected != null
                        && (Math.abs(expected[0] - got[0]) > 1e-9 || Math.abs(expected[1] - got[1]) > 1e-9)) {
                    failures.add(where + ": moved to (" + got[0] + ", " + got[1] + "), expected (" + expected[0] + ", "
                            + expected[1] + ")");
                }
                assertThat(Nudge.nearEdge(fp, x, y)).as(where).isEqualTo(expected != null);
            }
        }
        System.out.printf("offEdge: %d points near an edge, %d not, %d failures%n", near, far, failures.size());
        assertThat(failures).isEmpty();
        assertThat(near).isGreaterThan(1000);
        assertThat(far).isGreaterThan(500);
    }

    /**
     * Null if no edge is within the micrometre; else the point moved {@code nudgeM} along the sum of the
     * outward unit normals of the non-degenerate edges near or exactly through it, in edge order (the
     * first one's normal if they cancel).
     */
    private static double[] bruteForce(double[] e, double x, double y, double nudgeM) {
        boolean near = false;
        double sx = 0, sy = 0, fx = 0, fy = 0;
        int count = 0;
        for (int i = 0; i < e.length / 4; i++) {
            double ax = e[4 * i], ay = e[4 * i + 1], bx = e[4 * i + 2], by = e[4 * i + 3];
            boolean within = Nudge.pointToSegment(x, y, ax, ay, bx, by) <= Nudge.ON_BOUNDARY;
            near |= within;
            boolean on =
                    PointLocation.isOnSegment(new Coordinate(x, y), new Coordinate(ax, ay), new Coordinate(bx, by));
            double len = Math.hypot(bx - ax, by - ay);
            if (!(within || on) || len == 0) continue;
            double nx = (by - ay) / len, ny = -(bx - ax) / len;
            if (count++ == 0) {
                fx = nx;
                fy = ny;
            }
            sx += nx;
            sy += ny;
        }
        if (!near) return null;
        double len = Math.hypot(sx, sy);
        if (!(len > 1e-9)) {
            sx = fx;
            sy = fy;
            len = Math.hypot(sx, sy);
        }
        if (!(len > 0)) return new double[] {x, y};
        return new double[] {x + nudgeM * sx / len, y + nudgeM * sy / len};
    }
}
