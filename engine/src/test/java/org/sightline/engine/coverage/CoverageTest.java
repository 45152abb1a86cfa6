package org.sightline.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Street;

class CoverageTest {
    private static final GeometryFactory GF = Geometries.FACTORY;
    private static final double X0 = 512_000, Y0 = 3_897_000; // UTM-sized coordinates

    @Test
    void twoOverlappingSquaresGiveUnionDepthAndUniqueAreas() throws ParseException {
        List<CameraView> views = List.of(
                view("a", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", true),
                view("b", "POLYGON ((5 0, 15 0, 15 10, 5 10, 5 0))", false));
        CoverageResult r = Coverage.compute(views, List.of(), List.of(), new double[0], false);
        assertThat(r.city().coveredM2()).isCloseTo(150, within(1e-9));
        assertThat(r.city().depth2M2()).isCloseTo(50, within(1e-9));
        assertThat(r.city().depth3M2()).isCloseTo(0, within(1e-9));
        assertThat(r.city().liveM2()).isCloseTo(100, within(1e-9));
        assertThat(r.cameras().get(0).uniqueM2()).isCloseTo(50, within(1e-9));
        assertThat(r.cameras().get(1).uniqueM2()).isCloseTo(50, within(1e-9));
    }

    @Test
    void viewshedsBoundedByTheSameWallAreCountedOnce() throws ParseException {
        // both lie above the wall y = 0 and share part of it, running the same way
        List<CameraView> views = List.of(
                view("a", "POLYGON ((0 0, 10 0, 10 5, 0 5, 0 0))", false),
                view("b", "POLYGON ((3 0, 12 0, 12 4, 3 4, 3 0))", false),
                view("c", "POLYGON ((12 0, 20 0, 20 4, 12 4, 12 0))", false)); // touches b: opposite way
        CoverageResult r = Coverage.compute(views, List.of(), List.of(), new double[0], false);
        Geometry union =
                UnaryUnionOp.union(views.stream().map(CameraView::viewshed).toList());
        assertThat(r.city().coveredM2()).isCloseTo(union.getArea(), within(1e-9));
        assertThat(r.city().depth2M2()).isCloseTo(7 * 4, within(1e-9));
        assertThat(r.cameras().get(1).uniqueM2()).isCloseTo(2 * 4, within(1e-9));
        assertThat(r.cameras().get(2).uniqueM2()).isCloseTo(32, within(1e-9));
    }

    @Test
    void areaTotalsAndStreetsMatchClippedGeometry() throws ParseException {
        List<CameraView> views = List.of(view("a", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", false));
        Area left = new Area("L", "Left", geom("POLYGON ((-5 -5, 4 -5, 4 20, -5 20, -5 -5))"));
        Area right = new Area("R", "Right", geom("POLYGON ((4 -5, 30 -5, 30 20, 4 20, 4 -5))"));
        Street st = new Street("s1", "Main St", geom("LINESTRING (-5 5, 25 5)"));
        CoverageResult r = Coverage.compute(views, List.of(left, right), List.of(st), new double[] {225, 650}, false);
        assertThat(r.areas().get(0).coveredM2()).isCloseTo(40, within(1e-9));
        assertThat(r.areas().get(1).coveredM2()).isCloseTo(60, within(1e-9));
        assertThat(r.areas().get(0).coveredShare()).isCloseTo(40.0 / 225, within(1e-12));
        assertThat(r.streets().get(0).lengthM()).isCloseTo(30, within(1e-9));
        assertThat(r.streets().get(0).coveredM()).isCloseTo(10, within(1e-9));
        assertThat(r.areas().get(0).streetLengthM()).isCloseTo(9, within(1e-9));
        assertThat(r.areas().get(1).streetCoveredM()).isCloseTo(6, within(1e-9));
    }

    @Test
    void randomScenesAgreeWithJtsOverlayToOneMillionth() {
        for (long seed = 1; seed <= 60; seed++) {
            checkAgainstOverlay(seed, 4 + (int) (seed % 9));
        }
    }

    @Test
    void resultsDoNotDependOnThreads() {
        SplittableRandom rnd = new SplittableRandom(99);
        List<CameraView> views = randomViews(rnd, 300, 400);
        List<Area> areas = gridAreas(400, 4);
        double[] outdoor =
                areas.stream().mapToDouble(a -> a.geometry().getArea()).toArray();
        CoverageResult one = Coverage.compute(views, areas, List.of(), outdoor, false);
        CoverageResult many = Coverage.compute(views, areas, List.of(), outdoor, true);
        assertThat(many).isEqualTo(one);
    }

    private static void checkAgainstOverlay(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<CameraView> views = randomViews(rnd, n, 60);
        List<Area> areas = gridAreas(60, 3);
        List<Street> streets = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            streets.add(new Street("s" + k, "", GF.createLineString(new Coordinate[] {
                c(rnd.nextInt(0, 61), rnd.nextInt(0, 61)), c(rnd.nextDouble(0, 60), rnd.nextDouble(0, 60))
            })));
        }
        double[] outdoor =
                areas.stream().mapToDouble(a -> a.geometry().getArea()).toArray();
        CoverageResult r = Coverage.compute(views, areas, streets, outdoor, rnd.nextBoolean());

        List<Geometry> gs = views.stream().map(CameraView::viewshed).toList();
        Geometry union = UnaryUnionOp.union(gs);
        Geometry live = UnaryUnionOp.union(views.stream()
                .filter(CameraView::live)
                .map(CameraView::viewshed)
                .toList());
        Geometry d2 = depthAtLeast(gs, 2), d3 = depthAtLeast(gs, 3);
        String msg = "seed " + seed + ", " + n + " viewsheds";
        close(r.city().coveredM2(), union.getArea(), msg + " union");
        close(r.city().liveM2(), live == null ? 0 : live.getArea(), msg + " live");
        close(r.city().depth2M2(), d2.getArea(), msg + " depth 2");
        close(r.city().depth3M2(), d3.getArea(), msg + " depth 3");
        for (int i = 0; i < n; i++) {
            List<Geometry> others = new ArrayList<>(gs);
            others.remove(i);
            Geometry rest = UnaryUnionOp.union(others);
            double unique =
                    rest == null ? gs.get(i).getArea() : diff(gs.get(i), rest).getArea();
            close(r.cameras().get(i).uniqueM2(), unique, msg + " unique of " + i);
        }
        for (int a = 0; a < areas.size(); a++) {
            Geometry ag = areas.get(a).geometry();
            close(r.areas().get(a).coveredM2(), inter(union, ag).getArea(), msg + " area " + a);
            close(r.areas().get(a).depth2M2(), inter(d2, ag).getArea(), msg + " area depth2 " + a);
            close(r.areas().get(a).depth3M2(), inter(d3, ag).getArea(), msg + " area depth3 " + a);
            close(r.areas().get(a).liveM2(), live == null ? 0 : inter(live, ag).getArea(), msg + " area live " + a);
        }
        for (int s = 0; s < streets.size(); s++) {
            Geometry line = streets.get(s).geometry();
            close(r.streets().get(s).coveredM(), line.intersection(union).getLength(), msg + " street " + s);
        }
    }

    /** Depth ≥ k by brute force: the union of all k-wise intersections. */
    private static Geometry depthAtLeast(List<Geometry> gs, int k) {
        List<Geometry> parts = new ArrayList<>();
        combos(gs, k, 0, null, parts);
        Geometry u = UnaryUnionOp.union(parts);
        return u == null ? GF.createPolygon() : u;
    }

    private static void combos(List<Geometry> gs, int k, int from, Geometry acc, List<Geometry> out) {
        if (k == 0) {
            if (acc != null && !acc.isEmpty()) out.add(acc);
            return;
        }
        for (int i = from; i < gs.size(); i++) {
            Geometry next = acc == null ? gs.get(i) : inter(acc, gs.get(i));
            if (next.isEmpty()) continue;
            combos(gs, k - 1, i + 1, next, out);
        }
    }

    private static Geometry inter(Geometry a, Geometry b) {
        return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
    }

    private static Geometry polygonal(Geometry g) {
        return GF.buildGeometry(org.locationtech.jts.geom.util.PolygonExtracter.getPolygons(g));
    }

    private static Geometry diff(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE);
    }

    private static void close(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
    }

    /** Wedge-like star polygons plus axis-aligned boxes on an integer grid, so edges often coincide. */
    static List<CameraView> randomViews(SplittableRandom rnd, int n, double size) {
        List<CameraView> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Geometry g;
            if (rnd.nextInt(3) == 0) {
                int x = rnd.nextInt(0, (int) size - 5), y = rnd.nextInt(0, (int) size - 5);
                int w = rnd.nextInt(1, 20), h = rnd.nextInt(1, 20);
                g = GF.toGeometry(new Envelope(X0 + x, X0 + x + w, Y0 + y, Y0 + y + h));
            } else {
                double cx = rnd.nextDouble(0, size), cy = rnd.nextDouble(0, size);
                double heading = rnd.nextDouble(0, 2 * Math.PI), fov = rnd.nextDouble(0.3, 2 * Math.PI);
                int steps = 6 + rnd.nextInt(20);
                List<Coordinate> cs = new ArrayList<>();
                boolean full = fov > 6;
                if (!full) cs.add(c(cx, cy));
                for (int k = 0; k <= (full ? steps - 1 : steps); k++) {
                    double ang = heading - fov / 2 + fov * k / steps;
                    double r = rnd.nextDouble(3, 25);
                    cs.add(c(cx + r * Math.sin(ang), cy + r * Math.cos(ang)));
                }
                cs.add(cs.get(0));
                Polygon p = GF.createPolygon(cs.toArray(new Coordinate[0]));
                g = p.isValid() ? p : p.buffer(0);
                if (g.isEmpty()) g = GF.toGeometry(new Envelope(X0 + cx, X0 + cx + 3, Y0 + cy, Y0 + cy + 3));
            }
            out.add(new CameraView("c" + i, g, rnd.nextInt(3) == 0));
        }
        return out;
    }

    static List<Area> gridAreas(double size, int k) {
        List<Area> out = new ArrayList<>();
        double step = size / k;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                out.add(new Area(
                        "a" + i + "_" + j,
                        "",
                        GF.toGeometry(
                                new Envelope(X0 + i * step, X0 + (i + 1) * step, Y0 + j * step, Y0 + (j + 1) * step))));
            }
        }
        return out;
    }

    private static Coordinate c(double x, double y) {
        return new Coordinate(X0 + x, Y0 + y);
    }

    private static CameraView view(String id, String wkt, boolean live) throws ParseException {
        return new CameraView(id, geom(wkt), live);
    }

    private static Geometry geom(String wkt) throws ParseException {
        return new WKTReader(GF).read(wkt);
    }
}
