package org.sightline.engine.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.geo.GridIndex;

/**
 * Exact coverage areas by a boundary integral instead of a polygon union.
 *
 * <p>By Green's theorem the area of a region is ½ Σ (x₁y₂ − x₂y₁) over its boundary, oriented with
 * the region on the left. The boundary of {depth ≥ j} (points seen by at least j cameras) consists
 * of exactly those pieces of viewshed edges that lie inside j − 1 <em>other</em> viewsheds: across
 * such a piece the depth drops from j to j − 1. So one pass suffices: split every viewshed edge where
 * other viewshed edges (and area boundaries) cross it, count for each piece how many other viewsheds
 * contain its midpoint, and add its cross product to level count + 1. Area-restricted totals add the
 * pieces of the area's own boundary with depth ≥ j; a camera's unique area is its pieces inside no
 * other viewshed minus the other cameras' pieces inside it alone.
 *
 * <p>Coincident edges (two viewsheds bounded by the same wall) are resolved by a tie-break: where
 * edges run the same way, only the camera with the smaller index keeps the piece; where they run
 * opposite ways, the pieces cancel. Work is O(E · c) for E edges and c candidates near each edge,
 * done in fixed chunks merged in order, so results are identical for any number of threads.
 */
final class CoverageSweep {
    /** Distance (m) below which a point counts as lying on a boundary. */
    static final double EPS = 1e-7;

    private static final int LEVELS = 3;
    private static final int CHUNK = 512;
    private static final double CELL = 64;
    private static final double AREA_CELL = 256;
    private static final double EDGE_CELL = 24;

    private final double ox, oy;
    // viewsheds
    private final int nViews;
    private final boolean[] live;
    private final double[][][] viewRings; // view -> ring -> [x0, y0, x1, y1, ...] closed, interior on the left
    private final double[] vMinX, vMinY, vMaxX, vMaxY, vOx, vOy;
    // viewshed edges
    private final int[] eView;
    private final double[] ex1, ey1, ex2, ey2;
    // areas
    private final int nAreas;
    private final double[][][] areaRings;
    private final double[] aMinX, aMinY, aMaxX, aMaxY, aOx, aOy;
    private final int[] fArea;
    private final double[] fx1, fy1, fx2, fy2;
    // streets
    private final int nStreets;
    private final int[] sStreet;
    private final double[] sx1, sy1, sx2, sy2;
    private final GridIndex viewBoxes, viewEdges, areaEdges;
    private final GridIndex areaBoxes;

    CoverageSweep(
            List<? extends Geometry> views,
            boolean[] live,
            List<? extends Geometry> areas,
            List<? extends Geometry> streets) {
        Envelope all = new Envelope();
        views.forEach(g -> all.expandToInclude(g.getEnvelopeInternal()));
        areas.forEach(g -> all.expandToInclude(g.getEnvelopeInternal()));
        streets.forEach(g -> all.expandToInclude(g.getEnvelopeInternal()));
        // a round local origin keeps coordinates small, so cross products and intersections stay exact
        this.ox = all.isNull() ? 0 : Math.rint(all.centre().x / 1000) * 1000;
        this.oy = all.isNull() ? 0 : Math.rint(all.centre().y / 1000) * 1000;

        this.nViews = views.size();
        this.live = live.clone();
        this.viewRings = new double[nViews][][];
        vMinX = new double[nViews];
        vMinY = new double[nViews];
        vMaxX = new double[nViews];
        vMaxY = new double[nViews];
        vOx = new double[nViews];
        vOy = new double[nViews];
        EdgeList ve = new EdgeList();
        for (int i = 0; i < nViews; i++) {
            viewRings[i] = rings(views.get(i));
            bounds(viewRings[i], i, vMinX, vMinY, vMaxX, vMaxY);
            vOx[i] = (vMinX[i] + vMaxX[i]) / 2;
            vOy[i] = (vMinY[i] + vMaxY[i]) / 2;
            ve.addRings(viewRings[i], i);
        }
        eView = ve.owner();
        ex1 = ve.x1();
        ey1 = ve.y1();
        ex2 = ve.x2();
        ey2 = ve.y2();

        this.nAreas = areas.size();
        this.areaRings = new double[nAreas][][];
        aMinX = new double[nAreas];
        aMinY = new double[nAreas];
        aMaxX = new double[nAreas];
        aMaxY = new double[nAreas];
        aOx = new double[nAreas];
        aOy = new double[nAreas];
        EdgeList ae = new EdgeList();
        for (int a = 0; a < nAreas; a++) {
            areaRings[a] = rings(areas.get(a));
            bounds(areaRings[a], a, aMinX, aMinY, aMaxX, aMaxY);
            aOx[a] = (aMinX[a] + aMaxX[a]) / 2;
            aOy[a] = (aMinY[a] + aMaxY[a]) / 2;
            ae.addRings(areaRings[a], a);
        }
        areaBoxes = new GridIndex(AREA_CELL, aMinX, aMinY, aMaxX, aMaxY);
        fArea = ae.owner();
        fx1 = ae.x1();
        fy1 = ae.y1();
        fx2 = ae.x2();
        fy2 = ae.y2();

        this.nStreets = streets.size();
        EdgeList se = new EdgeList();
        for (int s = 0; s < nStreets; s++) {
            Geometry g = streets.get(s);
            for (int k = 0; k < g.getNumGeometries(); k++) {
                if (g.getGeometryN(k) instanceof LineString ls) se.addLine(local(ls.getCoordinates()), s);
            }
        }
        sStreet = se.owner();
        sx1 = se.x1();
        sy1 = se.y1();
        sx2 = se.x2();
        sy2 = se.y2();

        viewBoxes = new GridIndex(CELL, vMinX, vMinY, vMaxX, vMaxY);
        viewEdges = edgeGrid(ex1, ey1, ex2, ey2);
        areaEdges = edgeGrid(fx1, fy1, fx2, fy2);
    }

    /** Results in metres / m², arrays indexed like the inputs. */
    record Sums(
            double[] cityLevels, // [0] unused, [1..3] area with depth ≥ j
            double cityLive,
            double[][] areaLevels, // area -> [1..3]
            double[] areaLive,
            double[] unique,
            double[] streetLength,
            double[] streetCovered,
            double[] streetLive,
            double[] areaStreetLength,
            double[] areaStreetCovered) {}

    Sums run(boolean parallel) {
        int viewChunks = (eView.length + CHUNK - 1) / CHUNK;
        int areaChunks = (fArea.length + CHUNK - 1) / CHUNK;
        int streetChunks = (sStreet.length + CHUNK - 1) / CHUNK;
        int chunks = viewChunks + areaChunks + streetChunks;
        Partial[] parts = new Partial[chunks];
        IntStream range = IntStream.range(0, chunks);
        if (parallel) range = range.parallel();
        ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);
        range.forEach(c -> {
            Partial p = new Partial();
            Work w = work.get();
            if (c < viewChunks) {
                for (int e = c * CHUNK; e < Math.min(eView.length, (c + 1) * CHUNK); e++) viewEdge(e, w, p);
            } else if (c < viewChunks + areaChunks) {
                int c0 = c - viewChunks;
                for (int f = c0 * CHUNK; f < Math.min(fArea.length, (c0 + 1) * CHUNK); f++) areaEdge(f, w, p);
            } else {
                int c0 = c - viewChunks - areaChunks;
                for (int s = c0 * CHUNK; s < Math.min(sStreet.length, (c0 + 1) * CHUNK); s++) streetEdge(s, w, p);
            }
            parts[c] = p;
        });
        double[] city = new double[LEVELS + 1];
        double cityLive = 0;
        double[][] areaLevels = new double[nAreas][LEVELS + 1];
        double[] areaLive = new double[nAreas];
        double[] unique = new double[nViews];
        double[] sLen = new double[nStreets], sCov = new double[nStreets], sLive = new double[nStreets];
        double[] aSLen = new double[nAreas], aSCov = new double[nAreas];
        for (Partial p : parts) {
            for (int j = 1; j <= LEVELS; j++) city[j] += p.city[j];
            cityLive += p.cityLive;
            for (int k = 0; k < p.nArea; k++) {
                int a = p.areaId[k];
                switch (p.areaKind[k]) {
                    case 0, 1, 2 -> areaLevels[a][p.areaKind[k] + 1] += p.areaVal[k];
                    case 3 -> areaLive[a] += p.areaVal[k];
                    case 4 -> aSLen[a] += p.areaVal[k];
                    case 5 -> aSCov[a] += p.areaVal[k];
                    default -> throw new IllegalStateException();
                }
            }
            for (int k = 0; k < p.nUnique; k++) unique[p.uniqueId[k]] += p.uniqueVal[k];
            for (int k = 0; k < p.nStreet; k++) {
                int s = p.streetId[k];
                sLen[s] += p.streetVal[3 * k];
                sCov[s] += p.streetVal[3 * k + 1];
                sLive[s] += p.streetVal[3 * k + 2];
            }
        }
        return new Sums(city, cityLive, areaLevels, areaLive, unique, sLen, sCov, sLive, aSLen, aSCov);
    }

    // ---------------------------------------------------------------- viewshed edges

    private void viewEdge(int e, Work w, Partial p) {
        int i = eView[e];
        double x1 = ex1[e], y1 = ey1[e], x2 = ex2[e], y2 = ey2[e];
        double bx0 = Math.min(x1, x2) - EPS, by0 = Math.min(y1, y2) - EPS;
        double bx1 = Math.max(x1, x2) + EPS, by1 = Math.max(y1, y2) + EPS;
        w.reset();
        w.nextEdge();
        GridIndex.Cursor vc = w.viewEdgeCursor;
        vc.query(bx0, by0, bx1, by1);
        for (int k = 0; k < vc.count; k++) {
            int f = vc.found[k];
            int j = eView[f];
            if (j != i && w.split(x1, y1, x2, y2, ex1[f], ey1[f], ex2[f], ey2[f])) w.touched[j] = w.edgeStamp;
        }
        boolean nearAreaEdge = false;
        if (nAreas > 0) {
            GridIndex.Cursor ac = w.areaEdgeCursor;
            ac.query(bx0, by0, bx1, by1);
            nearAreaEdge = ac.count > 0;
            for (int k = 0; k < ac.count; k++) {
                int f = ac.found[k];
                w.split(x1, y1, x2, y2, fx1[f], fy1[f], fx2[f], fy2[f]);
            }
        }
        GridIndex.Cursor bc = w.viewBoxCursor;
        bc.query(bx0, by0, bx1, by1);
        // a view none of whose edges comes within EPS of this edge contains all of it or none of it:
        // decide it once, at the first piece (0 = not yet, 1 = inside, 2 = outside)
        byte[] whole = w.whole(bc.count);
        int nHere = nAreas > 0 ? areasNear(w, bx0, by0, bx1, by1) : 0;
        int[] areasHere = w.areas;
        // an edge that meets no area boundary is inside or outside each area as a whole
        boolean[] edgeInArea = w.inArea(nHere);
        if (!nearAreaEdge) {
            for (int ai = 0; ai < nHere; ai++) {
                edgeInArea[ai] = locate(areaRings[areasHere[ai]], (x1 + x2) / 2, (y1 + y2) / 2) > 0;
            }
        }
        double dx = x2 - x1, dy = y2 - y1;
        double[] ts = w.sortedTs();
        for (int k = 0; k + 1 < w.nt; k++) {
            double t0 = ts[k], t1 = ts[k + 1];
            double px = x1 + t0 * dx, py = y1 + t0 * dy, qx = x1 + t1 * dx, qy = y1 + t1 * dy;
            if (k == 0) {
                px = x1;
                py = y1;
            }
            if (k + 2 == w.nt) {
                qx = x2;
                qy = y2;
            }
            double mx = (px + qx) / 2, my = (py + qy) / 2;
            int depth = 0, liveDepth = 0, container = -1;
            for (int c = 0; c < bc.count; c++) {
                int j = bc.found[c];
                if (j == i) continue;
                boolean in;
                if (w.touched[j] != w.edgeStamp) {
                    if (whole[c] == 0)
                        whole[c] = inBox(j, mx, my) && containsForView(viewRings[j], mx, my, dx, dy, j < i)
                                ? (byte) 1
                                : (byte) 2;
                    in = whole[c] == 1;
                } else {
                    in = inBox(j, mx, my) && containsForView(viewRings[j], mx, my, dx, dy, j < i);
                }
                if (in) {
                    depth++;
                    container = j;
                    if (live[j]) liveDepth++;
                }
            }
            int level = depth + 1;
            if (level <= LEVELS) p.city[level] += cross(px, py, qx, qy, 0, 0);
            boolean liveLevel1 = live[i] && liveDepth == 0;
            if (liveLevel1) p.cityLive += cross(px, py, qx, qy, 0, 0);
            if (depth == 0) p.addUnique(i, cross(px, py, qx, qy, vOx[i], vOy[i]));
            else if (depth == 1) p.addUnique(container, -cross(px, py, qx, qy, vOx[container], vOy[container]));
            for (int ai = 0; ai < nHere; ai++) {
                int a = areasHere[ai];
                boolean inside = nearAreaEdge ? containsForAreaOfViewPiece(areaRings[a], mx, my) : edgeInArea[ai];
                if (!inside) continue;
                double cr = cross(px, py, qx, qy, aOx[a], aOy[a]);
                if (level <= LEVELS) p.addArea(a, level - 1, cr);
                if (liveLevel1) p.addArea(a, 3, cr);
            }
        }
    }

    // ---------------------------------------------------------------- area boundary edges

    private void areaEdge(int f, Work w, Partial p) {
        int a = fArea[f];
        double x1 = fx1[f], y1 = fy1[f], x2 = fx2[f], y2 = fy2[f];
        double bx0 = Math.min(x1, x2) - EPS, by0 = Math.min(y1, y2) - EPS;
        double bx1 = Math.max(x1, x2) + EPS, by1 = Math.max(y1, y2) + EPS;
        GridIndex.Cursor bc = w.viewBoxCursor;
        bc.query(bx0, by0, bx1, by1);
        if (bc.count == 0) return; // depth 0 along the whole edge: contributes to no level
        w.reset();
        GridIndex.Cursor vc = w.viewEdgeCursor;
        vc.query(bx0, by0, bx1, by1);
        for (int k = 0; k < vc.count; k++) {
            int e = vc.found[k];
            w.split(x1, y1, x2, y2, ex1[e], ey1[e], ex2[e], ey2[e]);
        }
        double dx = x2 - x1, dy = y2 - y1;
        double[] ts = w.sortedTs();
        for (int k = 0; k + 1 < w.nt; k++) {
            double px = k == 0 ? x1 : x1 + ts[k] * dx, py = k == 0 ? y1 : y1 + ts[k] * dy;
            double qx = k + 2 == w.nt ? x2 : x1 + ts[k + 1] * dx, qy = k + 2 == w.nt ? y2 : y1 + ts[k + 1] * dy;
            double mx = (px + qx) / 2, my = (py + qy) / 2;
            int depth = 0, liveDepth = 0;
            for (int c = 0; c < bc.count; c++) {
                int j = bc.found[c];
                if (!inBox(j, mx, my)) continue;
                // same direction: this piece bounds the intersection (the view piece defers to it)
                if (containsForView(viewRings[j], mx, my, dx, dy, true)) {
                    depth++;
                    if (live[j]) liveDepth++;
                }
            }
            if (depth == 0) continue;
            double cr = cross(px, py, qx, qy, aOx[a], aOy[a]);
            for (int level = 1; level <= Math.min(depth, LEVELS); level++) p.addArea(a, level - 1, cr);
            if (liveDepth > 0) p.addArea(a, 3, cr);
        }
    }

    // ---------------------------------------------------------------- streets

    private void streetEdge(int s, Work w, Partial p) {
        int street = sStreet[s];
        double x1 = sx1[s], y1 = sy1[s], x2 = sx2[s], y2 = sy2[s];
        double bx0 = Math.min(x1, x2) - EPS, by0 = Math.min(y1, y2) - EPS;
        double bx1 = Math.max(x1, x2) + EPS, by1 = Math.max(y1, y2) + EPS;
        double len = Math.hypot(x2 - x1, y2 - y1);
        w.reset();
        GridIndex.Cursor bc = w.viewBoxCursor;
        bc.query(bx0, by0, bx1, by1);
        if (bc.count > 0) {
            GridIndex.Cursor vc = w.viewEdgeCursor;
            vc.query(bx0, by0, bx1, by1);
            for (int k = 0; k < vc.count; k++) {
                int e = vc.found[k];
                w.split(x1, y1, x2, y2, ex1[e], ey1[e], ex2[e], ey2[e]);
            }
        }
        int nHere = 0;
        if (nAreas > 0) {
            nHere = areasNear(w, bx0, by0, bx1, by1);
            GridIndex.Cursor ac = w.areaEdgeCursor;
            ac.query(bx0, by0, bx1, by1);
            for (int k = 0; k < ac.count; k++) {
                int f = ac.found[k];
                w.split(x1, y1, x2, y2, fx1[f], fy1[f], fx2[f], fy2[f]);
            }
        }
        double covered = 0, liveCovered = 0;
        double[] ts = w.sortedTs();
        for (int k = 0; k + 1 < w.nt; k++) {
            double pieceLen = (ts[k + 1] - ts[k]) * len;
            double t = (ts[k] + ts[k + 1]) / 2;
            double mx = x1 + t * (x2 - x1), my = y1 + t * (y2 - y1);
            boolean seen = false, seenLive = false;
            for (int c = 0; c < bc.count && !seenLive; c++) {
                int j = bc.found[c];
                if (!inBox(j, mx, my)) continue;
                if (locate(viewRings[j], mx, my) >= 0) { // a street on a viewshed's edge is seen
                    seen = true;
                    if (live[j]) seenLive = true;
                }
            }
            if (seen) covered += pieceLen;
            if (seenLive) liveCovered += pieceLen;
            for (int ai = 0; ai < nHere; ai++) {
                int a = w.areas[ai];
                if (locate(areaRings[a], mx, my) > 0) {
                    p.addArea(a, 4, pieceLen);
                    if (seen) p.addArea(a, 5, pieceLen);
                    break; // a street piece counts for one area
                }
            }
        }
        p.addStreet(street, len, covered, liveCovered);
    }

    // ---------------------------------------------------------------- predicates

    private boolean inBox(int j, double x, double y) {
        return x >= vMinX[j] - EPS && x <= vMaxX[j] + EPS && y >= vMinY[j] - EPS && y <= vMaxY[j] + EPS;
    }

    /** The non-empty areas whose box meets the box, ascending, in {@code w.areas}; returns how many. */
    private int areasNear(Work w, double x0, double y0, double x1, double y1) {
        GridIndex.Cursor c = w.areaBoxCursor;
        c.query(x0, y0, x1, y1);
        if (w.areas.length < c.count) w.areas = new int[c.count];
        int n = 0;
        for (int k = 0; k < c.count; k++) if (areaRings[c.found[k]].length > 0) w.areas[n++] = c.found[k];
        Arrays.sort(w.areas, 0, n);
        return n;
    }

    /**
     * Whether a piece with midpoint (x, y) and direction (dx, dy) lies inside the polygon. On the
     * polygon's boundary: if the boundary runs the same way, {@code sameWayCounts} decides; if it runs
     * the opposite way, the piece is outside.
     */
    private static boolean containsForView(
            double[][] rings, double x, double y, double dx, double dy, boolean sameWayCounts) {
        int loc = locateWithDirection(rings, x, y, dx, dy);
        return loc == INSIDE || (loc == ON_SAME && sameWayCounts);
    }

    /** A viewshed piece on an area's boundary belongs to the area's boundary piece, not to the area. */
    private static boolean containsForAreaOfViewPiece(double[][] rings, double x, double y) {
        return locateWithDirection(rings, x, y, 0, 0) == INSIDE;
    }

    private static final int OUTSIDE = 0, INSIDE = 1, ON_SAME = 2, ON_OPPOSITE = 3;

    private static int locateWithDirection(double[][] rings, double x, double y, double dx, double dy) {
        boolean in = false;
        double best = EPS * EPS;
        double bestDot = Double.NaN;
        for (double[] r : rings) {
            for (int k = 0; k + 3 < r.length; k += 2) {
                double ax = r[k], ay = r[k + 1], bx = r[k + 2], by = r[k + 3];
                if ((ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax) in = !in;
                double d2 = segDist2(x, y, ax, ay, bx, by);
                if (d2 <= best) {
                    best = d2;
                    bestDot = (bx - ax) * dx + (by - ay) * dy;
                }
            }
        }
        if (!Double.isNaN(bestDot)) return bestDot > 0 ? ON_SAME : ON_OPPOSITE;
        return in ? INSIDE : OUTSIDE;
    }

    /** 1 inside, 0 on the boundary (within EPS), -1 outside. */
    private static int locate(double[][] rings, double x, double y) {
        boolean in = false;
        for (double[] r : rings) {
            for (int k = 0; k + 3 < r.length; k += 2) {
                double ax = r[k], ay = r[k + 1], bx = r[k + 2], by = r[k + 3];
                if (segDist2(x, y, ax, ay, bx, by) <= EPS * EPS) return 0;
                if ((ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax) in = !in;
            }
        }
        return in ? 1 : -1;
    }

    private static double segDist2(double x, double y, double ax, double ay, double bx, double by) {
        double vx = bx - ax, vy = by - ay;
        double len2 = vx * vx + vy * vy;
        double t = len2 == 0 ? 0 : ((x - ax) * vx + (y - ay) * vy) / len2;
        t = t < 0 ? 0 : (t > 1 ? 1 : t);
        double px = ax + t * vx - x, py = ay + t * vy - y;
        return px * px + py * py;
    }

    private static double cross(double px, double py, double qx, double qy, double ox, double oy) {
        return ((px - ox) * (qy - oy) - (qx - ox) * (py - oy)) / 2;
    }

    // ---------------------------------------------------------------- set-up helpers

    private double[] local(Coordinate[] cs) {
        int n = cs.length;
        double[] out = new double[2 * n];
        for (int k = 0; k < n; k++) {
            out[2 * k] = cs[k].x - ox;
            out[2 * k + 1] = cs[k].y - oy;
        }
        return out;
    }

    /** Rings of a polygonal geometry in local coordinates, oriented with the interior on the left. */
    private double[][] rings(Geometry g) {
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < g.getNumGeometries(); k++) {
            if (!(g.getGeometryN(k) instanceof Polygon poly) || poly.isEmpty()) continue;
            out.add(oriented(poly.getExteriorRing().getCoordinates(), true));
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                out.add(oriented(poly.getInteriorRingN(h).getCoordinates(), false));
            }
        }
        return out.toArray(new double[0][]);
    }

    private double[] oriented(Coordinate[] ring, boolean ccw) {
        Coordinate[] cs = ring;
        if (ring.length >= 4 && Orientation.isCCW(ring) != ccw) {
            cs = ring.clone();
            for (int a = 0, b = cs.length - 1; a < b; a++, b--) {
                Coordinate t = cs[a];
                cs[a] = cs[b];
                cs[b] = t;
            }
        }
        return local(cs);
    }

    private static void bounds(double[][] rings, int i, double[] minX, double[] minY, double[] maxX, double[] maxY) {
        double x0 = Double.POSITIVE_INFINITY, y0 = x0, x1 = Double.NEGATIVE_INFINITY, y1 = x1;
        for (double[] r : rings) {
            for (int k = 0; k < r.length; k += 2) {
                x0 = Math.min(x0, r[k]);
                x1 = Math.max(x1, r[k]);
                y0 = Math.min(y0, r[k + 1]);
                y1 = Math.max(y1, r[k + 1]);
            }
        }
        if (rings.length == 0) { // empty: a box nobody finds
            x0 = y0 = 1e18;
            x1 = y1 = -1e18;
        }
        minX[i] = x0;
        minY[i] = y0;
        maxX[i] = x1;
        maxY[i] = y1;
    }

    private static GridIndex edgeGrid(double[] x1, double[] y1, double[] x2, double[] y2) {
        int n = x1.length;
        double[] a = new double[n], b = new double[n], c = new double[n], d = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = Math.min(x1[k], x2[k]);
            b[k] = Math.min(y1[k], y2[k]);
            c[k] = Math.max(x1[k], x2[k]);
            d[k] = Math.max(y1[k], y2[k]);
        }
        return new GridIndex(EDGE_CELL, a, b, c, d);
    }

    /** Growable edge arrays. */
    private static final class EdgeList {
        private int n;
        private int[] owner = new int[256];
        private double[] x1 = new double[256], y1 = new double[256], x2 = new double[256], y2 = new double[256];

        void addRings(double[][] rings, int id) {
            for (double[] r : rings) addLine(r, id);
        }

        void addLine(double[] r, int id) {
            for (int k = 0; k + 3 < r.length; k += 2) {
                if (r[k] == r[k + 2] && r[k + 1] == r[k + 3]) continue; // repeated point
                if (n == owner.length) {
                    owner = Arrays.copyOf(owner, 2 * n);
                    x1 = Arrays.copyOf(x1, 2 * n);
                    y1 = Arrays.copyOf(y1, 2 * n);
                    x2 = Arrays.copyOf(x2, 2 * n);
                    y2 = Arrays.copyOf(y2, 2 * n);
                }
                owner[n] = id;
                x1[n] = r[k];
                y1[n] = r[k + 1];
                x2[n] = r[k + 2];
                y2[n] = r[k + 3];
                n++;
            }
        }

        int[] owner() {
            return Arrays.copyOf(owner, n);
        }

        double[] x1() {
            return Arrays.copyOf(x1, n);
        }

        double[] y1() {
            return Arrays.copyOf(y1, n);
        }

        double[] x2() {
            return Arrays.copyOf(x2, n);
        }

        double[] y2() {
            return Arrays.copyOf(y2, n);
        }
    }

    /** Per-thread scratch: split parameters and index cursors. */
    private final class Work {
        final GridIndex.Cursor viewBoxCursor = viewBoxes.cursor();
        final GridIndex.Cursor viewEdgeCursor = viewEdges.cursor();
        final GridIndex.Cursor areaEdgeCursor = areaEdges.cursor();
        final GridIndex.Cursor areaBoxCursor = areaBoxes.cursor();
        int[] areas = new int[16];
        final int[] touched = new int[nViews];
        int edgeStamp;
        byte[] whole = new byte[64];

        void nextEdge() {
            if (++edgeStamp == Integer.MAX_VALUE) {
                Arrays.fill(touched, 0);
                edgeStamp = 1;
            }
        }

        byte[] whole(int n) {
            if (whole.length < n) whole = new byte[n];
            Arrays.fill(whole, 0, n, (byte) 0);
            return whole;
        }

        boolean[] inArea = new boolean[16];

        boolean[] inArea(int n) {
            if (inArea.length < n) inArea = new boolean[n];
            return inArea;
        }

        double[] t = new double[16];
        int nt;

        void reset() {
            t[0] = 0;
            t[1] = 1;
            nt = 2;
        }

        private void add(double v) {
            if (nt == t.length) t = Arrays.copyOf(t, 2 * nt);
            t[nt++] = v;
        }

        /**
         * Adds the parameters along a→b where segment c→d crosses or touches it. Returns false only if
         * c→d lies wholly on one side of the line a→b, farther than {@link #EPS} from it.
         */
        boolean split(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy) {
            double ux = bx - ax, uy = by - ay;
            double len = Math.hypot(ux, uy);
            if (len == 0) return true;
            double dc = (ux * (cy - ay) - uy * (cx - ax)) / len; // signed distance of c from line ab
            double dd = (ux * (dy - ay) - uy * (dx - ax)) / len;
            double tc = ((cx - ax) * ux + (cy - ay) * uy) / (len * len);
            double td = ((dx - ax) * ux + (dy - ay) * uy) / (len * len);
            double tEps = EPS / len;
            if (Math.abs(dc) <= EPS && tc > tEps && tc < 1 - tEps) add(tc);
            if (Math.abs(dd) <= EPS && td > tEps && td < 1 - tEps) add(td);
            if ((dc > EPS && dd < -EPS) || (dc < -EPS && dd > EPS)) {
                double s = dc / (dc - dd); // along c→d
                double px = cx + s * (dx - cx), py = cy + s * (dy - cy);
                double t = ((px - ax) * ux + (py - ay) * uy) / (len * len);
                // the crossing must also lie within a→b (not on its extension)
                if (t > tEps && t < 1 - tEps) add(t);
            }
            return !((dc > EPS && dd > EPS) || (dc < -EPS && dd < -EPS));
        }

        /** Sorted, de-duplicated parameters; {@code nt} is updated. */
        double[] sortedTs() {
            Arrays.sort(t, 0, nt);
            int m = 1;
            for (int k = 1; k < nt; k++) {
                if (t[k] - t[m - 1] > 1e-12) t[m++] = t[k];
            }
            if (t[m - 1] < 1) t[m - 1] = 1; // keep the end exact
            nt = m;
            return t;
        }
    }

    /** A chunk's contributions, merged in chunk order for thread-count independent results. */
    private static final class Partial {
        final double[] city = new double[LEVELS + 1];
        double cityLive;
        int nArea;
        int[] areaId = new int[16];
        byte[] areaKind = new byte[16];
        double[] areaVal = new double[16];
        int nUnique;
        int[] uniqueId = new int[64];
        double[] uniqueVal = new double[64];
        int nStreet;
        int[] streetId = new int[16];
        double[] streetVal = new double[48];

        void addArea(int a, int kind, double v) {
            if (nArea == areaId.length) {
                areaId = Arrays.copyOf(areaId, 2 * nArea);
                areaKind = Arrays.copyOf(areaKind, 2 * nArea);
                areaVal = Arrays.copyOf(areaVal, 2 * nArea);
            }
            areaId[nArea] = a;
            areaKind[nArea] = (byte) kind;
            areaVal[nArea++] = v;
        }

        void addUnique(int i, double v) {
            if (nUnique == uniqueId.length) {
                uniqueId = Arrays.copyOf(uniqueId, 2 * nUnique);
                uniqueVal = Arrays.copyOf(uniqueVal, 2 * nUnique);
            }
            uniqueId[nUnique] = i;
            uniqueVal[nUnique++] = v;
        }

        void addStreet(int s, double len, double covered, double live) {
            if (nStreet == streetId.length) {
                streetId = Arrays.copyOf(streetId, 2 * nStreet);
                streetVal = Arrays.copyOf(streetVal, 6 * nStreet);
            }
            streetId[nStreet] = s;
            streetVal[3 * nStreet] = len;
            streetVal[3 * nStreet + 1] = covered;
            streetVal[3 * nStreet + 2] = live;
            nStreet++;
        }
    }
}
