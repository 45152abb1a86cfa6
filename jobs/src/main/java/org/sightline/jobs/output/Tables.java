package org.sightline.jobs.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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

    /** Features per batch whose output geometries are computed in parallel (then written in order). */
    private static final int BATCH = 1024;

    /**
     * Writes the features in order; their output geometries (reprojection and precision reduction,
     * most of the cost) are computed a batch at a time on all cores. {@code features} is walked once.
     */
    static void geojson(Path target, OutputCrs out, Iterable<Feature> features) {
        AtomicFiles.write(target, stream -> {
            GeoJsonFeatureWriter w = new GeoJsonFeatureWriter(stream, out.decimals(), out.crsName());
            List<Feature> batch = new ArrayList<>(BATCH);
            for (Feature f : features) {
                batch.add(f);
                if (batch.size() == BATCH) {
                    write(w, out, batch);
                    batch.clear();
                }
            }
            write(w, out, batch);
            w.close();
        });
    }

    /**
     * {@code f} over {@code items} in order, computed a batch at a time on all cores (for output
     * geometries: reprojection and precision reduction); the items are walked once.
     */
    static <A, B> java.util.Iterator<B> mapInBatches(java.util.Iterator<A> items, java.util.function.Function<A, B> f) {
        return new java.util.Iterator<>() {
            private final List<A> in = new ArrayList<>(BATCH);
            private Object[] out = new Object[0];
            private int next;

            @Override
            public boolean hasNext() {
                if (next < out.length) return true;
                in.clear();
                while (in.size() < BATCH && items.hasNext()) in.add(items.next());
                Object[] o = new Object[in.size()];
                IntStream.range(0, o.length).parallel().forEach(i -> o[i] = f.apply(in.get(i)));
                out = o;
                next = 0;
                return out.length > 0;
            }

            @Override
            @SuppressWarnings("unchecked")
            public B next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                return (B) out[next++];
            }
        };
    }

    private static void write(GeoJsonFeatureWriter w, OutputCrs out, List<Feature> batch) throws IOException {
        Geometry[] g = new Geometry[batch.size()];
        IntStream.range(0, g.length).parallel().forEach(i -> {
            Geometry m = batch.get(i).metric();
            g[i] = m == null ? null : out.forOutput(m);
        });
        for (int i = 0; i < g.length; i++) w.write(g[i], batch.get(i).properties());
    }

    static void json(Path target, Object value) {
        AtomicFiles.writeString(target, Json.pretty(value));
    }

    static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }
}
