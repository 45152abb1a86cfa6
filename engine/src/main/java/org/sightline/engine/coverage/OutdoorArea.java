package org.sightline.engine.coverage;

import java.util.List;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.sightline.engine.model.Area;

/**
 * Outdoor area per area: area(A) − Σ area(F ∩ A) over merged (non-overlapping) footprints F. A
 * footprint wholly inside an area counts whole; only footprints crossing an area boundary are
 * intersected, so the cost is O(F log A) plus the few boundary crossings.
 */
public final class OutdoorArea {
    private OutdoorArea() {}

    /**
     * @param mergedFootprints non-overlapping footprint polygons (overlaps would be counted twice)
     * @return outdoor m² per area, in the order of {@code areas}
     */
    public static double[] perArea(List<Area> areas, List<? extends Geometry> mergedFootprints) {
        STRtree index = new STRtree();
        PreparedGeometry[] prepared = new PreparedGeometry[areas.size()];
        for (int a = 0; a < areas.size(); a++) {
            prepared[a] = PreparedGeometryFactory.prepare(areas.get(a).geometry());
            index.insert(areas.get(a).geometry().getEnvelopeInternal(), a);
        }
        index.build();
        // indoor area per footprint per area, summed per footprint chunk in order (deterministic)
        int n = mergedFootprints.size();
        int chunk = 4096;
        double[][] partial = new double[(n + chunk - 1) / chunk][];
        IntStream.range(0, partial.length).parallel().forEach(c -> {
            double[] indoor = new double[areas.size()];
            for (int f = c * chunk; f < Math.min(n, (c + 1) * chunk); f++) {
                Geometry fp = mergedFootprints.get(f);
                @SuppressWarnings("unchecked")
                List<Integer> cands = index.query(fp.getEnvelopeInternal());
                for (int a : cands) {
                    if (prepared[a].contains(fp)) indoor[a] += fp.getArea();
                    else if (prepared[a].intersects(fp)) {
                        indoor[a] += OverlayNGRobust.overlay(fp, areas.get(a).geometry(), OverlayNG.INTERSECTION)
                                .getArea();
                    }
                }
            }
            partial[c] = indoor;
        });
        double[] out = new double[areas.size()];
        for (int a = 0; a < areas.size(); a++) {
            double indoor = 0;
            for (double[] p : partial) indoor += p[a];
            out[a] = Math.max(0, areas.get(a).geometry().getArea() - indoor);
        }
        return out;
    }
}
