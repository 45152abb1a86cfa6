package org.sightline.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.util.GeometricShapeFactory;

class CircleAreaTest {
    @Test
    void closedForms() throws ParseException {
        Geometry big = g("POLYGON ((-100 -100, 100 -100, 100 100, -100 100, -100 -100))");
        assertThat(CircleArea.of(0, 0, 10, big)).isCloseTo(Math.PI * 100, within(1e-9));
        Geometry half = g("POLYGON ((0 -100, 100 -100, 100 100, 0 100, 0 -100))");
        assertThat(CircleArea.of(0, 0, 10, half)).isCloseTo(Math.PI * 50, within(1e-9));
        Geometry quarterCw = g("POLYGON ((0 0, 0 100, 100 100, 100 0, 0 0))");
        assertThat(CircleArea.of(0, 0, 10, quarterCw)).isCloseTo(Math.PI * 25, within(1e-9));
        Geometry small = g("POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))");
        assertThat(CircleArea.of(0, 0, 10, small)).isCloseTo(1, within(1e-12));
        Geometry far = g("POLYGON ((50 50, 60 50, 60 60, 50 60, 50 50))");
        assertThat(CircleArea.of(0, 0, 10, far)).isZero();
        Geometry withHole =
                g("POLYGON ((-100 -100, 100 -100, 100 100, -100 100, -100 -100), (-1 -1, -1 1, 1 1, 1 -1, -1 -1))");
        assertThat(CircleArea.of(0, 0, 10, withHole)).isCloseTo(Math.PI * 100 - 4, within(1e-9));
    }

    @Test
    void randomPolygonsMatchOverlayWithAFineCircle() {
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 3 + rnd.nextInt(12);
            Coordinate[] cs = new Coordinate[n + 1];
            double cx = 512_000 + rnd.nextDouble(-20, 20), cy = 3_897_000 + rnd.nextDouble(-20, 20);
            for (int k = 0; k < n; k++) {
                double a = 2 * Math.PI * k / n, rr = rnd.nextDouble(2, 40);
                cs[k] = new Coordinate(512_000 + rr * Math.cos(a), 3_897_000 + rr * Math.sin(a));
            }
            cs[n] = cs[0];
            Geometry poly = Geometries.FACTORY.createPolygon(cs);
            double r = rnd.nextDouble(1, 30);
            GeometricShapeFactory f = new GeometricShapeFactory(Geometries.FACTORY);
            f.setCentre(new Coordinate(cx, cy));
            f.setSize(2 * r);
            f.setNumPoints(20_000);
            double reference = f.createCircle().intersection(poly).getArea();
            // a 20 000-gon underestimates the disk by about π³ r² / (3 · 20 000²) relative
            assertThat(CircleArea.of(cx, cy, r, poly))
                    .as("seed %d", seed)
                    .isCloseTo(reference, within(1e-6 * Math.PI * r * r + 1e-9));
        }
    }

    @Test
    void theWindingShortcutEqualsTheEdgeByEdgeSum() {
        // star-shaped rings of both orientations, small and large against the disk, with centres
        // anywhere: inside, outside, on a vertex, on an edge, a hair off an edge
        for (long seed = 1; seed <= 3000; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 3 + rnd.nextInt(60);
            double ox = 512_000 + rnd.nextDouble(-5, 5), oy = 3_897_000 + rnd.nextDouble(-5, 5);
            double scale = rnd.nextBoolean() ? 20 : 200;
            boolean cw = rnd.nextBoolean();
            Coordinate[] cs = new Coordinate[n + 1];
            for (int k = 0; k < n; k++) {
                double a = 2 * Math.PI * (cw ? n - k : k) / n, rr = rnd.nextDouble(0.1, 1) * scale;
                cs[k] = new Coordinate(ox + rr * Math.cos(a), oy + rr * Math.sin(a));
            }
            cs[n] = cs[0];
            double r = rnd.nextDouble(0.01, 1) * scale * (rnd.nextBoolean() ? 0.2 : 1);
            double cx, cy;
            int e = rnd.nextInt(n);
            double t = rnd.nextDouble();
            switch (rnd.nextInt(5)) {
                case 0 -> { // on a vertex
                    cx = cs[e].x;
                    cy = cs[e].y;
                }
                case 1 -> { // on an edge
                    cx = cs[e].x + t * (cs[e + 1].x - cs[e].x);
                    cy = cs[e].y + t * (cs[e + 1].y - cs[e].y);
                }
                case 2 -> { // a hair off an edge
                    double len = cs[e].distance(cs[e + 1]);
                    double off = r * Math.pow(10, -rnd.nextInt(4, 12)) * (rnd.nextBoolean() ? 1 : -1);
                    cx = cs[e].x + t * (cs[e + 1].x - cs[e].x) - off * (cs[e + 1].y - cs[e].y) / len;
                    cy = cs[e].y + t * (cs[e + 1].y - cs[e].y) + off * (cs[e + 1].x - cs[e].x) / len;
                }
                default -> {
                    cx = ox + rnd.nextDouble(-1.3, 1.3) * scale;
                    cy = oy + rnd.nextDouble(-1.3, 1.3) * scale;
                }
            }
            double want = CircleArea.edgeByEdge(cx, cy, r, cs);
            assertThat(CircleArea.ring(cx, cy, r, cs))
                    .as("seed %d", seed)
                    .isCloseTo(want, within(1e-9 * Math.PI * r * r + 1e-9));
        }
    }

    private static Geometry g(String wkt) throws ParseException {
        return new WKTReader(Geometries.FACTORY).read(wkt);
    }
}
