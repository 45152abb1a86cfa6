package org.sightline.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sightline.engine.geo.Geometries;

/**
 * The pipeline's input layers, re-read for drawing: GeoJSON, or CSV with {@code lon}/{@code lat}
 * columns (cameras, incidents). Other formats (shapefile, GeoPackage, GeoParquet, PostGIS) are not
 * read here; the report then draws without that layer and says so.
 */
final class InputLayers {
    private InputLayers() {}

    static Optional<List<Feature>> read(Path file) {
        return read(file, null);
    }

    /** As {@link #read(Path)}, keeping only the properties in {@code keep} ({@code null}: all). */
    static Optional<List<Feature>> read(Path file, Set<String> keep) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json")) return Optional.of(GeoJson.read(file, keep));
        if (name.endsWith(".csv")) {
            Table t = Table.read(file);
            if (!t.has("lon") || !t.has("lat")) return Optional.empty();
            List<Feature> out = new ArrayList<>();
            for (Map<String, String> row : t.rows()) {
                double lon = Table.numOrNaN(row, "lon"), lat = Table.numOrNaN(row, "lat");
                if (!Double.isFinite(lon) || !Double.isFinite(lat)) continue;
                Map<String, String> props = new LinkedHashMap<>(row);
                props.keySet().removeIf(k -> k.startsWith("owner") || (keep != null && !keep.contains(k)));
                out.add(new Feature(Geometries.point(lon, lat), props));
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }
}
