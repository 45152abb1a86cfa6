package org.sightline.engine.viewshed;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.model.Footprint;

/**
 * Scene building for viewshed tests and benchmarks (shared through the engine test-jar): footprints
 * and cameras from WKT and numbers, and seeded random city blocks that contain every known trap of
 * visibility polygons (shared walls, collinear edges, courtyards, overlapping and low buildings,
 * cameras on vertices, on edges, inside footprints and inside courtyards, exact wrap-around headings).
 */
public final class Scenes {
    private Scenes() {}

    /** A scene: footprints and cameras in metres, and the seed that made it. */
    public record Scene(long seed, List<Footprint> footprints, List<Camera> cameras) {}

    public static Geometry wkt(String wkt) {
        try {
            return new WKTReader(Geometries.FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    public static Footprint footprint(String id, String wkt) {
        return new Footprint(id, wkt(wkt), Double.NaN, "");
    }

    public static Footprint footprint(String id, String wkt, double heightM) {
        return new Footprint(id, wkt(wkt), heightM, "");
    }

    public static List<Footprint> footprints(String... wkts) {
        List<Footprint> out = new ArrayList<>();
        for (int i = 0; i < wkts.length; i++) out.add(footprint("f" + i, wkts[i]));
        return out;
    }

    public static Camera camera(String id, double x, double y, double headingDeg, double fovDeg, double rangeM) {
        return new Camera(
                id,
                Geometries.point(x, y),
                headingDeg,
                fovDeg,
                rangeM,
                Camera.DEFAULT_HEIGHT_M,
                CameraKind.RESIDENT,
                false,
                Camera.DEFAULT_RETENTION_DAYS,
                true,
                false,
                null);
    }

    public static Camera camera(double x, double y, double headingDeg, double fovDeg, double rangeM) {
        return camera("c", x, y, headingDeg, fovDeg, rangeM);
    }

    /**
     * A random block of about {@code buildings} footprints in a square of {@code sizeM} metres whose
     * lower-left corner is (originX, originY) — use UTM-like origins to exercise rounding — and {@code
     * cameras} cameras of fov 10–360°, any heading and range 5–150 m. Most coordinates are on a 0.5 m
     * grid so that collinear vertices, shared walls and rays through vertices are frequent.
     */
    public static Scene random(long seed, int buildings, int cameras, double sizeM, double originX, double originY) {
        Random rnd = new Random(seed);
        List<Footprint> fps = new ArrayList<>();
        List<Polygon> courtyards = new ArrayList<>();
        while (fps.size() < buildings) {
            double x = snap(rnd.nextDouble() * sizeM), y = snap(rnd.nextDouble() * sizeM);
            double w = snap(4 + rnd.nextDouble() * 26), h = snap(4 + rnd.nextDouble() * 26);
            int kind = rnd.nextInt(10);
            String id = "b" + fps.size();
            double height = rnd.nextInt(12) == 0 ? 1.5 : rnd.nextInt(3) == 0 ? Double.NaN : 3 + rnd.nextInt(40);
            switch (kind) {
                case 0, 1 -> { // a row of houses sharing walls
                    int n = 2 + rnd.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        double wi = snap(4 + rnd.nextDouble() * 8);
                        fps.add(fp(id + "." + i, rect(originX + x, originY + y, wi, h), height));
                        x += wi;
                    }
                }
                case 2 -> { // L-shape with a collinear extra vertex on its long side
                    double a = snap(w / 2), b = snap(h / 2);
                    fps.add(fp(
                            id, poly(originX + x, originY + y, 0, 0, w / 2, 0, w, 0, w, b, a, b, a, h, 0, h), height));
                }
                case 3 -> { // courtyard
                    double cw = Math.max(12, w), ch = Math.max(12, h);
                    Polygon shell = rect(originX + x, originY + y, cw, ch);
                    Polygon hole = rect(originX + x + 3, originY + y + 3, cw - 6, ch - 6);
                    Polygon p = Geometries.FACTORY.createPolygon(
                            shell.getExteriorRing(), new LinearRing[] {hole.getExteriorRing()});
                    courtyards.add(hole);
                    fps.add(fp(id, p, height));
                }
                case 4 -> { // rotated rectangle, general position
                    double ang = rnd.nextDouble() * Math.PI, c = Math.cos(ang), s = Math.sin(ang);
                    double cx = originX + x, cy = originY + y;
                    fps.add(fp(
                            id, poly(cx, cy, 0, 0, w * c, w * s, w * c - h * s, w * s + h * c, -h * s, h * c), height));
                }
                case 5 -> { // triangle
                    fps.add(fp(id, poly(originX + x, originY + y, 0, 0, w, 0, snap(w / 2), h), height));
                }
                case 6 -> { // two overlapping rectangles, merged by Footprints
                    fps.add(fp(id + ".a", rect(originX + x, originY + y, w, h), height));
                    fps.add(fp(id + ".b", rect(originX + x + snap(w / 2), originY + y + snap(h / 2), w, h), height));
                }
                default -> fps.add(fp(id, rect(originX + x, originY + y, w, h), height));
            }
        }
        List<Camera> cams = new ArrayList<>();
        for (int i = 0; i < cameras; i++) {
            double heading = rnd.nextInt(6) == 0 ? 90 * rnd.nextInt(4) : rnd.nextDouble() * 360;
            double fov = switch (rnd.nextInt(8)) {
                case 0 -> 360;
                case 1 -> 180;
                case 2 -> 90;
                case 3 -> 270;
                default -> 10 + rnd.nextDouble() * 350;
            };
            double range = 5 + rnd.nextDouble() * 145;
            double x, y;
            int where = rnd.nextInt(8);
            Footprint f = fps.get(rnd.nextInt(fps.size()));
            Coordinate[] cs = f.geometry().getCoordinates();
            switch (where) {
                case 0 -> { // exactly on a vertex
                    Coordinate c = cs[rnd.nextInt(cs.length)];
                    x = c.x;
                    y = c.y;
                }
                case 1 -> { // on an edge
                    int k = rnd.nextInt(cs.length - 1);
                    x = (cs[k].x + cs[k + 1].x) / 2;
                    y = (cs[k].y + cs[k + 1].y) / 2;
                }
                case 2 -> { // inside (centroid of the envelope)
                    x = f.geometry().getEnvelopeInternal().centre().x;
                    y = f.geometry().getEnvelopeInternal().centre().y;
                }
                case 3 -> { // on the grid: collinear with many edges
                    x = originX + snap(rnd.nextDouble() * sizeM);
                    y = originY + snap(rnd.nextDouble() * sizeM);
                }
                case 4 -> { // in a courtyard, if any
                    if (courtyards.isEmpty()) {
                        x = originX + rnd.nextDouble() * sizeM;
                        y = originY + rnd.nextDouble() * sizeM;
                    } else {
                        var env = courtyards.get(rnd.nextInt(courtyards.size())).getEnvelopeInternal();
                        x = env.getMinX() + rnd.nextDouble() * env.getWidth();
                        y = env.getMinY() + rnd.nextDouble() * env.getHeight();
                    }
                }
                default -> {
                    x = originX + rnd.nextDouble() * sizeM;
                    y = originY + rnd.nextDouble() * sizeM;
                }
            }
            cams.add(camera("c" + i, x, y, heading, fov, range));
        }
        return new Scene(seed, fps, cams);
    }

    /**
     * Rectangular houses at Charlotte density (about 3,000 buildings per km²) in a square of {@code
     * sizeM} metres, with façade cameras of fov 90° and range 30–150 m: the benchmark workload.
     */
    public static Scene charlotteDensity(long seed, double sizeM, int cameras, double originX, double originY) {
        Random rnd = new Random(seed);
        List<Footprint> fps = new ArrayList<>();
        double cell = Math.sqrt(1e6 / 3000.0); // ≈ 18.3 m per building
        int n = (int) (sizeM / cell);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double w = 6 + rnd.nextDouble() * 8, h = 6 + rnd.nextDouble() * 8;
                double x = originX + i * cell + rnd.nextDouble() * (cell - w - 1);
                double y = originY + j * cell + rnd.nextDouble() * (cell - h - 1);
                fps.add(fp("b" + i + "_" + j, rect(x, y, w, h), 3 + rnd.nextInt(20)));
            }
        }
        List<Camera> cams = new ArrayList<>();
        for (int i = 0; i < cameras; i++) {
            Footprint f = fps.get(rnd.nextInt(fps.size()));
            var e = f.geometry().getEnvelopeInternal();
            int side = rnd.nextInt(4);
            double x =
                    side == 1 ? e.getMaxX() : side == 3 ? e.getMinX() : e.getMinX() + rnd.nextDouble() * e.getWidth();
            double y =
                    side == 0 ? e.getMaxY() : side == 2 ? e.getMinY() : e.getMinY() + rnd.nextDouble() * e.getHeight();
            cams.add(camera("c" + i, x, y, side * 90, 90, 30 + rnd.nextDouble() * 120));
        }
        return new Scene(seed, fps, cams);
    }

    /**
     * About {@code count} footprints of a county at Charlotte density (one lot per 18.3 m cell, rows of
     * {@code side} cells starting at (originX, originY)): axis-aligned and rotated rectangles, L and U
     * shapes, and terraces of 2–4 houses sharing walls (each house a footprint, so some lots give more
     * than one). The workload of {@link Footprints#of} at county scale.
     */
    public static List<Footprint> county(long seed, int count, double originX, double originY) {
        Random rnd = new Random(seed);
        double cell = Math.sqrt(1e6 / 3000.0);
        int side = (int) Math.ceil(Math.sqrt(count));
        List<Footprint> fps = new ArrayList<>(count + 4);
        for (int k = 0; fps.size() < count; k++) {
            double x = originX + (k % side) * cell + 0.5, y = originY + (k / side) * cell + 0.5;
            double w = 6 + rnd.nextDouble() * 10, h = 6 + rnd.nextDouble() * 10;
            double height = rnd.nextInt(10) == 0 ? Double.NaN : 3 + rnd.nextInt(30);
            String id = "b" + k;
            int kind = rnd.nextInt(20);
            if (kind < 10) {
                fps.add(fp(id, rect(x, y, w, h), height));
            } else if (kind < 12) {
                double ang = rnd.nextDouble() * Math.PI / 2, c = Math.cos(ang), s = Math.sin(ang);
                double wr = w * 0.7, hr = h * 0.7, cx = x + h * 0.7 * s;
                fps.add(fp(
                        id,
                        poly(cx, y, 0, 0, wr * c, wr * s, wr * c - hr * s, wr * s + hr * c, -hr * s, hr * c),
                        height));
            } else if (kind < 15) {
                double a = w / 2, b = h / 2;
                fps.add(fp(id, poly(x, y, 0, 0, w, 0, w, b, a, b, a, h, 0, h), height));
            } else if (kind < 17) {
                double a = w / 3, b = h / 2;
                fps.add(fp(id, poly(x, y, 0, 0, w, 0, w, h, w - a, h, w - a, b, a, b, a, h, 0, h), height));
            } else {
                int n = 2 + rnd.nextInt(3);
                double wi = (cell - 1.5) / n;
                for (int i = 0; i < n; i++) { // neighbours share the wall's coordinates exactly
                    double xa = x + i * wi, xb = x + (i + 1) * wi;
                    fps.add(fp(id + "." + i, poly(0, 0, xa, y, xb, y, xb, y + h, xa, y + h), height));
                }
            }
        }
        return fps;
    }

    /**
     * A façade camera on every exterior wall of at least 3 m of each footprint's first polygon:
     * midpoint, 0.2 m out, facing along the outward normal, fov 90°, range 30–150 m.
     */
    public static List<Camera> facadeCameras(List<Footprint> fps, Random rnd) {
        List<Camera> out = new ArrayList<>();
        for (Footprint f : fps) {
            Polygon p = (Polygon) f.geometry().getGeometryN(0);
            Coordinate[] cs = p.getExteriorRing().getCoordinates();
            double side = Orientation.isCCW(cs) ? 1 : -1; // outward = right of a CCW ring
            for (int i = 0; i + 1 < cs.length; i++) {
                double dx = cs[i + 1].x - cs[i].x, dy = cs[i + 1].y - cs[i].y, len = Math.hypot(dx, dy);
                if (len < 3) continue;
                double nx = side * dy / len, ny = -side * dx / len;
                double x = (cs[i].x + cs[i + 1].x) / 2 + 0.2 * nx, y = (cs[i].y + cs[i + 1].y) / 2 + 0.2 * ny;
                double heading = (Math.toDegrees(Math.atan2(nx, ny)) + 360) % 360;
                if (heading >= 360) heading = 0;
                out.add(camera(f.id() + "#" + i, x, y, heading, 90, 30 + rnd.nextDouble() * 120));
            }
        }
        return out;
    }

    private static double snap(double v) {
        return Math.round(v * 2) / 2.0;
    }

    private static Footprint fp(String id, Polygon p, double height) {
        return new Footprint(id, p, height, "");
    }

    public static Polygon rect(double x, double y, double w, double h) {
        return poly(x, y, 0, 0, w, 0, w, h, 0, h);
    }

    /** A polygon from (ox + dx_i, oy + dy_i) pairs; the ring is closed for you. */
    public static Polygon poly(double ox, double oy, double... d) {
        Coordinate[] cs = new Coordinate[d.length / 2 + 1];
        for (int i = 0; i < d.length / 2; i++) cs[i] = new Coordinate(ox + d[2 * i], oy + d[2 * i + 1]);
        cs[cs.length - 1] = cs[0].copy();
        return Geometries.FACTORY.createPolygon(cs);
    }
}
