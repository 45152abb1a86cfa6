package org.sightline.reports;

import java.util.List;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.sightline.engine.geo.GridIndex;

/**
 * The nearest street feature of a point, within a distance: the answer of an {@link STRtree}
 * nearest-neighbour search with {@link Geometry#distance} (what the report used to run per incident),
 * found with the engine's {@link GridIndex} over street segments and a bounded-radius query.
 *
 * <p>Distances are the same numbers as {@code Geometry.distance} (the minimum of JTS'
 * point–segment distance over the street's segments, in the street's own vertex order). When two
 * streets are exactly equally near (a point beyond the shared end of two streets), the STRtree's
 * choice depends on its traversal order, so such points, and any input that is not points and
 * lines, are answered by that same STRtree search. The tree is built only when needed.
 */
final class NearestStreets {
    /** Grid cell in metres: a few street segments per cell in a city. */
    private static final double CELL_M = 50;
    /** The first, small query radius; most points have a street this close. */
    private static final double FIRST_RADIUS_M = 25;

    private final List<Geometry> streets;
    private final double maxDistance;
    private final boolean lineal;
    /** Segment k runs from a[k] to b[k]: the streets' own coordinates, in their vertex order. */
    private final Coordinate[] a, b;

    private final int[] streetOf;
    private final GridIndex index;
    private final GridIndex.Cursor cursor;
    private final double[] best; // per street: nearest distance this query, or +inf
    private final int[] touched;
    private STRtree tree;

    /** @param streets metric geometries, by index; empty ones are never the answer */
    NearestStreets(List<Geometry> streets, double maxDistance) {
        this.streets = streets;
        this.maxDistance = maxDistance;
        boolean lin = true;
        int segments = 0;
        for (Geometry s : streets) {
            if (s.isEmpty()) continue;
            for (int i = 0; i < s.getNumGeometries(); i++) {
                if (!(s.getGeometryN(i) instanceof LineString l)) lin = false;
                else segments += Math.max(0, l.getNumPoints() - 1);
            }
        }
        this.lineal = lin;
        a = new Coordinate[segments];
        b = new Coordinate[segments];
        streetOf = new int[segments];
        double[] minX = new double[segments], minY = new double[segments];
        double[] maxX = new double[segments], maxY = new double[segments];
        int k = 0;
        if (lin) {
            for (int si = 0; si < streets.size(); si++) {
                Geometry s = streets.get(si);
                if (s.isEmpty()) continue;
                for (int i = 0; i < s.getNumGeometries(); i++) {
                    Coordinate[] c = ((LineString) s.getGeometryN(i)).getCoordinates();
                    for (int j = 0; j + 1 < c.length; j++, k++) {
                        a[k] = c[j];
                        b[k] = c[j + 1];
                        streetOf[k] = si;
                        minX[k] = Math.min(c[j].x, c[j + 1].x);
                        maxX[k] = Math.max(c[j].x, c[j + 1].x);
                        minY[k] = Math.min(c[j].y, c[j + 1].y);
                        maxY[k] = Math.max(c[j].y, c[j + 1].y);
                    }
                }
            }
        }
        this.index = new GridIndex(CELL_M, minX, minY, maxX, maxY);
        this.cursor = index.cursor();
        this.best = new double[streets.size()];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        this.touched = new int[streets.size()];
    }

    /** The index of the nearest street, or -1 when none is within the distance (or there are none). */
    int nearest(Geometry point) {
        if (!lineal || !(point instanceof Point pt) || pt.isEmpty()) return viaTree(point);
        Coordinate p = pt.getCoordinate();
        double r = Math.min(FIRST_RADIUS_M, maxDistance);
        while (true) {
            int answer = within(pt, p, r);
            if (answer != NONE) return answer;
            if (r >= maxDistance) return -1;
            r = maxDistance;
        }
    }

    private static final int NONE = -2, TIE = -3;

    /**
     * The street nearest to p if one lies within r: its index, {@link #NONE} if none does, or the
     * STRtree's answer when several are equally near.
     */
    private int within(Point pt, Coordinate p, double r) {
        double slack = r * 1e-9 + 1e-9; // the query box errs on the large side; distances decide
        cursor.query(p.x - r - slack, p.y - r - slack, p.x + r + slack, p.y + r + slack);
        int n = 0;
        for (int i = 0; i < cursor.count; i++) {
            int seg = cursor.found[i];
            double d = Distance.pointToSegment(p, a[seg], b[seg]); // as DistanceOp computes it
            int s = streetOf[seg];
            if (best[s] == Double.POSITIVE_INFINITY) touched[n++] = s;
            if (d < best[s]) best[s] = d;
        }
        double min = Double.POSITIVE_INFINITY;
        int arg = NONE;
        for (int i = 0; i < n; i++) {
            int s = touched[i];
            double d = best[s];
            best[s] = Double.POSITIVE_INFINITY;
            if (d > r) continue;
            if (d < min) {
                min = d;
                arg = s;
            } else if (d == min) arg = TIE;
        }
        return arg == TIE ? viaTree(pt) : arg;
    }

    /** The STRtree search the report used before, for ties and unusual geometries. */
    private int viaTree(Geometry p) {
        if (tree == null) {
            tree = new STRtree();
            for (int i = 0; i < streets.size(); i++)
                tree.insert(streets.get(i).getEnvelopeInternal(), new Object[] {i, streets.get(i)});
        }
        return strtreeNearest(tree, p, maxDistance);
    }

    /** One STRtree nearest-neighbour search as the report ran it: items are {index, geometry}. */
    static int strtreeNearest(STRtree tree, Geometry p, double maxDistance) {
        Object[] hit = (Object[]) tree.nearestNeighbour(
                p.getEnvelopeInternal(),
                new Object[] {null, p},
                (a, b) -> ((Geometry) ((Object[]) a.getItem())[1]).distance((Geometry) ((Object[]) b.getItem())[1]));
        if (hit == null || ((Geometry) hit[1]).distance(p) > maxDistance) return -1;
        return (Integer) hit[0];
    }

    /** The reference: a fresh STRtree over all streets, one search per point. */
    static int[] strtreeAll(List<Geometry> streets, List<Geometry> points, double maxDistance) {
        STRtree t = new STRtree();
        for (int i = 0; i < streets.size(); i++)
            t.insert(streets.get(i).getEnvelopeInternal(), new Object[] {i, streets.get(i)});
        int[] out = new int[points.size()];
        for (int i = 0; i < out.length; i++) out[i] = strtreeNearest(t, points.get(i), maxDistance);
        return out;
    }

    /** Nearest street of each point (-1: none within the distance). */
    static int[] assign(List<Geometry> streets, List<Geometry> points, double maxDistance) {
        NearestStreets n = new NearestStreets(streets, maxDistance);
        int[] out = new int[points.size()];
        for (int i = 0; i < out.length; i++) out[i] = n.nearest(points.get(i));
        return out;
    }
}
