package org.sightline.engine.io;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The input layers and the canonical columns of each (DESIGN.md, "Input contract"). The name is the
 * one used in {@code rejects/<layer>.csv}, in {@code summary.json} and as a {@code --map} prefix.
 */
public enum Layer {
    CAMERAS(
            "camera_id",
            List.of(
                    "camera_id",
                    "lon",
                    "lat",
                    "heading_deg",
                    "fov_deg",
                    "range_m",
                    "height_m",
                    "kind",
                    "live_feed",
                    "retention_days",
                    "status",
                    "owner_name",
                    "owner_phone",
                    "owner_email")),
    BUILDINGS("building_id", List.of("building_id", "height_m", "use")),
    INCIDENTS("incident_id", List.of("incident_id", "lon", "lat", "occurred_at", "category", "weight")),
    AREAS("area_id", List.of("area_id", "name")),
    STREETS("street_id", List.of("street_id", "name"));

    private final String idColumn;
    private final List<String> columns;

    Layer(String idColumn, List<String> columns) {
        this.idColumn = idColumn;
        this.columns = columns;
    }

    /** {@code cameras}, {@code buildings}, ... */
    public String layerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String idColumn() {
        return idColumn;
    }

    /** The canonical column names, in contract order. */
    public List<String> columns() {
        return columns;
    }

    public static Optional<Layer> byName(String name) {
        for (Layer l : values()) if (l.layerName().equalsIgnoreCase(name.trim())) return Optional.of(l);
        return Optional.empty();
    }
}
