package org.sightline.engine.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code DIR/rejects/<layer>.csv}: header {@code layer,source_line,reason,raw}, one row per
 * rejected row or feature, in source order; header only when nothing was rejected. Atomic.
 */
public final class RejectsWriter {
    public static final List<String> HEADER = List.of("layer", "source_line", "reason", "raw");

    private RejectsWriter() {}

    /** Writes one file and returns its path. */
    public static Path write(Path dir, String layer, List<Reject> rejects) {
        Path target = dir.resolve("rejects").resolve(layer + ".csv");
        List<List<?>> rows = new ArrayList<>(rejects.size());
        for (Reject r : rejects) rows.add(List.of(r.layer(), r.sourceLine(), r.reason(), r.raw()));
        CsvTableWriter.write(target, HEADER, rows);
        return target;
    }

    /** One file per layer read. */
    public static void writeAll(Path dir, Map<Layer, List<Reject>> rejects) {
        rejects.forEach((layer, list) -> write(dir, layer.layerName(), list));
    }
}
