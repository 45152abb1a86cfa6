package org.sightline.engine.viewshed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.geo.GridIndex;
import org.sightline.engine.model.Footprint;

/**
 * The occluders of a city, ready for viewshed queries: footprints at least {@code minOccluderHeightM}
 * tall (or of unknown height), with overlapping or touching footprints merged into one polygon each
 * (shared walls disappear, courtyards stay as holes).
 *
 * <p>Holds the boundary edges of the merged polygons, oriented with the interior on the left, in a
 * packed array indexed by a uniform {@link EdgeGrid}, and another over the merged polygons' envelopes
 * for point-in-footprint tests. Immutable and thread-safe once built.
 */
public final class Footprints {
    public static final double DEFAULT_MIN_OCCLUDER_HEIGHT_M = 2;

    /** Cell of the grid that finds touching footprints (metres): about one house per cell. */
    private static final double GROUP_CELL = 32;

    private final double minOccluderHeightM;
    private final int inputCount;
    private final int occluderCount;
    private final List<Polygon> merged;
    private final EdgeGrid polygonIndex;
    /** Edge i is (edges[4i], edges[4i+1]) → (edges[4i+2], edges[4i+3]), interior on its left. */
    private final double[] edges;

    private final EdgeGrid grid;
    /** continues[i]: edge i + 1 is the next edge of the same ring (starts where edge i ends). */
    private final boolean[] continues;
    /** The edges of merged polygon p are firstEdge[p] … firstEdge[p + 1] - 1: shell, then holes. */
    private final int[] firstEdge;

    private Footprints(double minOccluderHeightM, int inputCount, int occluderCount, List<Polygon> merged) {
        this.minOccluderHeightM = minOccluderHeightM;
        this.inputCount = inputCount;
        this.occluderCount = occluderCount;
        this.merged = List.copyOf(merged);
        int edgeCount = 0;
        double[] boxes = new double[4 * merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            Polygon p = merged.get(i);
            Envelope env = p.getEnvelopeInternal();
            boxes[4 * i] = env.getMinX();
            boxes[4 * i + 1] = env.getMinY();
            boxes[4 * i + 2] = env.getMaxX();
            boxes[4 * i + 3] = env.getMaxY();
            for (int r = -1; r < p.getNumInteriorRing(); r++)
                edgeCount += ring(p, r).getNumPoints() - 1;
        }
        this.polygonIndex = new EdgeGrid(boxes, boxes);
        this.edges = new double[4 * edgeCount];
        this.continues = new boolean[edgeCount];
        this.firstEdge = new int[merged.size() + 1];
        int e = 0;
        for (int i = 0; i < merged.size(); i++) {
            Polygon p = merged.get(i);
            firstEdge[i] = e;
            for (int r = -1; r < p.getNumInteriorRing(); r++) {
                CoordinateSequence seq = ring(p, r).getCoordinateSequence();
                boolean ccw = Orientation.isCCW(seq);
                // shell counter-clockwise, holes clockwise: the polygon's interior is on each edge's left
                boolean reverse = (r < 0) != ccw;
                int n = seq.size() - 1;
                for (int k = 0; k < n; k++) {
                    int from = reverse ? n - k : k;
                    int to = reverse ? n - k - 1 : k + 1;
                    edges[4 * e] = seq.getX(from);
                    edges[4 * e + 1] = seq.getY(from);
                    edges[4 * e + 2] = seq.getX(to);
                    edges[4 * e + 3] = seq.getY(to);
                    continues[e] = k + 1 < n;
                    e++;
                }
            }
        }
        firstEdge[merged.size()] = e;
        this.grid = EdgeGrid.loose(edges);
    }

    /** Occluders with the default minimum height of {@value #DEFAULT_MIN_OCCLUDER_HEIGHT_M} m. */
    public static Footprints of(List<Footprint> footprints) {
        return of(footprints, DEFAULT_MIN_OCCLUDER_HEIGHT_M);
    }

    /** Occluders with the minimum height of {@code options}. */
    public static Footprints of(List<Footprint> footprints, ViewshedOptions options) {
        return of(footprints, options.minOccluderHeightM());
    }

    /**
     * Merges the occluding footprints. Footprints with a known height below {@code minOccluderHeightM}
     * are left out; invalid geometries are repaired with {@link GeometryFixer}. The inputs are not
     * modified.
     *
     * @throws IllegalArgumentException if {@code minOccluderHeightM} is negative or not finite
     */
    public static Footprints of(List<Footprint> footprints, double minOccluderHeightM) {
        Objects.requireNonNull(footprints, "footprints");
        if (!(minOccluderHeightM >= 0 && Double.isFinite(minOccluderHeightM)))
            throw new IllegalArgumentException("minOccluderHeightM must be finite and >= 0, was " + minOccluderHeightM);
        List<Polygon> parts = new ArrayList<>();
        int occluders = 0;
        for (Footprint f : footprints) {
            if (f.hasHeight() && f.heightM() < minOccluderHeightM) continue;
            occluders++;
            Geometry g = f.geometry();
            if (!SmallPolygons.provenValid(g) && !g.isValid()) g = GeometryFixer.fix(g);
            addPolygons(g, parts);
        }
        return new Footprints(minOccluderHeightM, footprints.size(), occluders, mergeTouching(parts));
    }

    /**
     * Unions every group of polygons connected by intersection (overlap or touch). Candidate pairs come
     * from a uniform grid over the envelopes; small hole-free pairs are tested exactly by {@link
     * SmallPolygons#intersects}, others by JTS. Groups of houses that only share walls are joined by
     * {@link SharedWallUnion}, the rest by {@link UnaryUnionOp}.
     */
    private static List<Polygon> mergeTouching(List<Polygon> parts) {
        int n = parts.size();
        double[] x0 = new double[n], y0 = new double[n], x1 = new double[n], y1 = new double[n];
        boolean[] small = new boolean[n];
        double largest = 0;
        for (int i = 0; i < n; i++) {
            Polygon p = parts.get(i);
            Envelope e = p.getEnvelopeInternal();
            x0[i] = e.getMinX();
            y0[i] = e.getMinY();
            x1[i] = e.getMaxX();
            y1[i] = e.getMaxY();
            largest = Math.max(largest, Math.max(e.getWidth(), e.getHeight()));
            small[i] =
                    p.getNumInteriorRing() == 0 && p.getExteriorRing().getNumPoints() <= SmallPolygons.MAX_VERTICES + 1;
        }
        // about one footprint per cell; a few huge ones may span many cells, never a million
        GridIndex grid = new GridIndex(Math.max(GROUP_CELL, largest / 256), x0, y0, x1, y1);
        GridIndex.Cursor cur = grid.cursor();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) {
            cur.query(x0[i], y0[i], x1[i], y1[i]);
            for (int k = 0; k < cur.count; k++) {
                int j = cur.found[k];
                if (j <= i) continue;
                int ri = find(parent, i);
                int rj = find(parent, j);
                if (ri == rj) continue;
                boolean meet = small[i] && small[j]
                        ? SmallPolygons.intersects(parts.get(i), parts.get(j))
                        : parts.get(i).intersects(parts.get(j));
                if (meet) parent[Math.max(ri, rj)] = Math.min(ri, rj);
            }
        }
        // groups in the order of their smallest member; members in input order
        int[] size = new int[n];
        for (int i = 0; i < n; i++) size[find(parent, i)]++;
        List<Polygon> out = new ArrayList<>(n);
        List<List<Polygon>> groups = new ArrayList<>();
        int[] groupOf = new int[n];
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (size[r] == 1) continue;
            if (r == i) {
                groupOf[i] = groups.size();
                groups.add(new ArrayList<>(size[r]));
            }
            groups.get(groupOf[r]).add(parts.get(i));
        }
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (size[r] == 1) out.add(parts.get(i));
            else if (r == i) {
                List<Polygon> g = groups.get(groupOf[i]);
                Optional<Polygon> terrace = SharedWallUnion.of(g);
                if (terrace.isPresent()) out.add(terrace.get());
                else addPolygons(UnaryUnionOp.union(g), out);
            }
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void addPolygons(Geometry g, List<Polygon> out) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                if (!p.isEmpty() && p.getArea() > 0) out.add(p);
            } else if (part instanceof GeometryCollection) {
                addPolygons(part, out);
            }
        }
    }

    private static LinearRing ring(Polygon p, int r) {
        return r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r);
    }

    public double minOccluderHeightM() {
        return minOccluderHeightM;
    }

    /** Number of footprints given to {@link #of}. */
    public int inputCount() {
        return inputCount;
    }

    /** Number of input footprints that occlude (tall enough or of unknown height). */
    public int occluderCount() {
        return occluderCount;
    }

    /** The merged occluder polygons (unmodifiable). */
    public List<Polygon> merged() {
        return merged;
    }

    /** Number of occluder edges (boundary segments of the merged polygons). */
    public int edgeCount() {
        return edges.length / 4;
    }

    /** The union of the merged occluders, for display and tests. */
    public Geometry asGeometry() {
        return Geometries.FACTORY.createMultiPolygon(merged.toArray(Polygon[]::new));
    }

    double[] edges() {
        return edges;
    }

    boolean continues(int edge) {
        return continues[edge];
    }

    EdgeGrid grid() {
        return grid;
    }

    /**
     * Where (x, y) lies: -1 outside every merged polygon, else {@code 2p} in the interior of merged
     * polygon p, {@code 2p + 1} on its boundary. The same answer as JTS's {@link
     * org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator}
     * (ray crossings with the exact orientation test), read from the packed edges without allocating.
     * Merged polygons are disjoint, so at most one contains the point.
     */
    int locate(double x, double y) {
        EdgeGrid g = polygonIndex;
        int c = g.cy(y) * g.nx + g.cx(x);
        double[] box = g.coords;
        for (int k = g.start(c); k < g.end(c); k++) {
            if (x < box[4 * k] || y < box[4 * k + 1] || x > box[4 * k + 2] || y > box[4 * k + 3]) continue;
            int p = g.item(k);
            int at = locateIn(p, x, y);
            if (at != Location.EXTERIOR) return 2 * p + (at == Location.BOUNDARY ? 1 : 0);
        }
        return -1;
    }

    /** Location of (x, y) in merged polygon p: its shell first, then its holes, as JTS does. */
    private int locateIn(int p, double x, double y) {
        int from = firstEdge[p], to = firstEdge[p + 1];
        for (int r = from; r < to; ) {
            int end = r;
            while (continues[end]) end++;
            int at = locateInRing(r, end, x, y);
            if (r == from) {
                if (at != Location.INTERIOR) return at;
            } else if (at == Location.BOUNDARY) {
                return Location.BOUNDARY;
            } else if (at == Location.INTERIOR) {
                return Location.EXTERIOR;
            }
            r = end + 1;
        }
        return Location.INTERIOR;
    }

    /**
     * {@link org.locationtech.jts.algorithm.RayCrossingCounter} over edges from … to (one closed ring).
     * Its answer does not depend on the ring's direction, so the normalised edges give JTS's answer.
     */
    private int locateInRing(int from, int to, double px, double py) {
        int crossings = 0;
        for (int i = from; i <= to; i++) {
            double x1 = edges[4 * i], y1 = edges[4 * i + 1], x2 = edges[4 * i + 2], y2 = edges[4 * i + 3];
            if (x1 < px && x2 < px) continue;
            if (px == x2 && py == y2) return Location.BOUNDARY;
            if (y1 == py && y2 == py) {
                if (px >= Math.min(x1, x2) && px <= Math.max(x1, x2)) return Location.BOUNDARY;
                continue;
            }
            if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py)) {
                int orient = Sweep.orient(x1, y1, x2, y2, px, py);
                if (orient == 0) return Location.BOUNDARY;
                if (y2 < y1) orient = -orient;
                if (orient > 0) crossings++;
            }
        }
        return (crossings & 1) == 1 ? Location.INTERIOR : Location.EXTERIOR;
    }

    @Override
    public String toString() {
        return "Footprints[" + occluderCount + " of " + inputCount + " occlude, " + merged.size() + " merged, "
                + edgeCount() + " edges, min height " + minOccluderHeightM + " m]";
    }
}
