package org.sightline.jobs.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.io.WKTWriter;
import org.sightline.engine.io.CsvTableWriter;
import org.sightline.engine.model.Camera;
import org.sightline.engine.viewshed.Viewshed;

/** {@code viewsheds.geojson} and {@code viewsheds.csv} (docs/outputs.md, "viewsheds"). */
public final class ViewshedTables {
    private ViewshedTables() {}

    public static void write(Path dir, List<Camera> cameras, List<Viewshed> viewsheds, OutputCrs out) {
        List<Tables.Feature> features = new ArrayList<>(cameras.size());
        List<List<?>> rows = new ArrayList<>(cameras.size());
        WKTWriter wkt = new WKTWriter();
        wkt.setPrecisionModel(new org.locationtech.jts.geom.PrecisionModel(Math.pow(10, out.decimals())));
        for (int i = 0; i < cameras.size(); i++) {
            Camera c = cameras.get(i);
            Viewshed v = viewsheds.get(i);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("camera_id", c.id());
            p.put("kind", c.kind().code());
            p.put("live_feed", c.liveFeed());
            p.put("area_m2", Tables.m(v.areaM2()));
            p.put("low_confidence", c.lowConfidence());
            p.put("status", v.status().name().toLowerCase(Locale.ROOT));
            features.add(new Tables.Feature(v.geometry(), p));
            List<Object> row = new ArrayList<>(p.values());
            row.add(wkt.write(out.forOutput(v.geometry())));
            rows.add(row);
        }
        Tables.geojson(dir.resolve("viewsheds.geojson"), out, features);
        CsvTableWriter.write(
                dir.resolve("viewsheds.csv"),
                List.of("camera_id", "kind", "live_feed", "area_m2", "low_confidence", "status", "wkt"),
                rows);
    }
}
