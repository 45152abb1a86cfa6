package org.sightline.jobs.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.engine.viewshed.Viewshed;

/** Counts of a viewshed run for the summary: by status, repairs, mean area. */
record ViewshedStats(int cameras, int ok, int moved, int insideOther, int inactive, int repaired, double meanAreaM2) {
    static ViewshedStats of(List<Viewshed> vs) {
        int ok = 0, moved = 0, inside = 0, inactive = 0, repaired = 0, nonEmpty = 0;
        double area = 0;
        for (Viewshed v : vs) {
            switch (v.status()) {
                case OK -> ok++;
                case MOVED_OUT_OF_FOOTPRINT -> moved++;
                case INSIDE_OTHER_FOOTPRINT -> inside++;
                case INACTIVE -> inactive++;
            }
            if (v.repaired()) repaired++;
            if (!v.isEmpty()) {
                nonEmpty++;
                area += v.areaM2();
            }
        }
        return new ViewshedStats(vs.size(), ok, moved, inside, inactive, repaired, nonEmpty > 0 ? area / nonEmpty : 0);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cameras", cameras);
        m.put("ok", ok);
        m.put("moved_out_of_footprint", moved);
        m.put("inside_other_footprint", insideOther);
        m.put("inactive", inactive);
        m.put("repaired", repaired);
        m.put("mean_area_m2", Math.rint(meanAreaM2 * 100) / 100);
        return m;
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "%,d cameras: %,d seen from their position, %,d moved out of their building, %,d inside another"
                        + " building (empty), %,d inactive; mean viewshed %.0f m²%s",
                cameras,
                ok,
                moved,
                insideOther,
                inactive,
                meanAreaM2,
                repaired > 0 ? "; " + repaired + " polygons repaired" : "");
    }
}
