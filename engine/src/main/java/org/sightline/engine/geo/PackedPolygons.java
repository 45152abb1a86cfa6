package org.sightline.engine.geo;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Polygonal geometries flattened into one coordinate array, for queries that read many small
 * polygons (the footprints around a point, a viewshed per camera): ring after ring, geometry after
 * geometry, in the given order, so neighbouring geometries given in spatial order sit side by side
 * in memory and no JTS object is touched per query. {@link #diskArea} is {@link CircleArea#of}.
 */
public final class PackedPolygons {
    /** Points: x at 2k, y at 2k + 1. */
    private final double[] xy;
    /** Ring j spans points ringStart[j] … ringStart[j+1]−1. */
    private final int[] ringStart;
    /** Whether ring j is a hole. */
    private final boolean[] hole;
    /** Geometry g spans rings geomStart[g] … geomStart[g+1]−1. */
    private final int[] geomStart;

    private PackedPolygons(double[] xy, int[] ringStart, boolean[] hole, int[] geomStart) {
        this.xy = xy;
        this.ringStart = ringStart;
        this.hole = hole;
        this.geomStart = geomStart;
    }

    /** The polygons of each geometry (other parts are ignored, as {@link CircleArea#of} does). */
    public static PackedPolygons of(List<? extends Geometry> geometries) {
        int points = 0, rings = 0;
        for (Geometry g : geometries) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) continue;
                rings += 1 + p.getNumInteriorRing();
                points += p.getNumPoints();
            }
        }
        double[] xy = new double[2 * points];
        int[] ringStart = new int[rings + 1];
        boolean[] hole = new boolean[rings];
        int[] geomStart = new int[geometries.size() + 1];
        int pt = 0, ring = 0;
        for (int gi = 0; gi < geometries.size(); gi++) {
            Geometry g = geometries.get(gi);
            geomStart[gi] = ring;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) continue;
                for (int h = -1; h < p.getNumInteriorRing(); h++) {
                    LineString ls = h < 0 ? p.getExteriorRing() : p.getInteriorRingN(h);
                    ringStart[ring] = pt;
                    hole[ring] = h >= 0;
                    for (Coordinate c : ls.getCoordinates()) {
                        xy[2 * pt] = c.x;
                        xy[2 * pt + 1] = c.y;
                        pt++;
                    }
                    ring++;
                }
            }
        }
        geomStart[geometries.size()] = ring;
        ringStart[rings] = pt;
        return new PackedPolygons(xy, ringStart, hole, geomStart);
    }

    public int size() {
        return geomStart.length - 1;
    }

    /** area(disk(cx, cy, r) ∩ geometry g), as {@link CircleArea#of} computes it. */
    public double diskArea(int g, double cx, double cy, double r) {
        double total = 0;
        for (int j = geomStart[g]; j < geomStart[g + 1]; j++) {
            double a = Math.abs(CircleArea.ring(cx, cy, r, xy, ringStart[j], ringStart[j + 1]));
            total += hole[j] ? -a : a;
        }
        return Math.max(0, total);
    }
}
