package org.sightline.engine.hotspot;

import com.uber.h3core.H3Core;
import com.uber.h3core.LengthUnit;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.sightline.engine.geo.Geometries;

/**
 * H3 study cells of one resolution: the cells whose centre, projected to the metric CRS, lies in
 * the region (boundary included), in increasing H3 index order. Candidates come from H3's
 * polygon fill of the region buffered by two average edge lengths and converted to lon/lat
 * (densified first, so straight metric edges stay close), then each candidate centre is tested
 * against the metric region; so the rule is exactly the squares' rule, in metres.
 * Neighbours are the cell and its ring 1 among study cells.
 */
public final class H3Cells implements StudyCells {
    private final int res;
    private final LonLatProjection projection;
    private final long[] cells;
    private final double[] cx;
    private final double[] cy;
    private final Map<Long, Integer> index;

    private H3Cells(int res, LonLatProjection projection, long[] cells) {
        this.res = res;
        this.projection = projection;
        this.cells = cells;
        this.cx = new double[cells.length];
        this.cy = new double[cells.length];
        this.index = new HashMap<>(cells.length * 2);
        for (int i = 0; i < cells.length; i++) {
            LatLng c = core().cellToLatLng(cells[i]);
            Coordinate m = projection.toMetric(c.lng, c.lat);
            cx[i] = m.x;
            cy[i] = m.y;
            index.put(cells[i], i);
        }
    }

    /** The H3 cells of resolution {@code res} whose centre lies in {@code region} (metric CRS). */
    public static H3Cells of(Geometry region, int res, LonLatProjection projection) {
        if (res < 0 || res > 15) throw new IllegalArgumentException("H3 resolution must be in 0..15, was " + res);
        if (!(region instanceof Polygonal))
            throw new IllegalArgumentException(
                    "region must be a Polygon or MultiPolygon, was " + region.getGeometryType());
        if (region.isEmpty()) return new H3Cells(res, projection, new long[0]);
        double edge = core().getHexagonEdgeLengthAvg(res, LengthUnit.m);
        Geometry search = Densifier.densify(region.buffer(2 * edge, 2), edge);
        TreeSet<Long> candidates = new TreeSet<>();
        for (int g = 0; g < search.getNumGeometries(); g++) {
            Polygon p = (Polygon) search.getGeometryN(g);
            List<List<LatLng>> holes = new ArrayList<>();
            for (int r = 0; r < p.getNumInteriorRing(); r++)
                holes.add(lonLat(p.getInteriorRingN(r).getCoordinates(), projection));
            candidates.addAll(
                    core().polygonToCells(lonLat(p.getExteriorRing().getCoordinates(), projection), holes, res));
        }
        var locator = new IndexedPointInAreaLocator(region);
        long[] keep = new long[candidates.size()];
        int n = 0;
        for (long h : candidates) {
            LatLng c = core().cellToLatLng(h);
            Coordinate m = projection.toMetric(c.lng, c.lat);
            if (locator.locate(m) != Location.EXTERIOR) keep[n++] = h;
        }
        return new H3Cells(res, projection, Arrays.copyOf(keep, n));
    }

    /** The H3 cells of the given indexes (any order; duplicates removed). */
    public static H3Cells ofCells(long[] h3, int res, LonLatProjection projection) {
        long[] sorted = Arrays.stream(h3).distinct().sorted().toArray();
        for (long h : sorted)
            if (core().getResolution(h) != res)
                throw new IllegalArgumentException("cell " + Long.toHexString(h) + " is not of resolution " + res);
        return new H3Cells(res, projection, sorted);
    }

    /** The H3 cell (of this resolution) containing a metric point, study cell or not. */
    public long cellAt(double x, double y) {
        Coordinate ll = projection.toLonLat(x, y);
        return core().latLngToCell(ll.y, ll.x, res);
    }

    private static List<LatLng> lonLat(Coordinate[] ring, LonLatProjection projection) {
        List<LatLng> out = new ArrayList<>(ring.length);
        for (int k = 0; k + 1 < ring.length; k++) {
            Coordinate ll = projection.toLonLat(ring[k].x, ring[k].y);
            out.add(new LatLng(ll.y, ll.x));
        }
        return out;
    }

    public int resolution() {
        return res;
    }

    /** The H3 index of study cell {@code i}. */
    public long h3(int i) {
        return cells[i];
    }

    @Override
    public int size() {
        return cells.length;
    }

    @Override
    public String id(int i) {
        return core().h3ToString(cells[i]);
    }

    @Override
    public double cx(int i) {
        return cx[i];
    }

    @Override
    public double cy(int i) {
        return cy[i];
    }

    @Override
    public int indexAt(double x, double y) {
        if (!(Double.isFinite(x) && Double.isFinite(y))) return -1;
        Integer i = index.get(cellAt(x, y));
        return i == null ? -1 : i;
    }

    @Override
    public Polygon polygon(int i) {
        List<LatLng> b = core().cellToBoundary(cells[i]);
        Coordinate[] cs = new Coordinate[b.size() + 1];
        for (int k = 0; k < b.size(); k++) cs[k] = projection.toMetric(b.get(k).lng, b.get(k).lat);
        cs[b.size()] = cs[0].copy();
        return Geometries.FACTORY.createPolygon(cs);
    }

    /** The cell and its ring 1 (gridDisk k = 1), restricted to study cells. */
    @Override
    public CellNeighbours neighbours() {
        int[] start = new int[cells.length + 1];
        int[] buf = new int[cells.length * 7];
        int len = 0;
        int[] row = new int[7];
        for (int i = 0; i < cells.length; i++) {
            int m = 0;
            for (long h : core().gridDisk(cells[i], 1)) {
                Integer j = index.get(h);
                if (j != null) row[m++] = j;
            }
            Arrays.sort(row, 0, m);
            if (len + m > buf.length) buf = Arrays.copyOf(buf, 2 * buf.length + m);
            System.arraycopy(row, 0, buf, len, m);
            len += m;
            start[i + 1] = len;
        }
        return new CellNeighbours(start, Arrays.copyOf(buf, len));
    }

    static H3Core core() {
        return Holder.CORE;
    }

    private static final class Holder {
        static final H3Core CORE;

        static {
            try {
                CORE = H3Core.newInstance();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the H3 native library", e);
            }
        }
    }
}
