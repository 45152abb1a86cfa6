package org.sightline.engine.viewshed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.hprtree.HPRtree;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Footprint;

/**
 * The occluders of a city, ready for viewshed queries: footprints at least {@code minOccluderHeightM}
 * tall (or of unknown height), with overlapping or touching footprints merged into one polygon each
 * (shared walls disappear, courtyards stay as holes).
 *
 * <p>Holds the boundary edges of the merged polygons, oriented with the interior on the left, in a
 * packed array indexed by an {@link HPRtree} over runs of up to {@value #CHUNK} consecutive edges of a
 * ring, and an {@link STRtree} over the merged polygons for point-in-footprint tests. Immutable and
 * thread-safe once built.
 */
public final class Footprints {
    /** Consecutive edges of one ring indexed as one item: fewer tree items, same query precision. */
    static final int CHUNK = 8;

    public static final double DEFAULT_MIN_OCCLUDER_HEIGHT_M = 2;

    private final double minOccluderHeightM;
    private final int inputCount;
    private final int occluderCount;
    private final List<Polygon> merged;
    private final STRtree polygonIndex;
    /** Edge i is (edges[4i], edges[4i+1]) → (edges[4i+2], edges[4i+3]), interior on its left. */
    private final double[] edges;

    private final int[] chunkStart;
    private final HPRtree edgeIndex;

    private Footprints(double minOccluderHeightM, int inputCount, int occluderCount, List<Polygon> merged) {
        this.minOccluderHeightM = minOccluderHeightM;
        this.inputCount = inputCount;
        this.occluderCount = occluderCount;
        this.merged = List.copyOf(merged);
        this.polygonIndex = new STRtree();
        int edgeCount = 0;
        int chunkCount = 0;
        for (Polygon p : merged) {
            polygonIndex.insert(p.getEnvelopeInternal(), p);
            for (int r = -1; r < p.getNumInteriorRing(); r++) {
                int n = ring(p, r).getNumPoints() - 1;
                edgeCount += n;
                chunkCount += (n + CHUNK - 1) / CHUNK;
            }
        }
        polygonIndex.build();
        this.edges = new double[4 * edgeCount];
        this.chunkStart = new int[chunkCount + 1];
        this.edgeIndex = new HPRtree();
        int e = 0;
        int c = 0;
        for (Polygon p : merged) {
            for (int r = -1; r < p.getNumInteriorRing(); r++) {
                CoordinateSequence seq = ring(p, r).getCoordinateSequence();
                boolean ccw = Orientation.isCCW(seq);
                // shell counter-clockwise, holes clockwise: the polygon's interior is on each edge's left
                boolean reverse = (r < 0) != ccw;
                int n = seq.size() - 1;
                for (int i = 0; i < n; i += CHUNK) {
                    chunkStart[c] = e;
                    Envelope env = new Envelope();
                    for (int k = i; k < Math.min(n, i + CHUNK); k++) {
                        int from = reverse ? n - k : k;
                        int to = reverse ? n - k - 1 : k + 1;
                        edges[4 * e] = seq.getX(from);
                        edges[4 * e + 1] = seq.getY(from);
                        edges[4 * e + 2] = seq.getX(to);
                        edges[4 * e + 3] = seq.getY(to);
                        env.expandToInclude(seq.getX(from), seq.getY(from));
                        env.expandToInclude(seq.getX(to), seq.getY(to));
                        e++;
                    }
                    edgeIndex.insert(env, c);
                    c++;
                }
            }
        }
        chunkStart[chunkCount] = e;
        edgeIndex.build();
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
            if (!g.isValid()) g = GeometryFixer.fix(g);
            addPolygons(g, parts);
        }
        return new Footprints(minOccluderHeightM, footprints.size(), occluders, mergeTouching(parts));
    }

    /** Unions every group of polygons connected by intersection (overlap or touch). */
    private static List<Polygon> mergeTouching(List<Polygon> parts) {
        int n = parts.size();
        STRtree tree = new STRtree();
        for (int i = 0; i < n; i++) tree.insert(parts.get(i).getEnvelopeInternal(), i);
        tree.build();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) {
            Polygon a = parts.get(i);
            int ii = i;
            tree.query(a.getEnvelopeInternal(), (ItemVisitor) item -> {
                int j = (Integer) item;
                if (j <= ii) return;
                int ri = find(parent, ii);
                int rj = find(parent, j);
                if (ri != rj && a.intersects(parts.get(j))) parent[Math.max(ri, rj)] = Math.min(ri, rj);
            });
        }
        List<List<Polygon>> groups = new ArrayList<>(n);
        int[] groupOf = new int[n];
        List<Polygon> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (r == i) {
                groupOf[i] = groups.size();
                List<Polygon> g = new ArrayList<>(1);
                g.add(parts.get(i));
                groups.add(g);
            } else {
                groups.get(groupOf[r]).add(parts.get(i));
            }
        }
        for (List<Polygon> g : groups) {
            if (g.size() == 1) out.add(g.get(0));
            else addPolygons(UnaryUnionOp.union(g), out);
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

    int chunkStart(int chunk) {
        return chunkStart[chunk];
    }

    int chunkEnd(int chunk) {
        return chunkStart[chunk + 1];
    }

    /** Visits the indices (as {@link Integer}) of edge chunks whose envelope meets {@code env}. */
    void queryChunks(Envelope env, ItemVisitor visitor) {
        edgeIndex.query(env, visitor);
    }

    /** A merged polygon whose interior or boundary contains (x, y), or null. */
    Polygon polygonCovering(double x, double y) {
        Coordinate c = new Coordinate(x, y);
        Polygon[] found = new Polygon[1];
        polygonIndex.query(new Envelope(c), item -> {
            if (found[0] == null && SimplePointInAreaLocator.locate(c, (Polygon) item) != Location.EXTERIOR)
                found[0] = (Polygon) item;
        });
        return found[0];
    }

    @Override
    public String toString() {
        return "Footprints[" + occluderCount + " of " + inputCount + " occlude, " + merged.size() + " merged, "
                + edgeCount() + " edges, min height " + minOccluderHeightM + " m]";
    }
}
