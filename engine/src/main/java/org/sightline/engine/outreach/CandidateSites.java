package org.sightline.engine.outreach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Street;

/**
 * Derives candidate sites from buildings that host no registered camera (DESIGN.md, "Outreach"):
 * one camera on the façade facing the nearest street, at the midpoint of the exterior edge whose
 * outward side faces that street best, heading along the edge's outward normal, with a FOV and range
 * by building use (residential 90°/40 m, commercial 100°/60 m, industrial 90°/60 m, civic 100°/50 m,
 * otherwise 90°/40 m). Without streets, the façade facing away from the building's centroid towards
 * the nearest other building gap is unknowable, so the longest edge is used.
 */
public final class CandidateSites {
    /** A camera within this distance (m) of a footprint's boundary, or inside it, is hosted by it. */
    public static final double HOST_DISTANCE_M = 1.0;

    private CandidateSites() {}

    public static List<CandidateSite> fromBuildings(
            List<Footprint> footprints, List<Camera> registered, List<Street> streets, double maxStreetDistanceM) {
        STRtree cams = new STRtree();
        for (Camera c : registered) cams.insert(c.position().getEnvelopeInternal(), c.position());
        cams.build();
        STRtree streetIndex = new STRtree();
        for (Street s : streets) streetIndex.insert(s.geometry().getEnvelopeInternal(), s.geometry());
        streetIndex.build();
        CandidateSite[] sites = new CandidateSite[footprints.size()];
        java.util.stream.IntStream.range(0, sites.length).parallel().forEach(i -> {
            Footprint f = footprints.get(i);
            if (hostsCamera(f.geometry(), cams)) return;
            Polygon shell = largest(f.geometry());
            if (shell == null) return;
            Geometry street = nearestStreet(shell, streetIndex, maxStreetDistanceM);
            sites[i] = siteOn(f, shell, street);
        });
        List<CandidateSite> out = new ArrayList<>();
        for (CandidateSite s : sites) if (s != null) out.add(s);
        return out;
    }

    static boolean hostsCamera(Geometry footprint, STRtree cams) {
        var env = footprint.getEnvelopeInternal().copy();
        env.expandBy(HOST_DISTANCE_M);
        @SuppressWarnings("unchecked")
        List<Point> near = cams.query(env);
        for (Point p : near) {
            if (footprint.distance(p) <= HOST_DISTANCE_M) return true;
        }
        return false;
    }

    private static Polygon largest(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p
                    && !p.isEmpty()
                    && (best == null || p.getArea() > best.getArea())) best = p;
        }
        return best;
    }

    private static Geometry nearestStreet(Polygon shell, STRtree index, double maxDistance) {
        if (index.isEmpty()) return null; // size() walks the whole tree: O(streets) per building
        Object nearest = index.nearestNeighbour(
                shell.getEnvelopeInternal(),
                shell,
                (a, b) -> ((Geometry) a.getItem()).distance((Geometry) b.getItem()));
        Geometry best = (Geometry) nearest;
        return best != null && best.distance(shell) <= maxDistance ? best : null;
    }

    /**
     * The footprints from which a camera of range ≤ {@code reachM} could see at least one of the
     * points: the only ones worth a candidate site, since any other site's gain is zero.
     */
    public static List<Footprint> nearPoints(List<Footprint> footprints, List<Point> points, double reachM) {
        int n = points.size();
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = points.get(i).getX();
            y[i] = points.get(i).getY();
        }
        org.sightline.engine.geo.GridIndex grid =
                new org.sightline.engine.geo.GridIndex(Math.max(50, reachM), x, y, x, y);
        org.sightline.engine.geo.GridIndex.Cursor cur = grid.cursor();
        List<Footprint> out = new ArrayList<>();
        for (Footprint f : footprints) {
            var e = f.geometry().getEnvelopeInternal();
            cur.query(e.getMinX() - reachM, e.getMinY() - reachM, e.getMaxX() + reachM, e.getMaxY() + reachM);
            if (cur.count > 0) out.add(f);
        }
        return out;
    }

    /** The largest range any derived candidate gets (m). */
    public static double maxDefaultRangeM() {
        double max = 0;
        for (String use : new String[] {"residential", "commercial", "industrial", "civic", ""}) {
            max = Math.max(max, defaults(use)[1]);
        }
        return max;
    }

    /** The site on the edge facing {@code street} (or the longest edge), nudged 0.1 m outside. */
    static CandidateSite siteOn(Footprint f, Polygon shell, Geometry street) {
        LineString ring = shell.getExteriorRing();
        Coordinate[] cs = ring.getCoordinates();
        boolean ccw = Orientation.isCCW(cs);
        Coordinate target = null;
        if (street != null) target = DistanceOp.nearestPoints(shell, street)[1];
        int bestEdge = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k + 1 < cs.length; k++) {
            Coordinate a = cs[k], b = cs[k + 1];
            double len = a.distance(b);
            if (len < 1.0) continue; // too short to mount a camera
            // outward normal: right of the edge for counter-clockwise rings
            double nx = (b.y - a.y) / len, ny = -(b.x - a.x) / len;
            if (!ccw) {
                nx = -nx;
                ny = -ny;
            }
            double score;
            if (target == null) score = len;
            else {
                double mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
                double tx = target.x - mx, ty = target.y - my;
                double dist = Math.hypot(tx, ty);
                double facing = dist > 0 ? (tx * nx + ty * ny) / dist : 1;
                score = facing - dist / 1000 + Math.min(len, 20) / 1000; // face the street; prefer near, long edges
            }
            if (score > bestScore) {
                bestScore = score;
                bestEdge = k;
            }
        }
        if (bestEdge < 0) return null;
        Coordinate a = cs[bestEdge], b = cs[bestEdge + 1];
        double len = a.distance(b);
        double nx = (b.y - a.y) / len, ny = -(b.x - a.x) / len;
        if (!ccw) {
            nx = -nx;
            ny = -ny;
        }
        double mx = (a.x + b.x) / 2 + 0.1 * nx, my = (a.y + b.y) / 2 + 0.1 * ny;
        double heading = (Math.toDegrees(Math.atan2(nx, ny)) + 360) % 360;
        if (heading >= 360) heading = 0;
        double[] fovRange = defaults(f.use());
        return new CandidateSite(
                "site-" + f.id(), f.id(), Geometries.point(mx, my), heading, fovRange[0], fovRange[1], f.use());
    }

    /** FOV (degrees) and range (m) of a candidate camera by building use. */
    public static double[] defaults(String use) {
        return switch (use == null ? "" : use.toLowerCase(Locale.ROOT)) {
            case "residential" -> new double[] {90, 40};
            case "commercial", "retail" -> new double[] {100, 60};
            case "industrial" -> new double[] {90, 60};
            case "civic" -> new double[] {100, 50};
            default -> new double[] {90, 40};
        };
    }
}
