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
        write(
                dir,
                () -> java.util.stream.IntStream.range(0, cameras.size())
                        .mapToObj(i -> Map.entry(cameras.get(i), viewsheds.get(i)))
                        .iterator(),
                out);
    }

    /**
     * Streams {@code items} (camera and viewshed, in camera order) into the two files; the iterable is
     * walked twice and never held in memory, so a distributed result can be written as it arrives.
     */
    public static void write(Path dir, Iterable<Map.Entry<Camera, Viewshed>> items, OutputCrs out) {
        Tables.geojson(
                dir.resolve("viewsheds.geojson"),
                out,
                () -> map(
                        items, e -> new Tables.Feature(e.getValue().geometry(), properties(e.getKey(), e.getValue()))));
        CsvTableWriter.write(
                dir.resolve("viewsheds.csv"),
                List.of("camera_id", "kind", "live_feed", "area_m2", "low_confidence", "status", "wkt"),
                () -> Tables.mapInBatches(items.iterator(), e -> {
                    List<Object> row =
                            new ArrayList<>(properties(e.getKey(), e.getValue()).values());
                    WKTWriter wkt = new WKTWriter(); // one per row: the rows are written from several threads
                    wkt.setPrecisionModel(new org.locationtech.jts.geom.PrecisionModel(Math.pow(10, out.decimals())));
                    row.add(wkt.write(out.forOutput(e.getValue().geometry())));
                    return row;
                }));
    }

    private static Map<String, Object> properties(Camera c, Viewshed v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("camera_id", c.id());
        p.put("kind", c.kind().code());
        p.put("live_feed", c.liveFeed());
        p.put("area_m2", Tables.m(v.areaM2()));
        p.put("low_confidence", c.lowConfidence());
        p.put("status", v.status().name().toLowerCase(Locale.ROOT));
        return p;
    }

    private static <A, B> java.util.Iterator<B> map(Iterable<A> items, java.util.function.Function<A, B> f) {
        java.util.Iterator<A> it = items.iterator();
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public B next() {
                return f.apply(it.next());
            }
        };
    }
}
