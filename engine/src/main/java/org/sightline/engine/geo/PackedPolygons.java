package org.sightline.engine.geo;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Polygonal geometries flattened into one array, for queries that read many small polygons (the
 * footprints around a point, a viewshed per camera): geometry after geometry, in the given order,
 * each a short header followed by its coordinates, so that one geometry is one contiguous run of
 * memory (a query on it reads a few neighbouring cache lines), neighbouring geometries given in
 * spatial order sit side by side, and no JTS object is touched per query. {@link #diskArea} is
 * {@link CircleArea#of}.
 *
 * <p>Block of a geometry at {@code at}: the number of rings R at {@code at}; whether ring j is a hole
 * (1 or 0) at {@code at + 1 + 2j} and its number of points at {@code at + 2 + 2j}; then, from the
 * first even index after the header, the points of ring after ring as x, y.
 */
public final class PackedPolygons {
    private final double[] data;
    /** Block of geometry g at data[at[g]]. */
    private final int[] at;

    private PackedPolygons(double[] data, int[] at) {
        this.data = data;
        this.at = at;
    }

    /** The polygons of each geometry (other parts are ignored, as {@link CircleArea#of} does). */
    public static PackedPolygons of(List<? extends Geometry> geometries) {
        int[] at = new int[geometries.size()];
        long length = 0;
        for (int gi = 0; gi < geometries.size(); gi++) {
            at[gi] = Math.toIntExact(length);
            length += blockLength(geometries.get(gi));
        }
        double[] data = new double[Math.toIntExact(length)];
        for (int gi = 0; gi < geometries.size(); gi++) write(geometries.get(gi), data, at[gi]);
        return new PackedPolygons(data, at);
    }

    /** Length of g's block (even). */
    public static int blockLength(Geometry g) {
        int rings = 0, points = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) continue;
            rings += 1 + p.getNumInteriorRing();
            points += p.getNumPoints();
        }
        return header(rings) + 2 * points;
    }

    private static int header(int rings) {
        return (1 + 2 * rings + 1) & ~1;
    }

    /** Writes g's block at data[at …] (at must be even); returns its length. */
    public static int write(Geometry g, double[] data, int at) {
        if ((at & 1) != 0) throw new IllegalArgumentException("a block starts at an even index, not " + at);
        int rings = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) continue;
            rings += 1 + p.getNumInteriorRing();
        }
        data[at] = rings;
        int ring = 0, pt = at + header(rings);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) continue;
            for (int h = -1; h < p.getNumInteriorRing(); h++) {
                LineString ls = h < 0 ? p.getExteriorRing() : p.getInteriorRingN(h);
                Coordinate[] cs = ls.getCoordinates();
                data[at + 1 + 2 * ring] = h >= 0 ? 1 : 0;
                data[at + 2 + 2 * ring] = cs.length;
                for (Coordinate c : cs) {
                    data[pt++] = c.x;
                    data[pt++] = c.y;
                }
                ring++;
            }
        }
        return pt - at;
    }

    public int size() {
        return at.length;
    }

    /** area(disk(cx, cy, r) ∩ geometry g), as {@link CircleArea#of} computes it. */
    public double diskArea(int g, double cx, double cy, double r) {
        return diskArea(data, at[g], cx, cy, r);
    }

    /** area(disk(cx, cy, r) ∩ the geometry whose block is at data[at …]), as {@link CircleArea#of}. */
    public static double diskArea(double[] data, int at, double cx, double cy, double r) {
        int rings = (int) data[at];
        int point = (at + header(rings)) / 2;
        double total = 0;
        for (int j = 0; j < rings; j++) {
            int n = (int) data[at + 2 + 2 * j];
            double a = Math.abs(CircleArea.ring(cx, cy, r, data, point, point + n));
            total += data[at + 1 + 2 * j] != 0 ? -a : a;
            point += n;
        }
        return Math.max(0, total);
    }
}
