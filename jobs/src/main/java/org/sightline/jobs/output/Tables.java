package org.sightline.jobs.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.io.AtomicFiles;
import org.sightline.engine.io.GeoJsonFeatureWriter;

/** Small helpers every stage writer shares: rounding for readable tables, and feature files. */
final class Tables {
    private Tables() {}

    /** m² and m to the centimetre / square centimetre. */
    static double m(double v) {
        return Math.rint(v * 100) / 100;
    }

    /** Shares and scores to six decimals. */
    static double share(double v) {
        return Math.rint(v * 1e6) / 1e6;
    }

    /** A feature: geometry in the metric CRS and its properties in order. */
    record Feature(Geometry metric, Map<String, ?> properties) {}

    static void geojson(Path target, OutputCrs out, Iterable<Feature> features) {
        AtomicFiles.write(target, stream -> {
            GeoJsonFeatureWriter w = new GeoJsonFeatureWriter(stream, out.decimals(), out.crsName());
            for (Feature f : features) w.write(f.metric() == null ? null : out.forOutput(f.metric()), f.properties());
            w.close();
        });
    }

    static void json(Path target, Object value) {
        AtomicFiles.writeString(target, Json.pretty(value));
    }

    static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }
}
