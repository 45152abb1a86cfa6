package org.sightline.engine.io;

import java.util.Objects;

/**
 * One rejected row or feature: written to {@code rejects/<layer>.csv} as
 * {@code layer,source_line,reason,raw}. {@code sourceLine} is the 1-based line of a CSV file
 * (the header is line 1) or the 1-based feature number of a GeoJSON file / element of a JSON
 * array. {@code raw} is the row as read, with owner fields blanked.
 */
public record Reject(String layer, long sourceLine, String reason, String raw) {
    public Reject {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(reason, "reason");
        raw = raw == null ? "" : raw;
    }
}
