package org.sightline.engine.privacy;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;

/**
 * Cameras counted per H3 cell with k-anonymity for residents (DESIGN.md, "Privacy"): what planners
 * and the public may see instead of positions. A cell holding 1 … k − 1 resident cameras is
 * suppressed entirely (neither its resident nor its business count is shown, so that a known
 * business count cannot be subtracted from a total); cells with 0 or ≥ k residents are kept.
 *
 * <p>Counts are always whole-cell counts over every camera given: callers select cells (e.g. those
 * meeting a bounding box), never cameras, so that differencing two selections reveals nothing finer
 * than a cell.
 */
public final class CameraCells {
    /** One published cell: its H3 address, counts and outline (WGS84 lon/lat). */
    public record Cell(String h3, int resident, int business, int live, Polygon lonLatOutline) {}

    private final int res;
    private final int k;
    private final List<Cell> cells;
    private final int suppressed;

    private CameraCells(int res, int k, List<Cell> cells, int suppressed) {
        this.res = res;
        this.k = k;
        this.cells = List.copyOf(cells);
        this.suppressed = suppressed;
    }

    /**
     * @param lonLatCameras cameras with WGS84 lon/lat positions (x = lon, y = lat); inactive ones are
     *     not counted
     * @param res H3 resolution, 0 … 15
     * @param k minimum number of resident cameras in a published cell, ≥ 1
     */
    public static CameraCells of(List<Camera> lonLatCameras, int res, int k) {
        if (res < 0 || res > 15) throw new IllegalArgumentException("H3 resolution must be in 0..15, was " + res);
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, was " + k);
        TreeMap<Long, int[]> counts = new TreeMap<>();
        for (Camera c : lonLatCameras) {
            if (!c.active()) continue;
            long h = core().latLngToCell(c.position().getY(), c.position().getX(), res);
            int[] n = counts.computeIfAbsent(h, x -> new int[3]);
            if (c.kind() == CameraKind.RESIDENT) n[0]++;
            else n[1]++;
            if (c.liveFeed()) n[2]++;
        }
        List<Cell> out = new ArrayList<>();
        int suppressed = 0;
        for (var e : counts.entrySet()) {
            int[] n = e.getValue();
            if (n[0] > 0 && n[0] < k) {
                suppressed++;
                continue;
            }
            out.add(new Cell(core().h3ToString(e.getKey()), n[0], n[1], n[2], outline(e.getKey())));
        }
        return new CameraCells(res, k, out, suppressed);
    }

    private static Polygon outline(long h) {
        List<LatLng> b = core().cellToBoundary(h);
        Coordinate[] cs = new Coordinate[b.size() + 1];
        for (int i = 0; i < b.size(); i++) cs[i] = new Coordinate(b.get(i).lng, b.get(i).lat);
        cs[b.size()] = cs[0].copy();
        return Geometries.FACTORY.createPolygon(cs);
    }

    public int resolution() {
        return res;
    }

    public int k() {
        return k;
    }

    /** The published cells, in H3 index order. */
    public List<Cell> cells() {
        return cells;
    }

    /** How many cells were withheld because they hold 1 … k − 1 resident cameras. */
    public int suppressed() {
        return suppressed;
    }

    private static H3Core core() {
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
