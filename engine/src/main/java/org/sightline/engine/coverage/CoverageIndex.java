package org.sightline.engine.coverage;

import java.util.List;
import java.util.stream.IntStream;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.sightline.engine.geo.GridIndex;

/**
 * Answers "is this point in the coverage union C (or C_live), and by how many cameras?" without
 * building the union: a grid over viewshed envelopes, then point-in-polygon on the few candidates. A
 * point on a viewshed's boundary counts as covered (viewsheds are closed sets). Thread-safe.
 */
public final class CoverageIndex {
    private final List<CameraView> views;
    private final GridIndex grid;
    private final IndexedPointInAreaLocator[] locators;
    private final ThreadLocal<GridIndex.Cursor> cursors;

    public CoverageIndex(List<CameraView> views) {
        this.views = List.copyOf(views);
        int n = views.size();
        double[] x0 = new double[n], y0 = new double[n], x1 = new double[n], y1 = new double[n];
        for (int i = 0; i < n; i++) {
            Envelope e = views.get(i).viewshed().getEnvelopeInternal();
            if (e.isNull()) {
                x0[i] = y0[i] = 1e18;
                x1[i] = y1[i] = 1e18;
                continue;
            }
            x0[i] = e.getMinX();
            y0[i] = e.getMinY();
            x1[i] = e.getMaxX();
            y1[i] = e.getMaxY();
        }
        this.grid = new GridIndex(128, x0, y0, x1, y1);
        this.locators = new IndexedPointInAreaLocator[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            locators[i] = new IndexedPointInAreaLocator(views.get(i).viewshed());
            locators[i].locate(new Coordinate(0, 0)); // build the index now, not under contention
        });
        GridIndex g = grid;
        this.cursors = ThreadLocal.withInitial(g::cursor);
    }

    /** Number of viewsheds containing (x, y); {@code liveOnly} counts live-feed cameras only. */
    public int count(double x, double y, boolean liveOnly) {
        GridIndex.Cursor cur = cursors.get();
        cur.query(x, y, x, y);
        int n = 0;
        Coordinate p = new Coordinate(x, y);
        for (int k = 0; k < cur.count; k++) {
            int i = cur.found[k];
            if (liveOnly && !views.get(i).live()) continue;
            if (locators[i].locate(p) != Location.EXTERIOR) n++;
        }
        return n;
    }

    public boolean covered(double x, double y) {
        return firstCovering(x, y, false) >= 0;
    }

    public boolean liveCovered(double x, double y) {
        return firstCovering(x, y, true) >= 0;
    }

    private int firstCovering(double x, double y, boolean liveOnly) {
        GridIndex.Cursor cur = cursors.get();
        cur.query(x, y, x, y);
        Coordinate p = new Coordinate(x, y);
        for (int k = 0; k < cur.count; k++) {
            int i = cur.found[k];
            if (liveOnly && !views.get(i).live()) continue;
            if (locators[i].locate(p) != Location.EXTERIOR) return i;
        }
        return -1;
    }
}
