package org.sightline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.sightline.engine.geo.Geometries;

class NearestStreetsTest {
    private static final GeometryFactory GF = Geometries.FACTORY;

    @Test
    void sameStreetAsTheStrtreeSearchAndAsNearAsBruteForce() {
        for (int round = 0; round < 60; round++) {
            long seed = 0xC0FFEE00L + round;
            SplittableRandom r = new SplittableRandom(seed);
            double x0 = 500_000 + r.nextDouble(-1000, 1000), y0 = 3_900_000 + r.nextDouble(-1000, 1000);
            int nx = 2 + r.nextInt(8), ny = 2 + r.nextInt(8);
            double spacing = 40 + r.nextDouble(200);
            Coordinate[][] node = new Coordinate[nx][ny];
            for (int i = 0; i < nx; i++)
                for (int j = 0; j < ny; j++) {
                    double jitter = r.nextInt(3) == 0 ? 0 : spacing * 0.2;
                    node[i][j] = new Coordinate(
                            x0 + i * spacing + r.nextDouble(-jitter, jitter + 1e-9),
                            y0 + j * spacing + r.nextDouble(-jitter, jitter + 1e-9));
                }
            List<Geometry> streets = new ArrayList<>();
            List<Coordinate> vertices = new ArrayList<>();
            for (int i = 0; i < nx; i++)
                for (int j = 0; j < ny; j++) {
                    vertices.add(node[i][j]);
                    if (i + 1 < nx && r.nextInt(5) > 0) streets.add(street(r, node[i][j], node[i + 1][j], vertices));
                    if (j + 1 < ny && r.nextInt(5) > 0) streets.add(street(r, node[i][j], node[i][j + 1], vertices));
                }
            if (r.nextBoolean()) streets.add(GF.createLineString()); // an empty geometry
            if (!streets.isEmpty() && r.nextBoolean())
                streets.add(streets.get(r.nextInt(streets.size())).copy());
            if (streets.size() > 2 && r.nextBoolean()) {
                LineString a = (LineString) streets.get(0), b = (LineString) streets.get(1);
                streets.add(GF.createMultiLineString(new LineString[] {a.reverse(), b}));
            }
            List<Geometry> points = new ArrayList<>();
            for (int k = 0; k < 400; k++) {
                Coordinate c = switch (r.nextInt(6)) {
                    case 0 -> new Coordinate(vertices.get(r.nextInt(vertices.size())));
                    case 1 -> { // beyond a grid node, on a diagonal: often equally near two streets
                        Coordinate v = node[r.nextInt(nx)][r.nextInt(ny)];
                        double d = r.nextDouble(0, 60);
                        yield new Coordinate(v.x - d, v.y - d);
                    }
                    default ->
                        new Coordinate(
                                r.nextDouble(x0 - 250, x0 + nx * spacing + 250),
                                r.nextDouble(y0 - 250, y0 + ny * spacing + 250));
                };
                points.add(GF.createPoint(c));
            }
            double max = r.nextBoolean() ? 100 : r.nextDouble(1, 300);
            int[] fast = NearestStreets.assign(streets, points, max);
            int[] tree = NearestStreets.strtreeAll(streets, points, max);
            for (int k = 0; k < points.size(); k++) {
                String what = "seed " + seed + ", point " + points.get(k);
                assertThat(fast[k]).as(what).isEqualTo(tree[k]);
                double brute = Double.POSITIVE_INFINITY;
                for (Geometry s : streets) if (!s.isEmpty()) brute = Math.min(brute, s.distance(points.get(k)));
                if (brute > max) assertThat(fast[k]).as(what).isEqualTo(-1);
                else
                    assertThat(streets.get(fast[k]).distance(points.get(k)))
                            .as(what)
                            .isEqualTo(brute);
            }
        }
    }

    @Test
    void noStreetsOrOnlyFarOnesGiveNone() {
        Geometry p = GF.createPoint(new Coordinate(10, 10));
        assertThat(NearestStreets.assign(List.of(), List.of(p), 100)).containsExactly(-1);
        Geometry far = GF.createLineString(new Coordinate[] {new Coordinate(500, 0), new Coordinate(500, 50)});
        assertThat(NearestStreets.assign(List.of(far), List.of(p), 100)).containsExactly(-1);
        assertThat(NearestStreets.assign(List.of(far), List.of(p), 500)).containsExactly(0);
    }

    @Test
    void nonPointsAndNonLinesAreAnsweredByTheTree() {
        Geometry square = GF.createPolygon(new Coordinate[] {
            new Coordinate(0, 0),
            new Coordinate(10, 0),
            new Coordinate(10, 10),
            new Coordinate(0, 10),
            new Coordinate(0, 0)
        });
        Geometry line = GF.createLineString(new Coordinate[] {new Coordinate(20, 0), new Coordinate(20, 10)});
        List<Geometry> streets = List.of(square, line);
        List<Geometry> points = List.of(
                GF.createPoint(new Coordinate(5, 5)),
                GF.createPoint(new Coordinate(18, 5)),
                GF.createLineString(new Coordinate[] {new Coordinate(16, 0), new Coordinate(16, 3)}));
        assertThat(NearestStreets.assign(streets, points, 100))
                .containsExactly(NearestStreets.strtreeAll(streets, points, 100))
                .containsExactly(0, 1, 1);
    }

    /** A street from a to b: one segment, or a polyline through 1-2 midpoints (possibly bent). */
    private static Geometry street(SplittableRandom r, Coordinate a, Coordinate b, List<Coordinate> vertices) {
        List<Coordinate> cs = new ArrayList<>();
        cs.add(a);
        int mids = r.nextInt(3);
        for (int m = 1; m <= mids; m++) {
            double t = (double) m / (mids + 1);
            Coordinate c = new Coordinate(
                    a.x + t * (b.x - a.x) + r.nextDouble(-5, 5), a.y + t * (b.y - a.y) + r.nextDouble(-5, 5));
            cs.add(c);
            vertices.add(c);
        }
        cs.add(b);
        if (r.nextInt(4) == 0) java.util.Collections.reverse(cs);
        return GF.createLineString(cs.toArray(new Coordinate[0]));
    }
}
