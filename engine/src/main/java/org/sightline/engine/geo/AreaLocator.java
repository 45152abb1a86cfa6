package org.sightline.engine.geo;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.sightline.engine.model.Area;

/**
 * Point → area: the first area in input order whose polygon covers the point (boundary included),
 * through an STRtree of area envelopes and prepared polygons. Thread-safe after construction.
 */
public final class AreaLocator {
    private final List<Area> areas;
    private final PreparedGeometry[] prepared;
    private final STRtree index = new STRtree();

    public AreaLocator(List<Area> areas) {
        this.areas = List.copyOf(areas);
        this.prepared = new PreparedGeometry[areas.size()];
        for (int a = 0; a < areas.size(); a++) {
            prepared[a] = PreparedGeometryFactory.prepare(areas.get(a).geometry());
            index.insert(areas.get(a).geometry().getEnvelopeInternal(), a);
        }
        index.build();
    }

    /** Index of the area covering (x, y), or −1. */
    public int indexOf(double x, double y) {
        @SuppressWarnings("unchecked")
        List<Integer> cands = index.query(new Envelope(new Coordinate(x, y)));
        int best = -1;
        for (int a : cands) {
            if ((best < 0 || a < best) && prepared[a].covers(Geometries.point(x, y))) best = a;
        }
        return best;
    }

    /** Id of the area covering (x, y), or {@code ""}. */
    public String idAt(double x, double y) {
        int a = indexOf(x, y);
        return a < 0 ? "" : areas.get(a).id();
    }

    public Area area(int index) {
        return areas.get(index);
    }

    public int size() {
        return areas.size();
    }
}
