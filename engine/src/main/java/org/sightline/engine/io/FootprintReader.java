package org.sightline.engine.io;

import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.model.Footprint;

/**
 * Reads building footprints from GeoJSON Polygon / MultiPolygon features; optional
 * {@code building_id} (default {@code buildings-<feature number>}), {@code height_m} and {@code use}.
 *
 * <p>Heights: {@code 12}, {@code 12.5}, {@code 12 m}, {@code 40 ft} / {@code 40'} (converted to
 * metres). Empty means unknown (NaN). A value that is not a length, or a negative one, is also taken
 * as unknown: the footprint still occludes, and a warning counts such values with an example.
 * Invalid polygons are repaired when safe ({@link LayerReader#polygonal}) and counted as repaired.
 */
public final class FootprintReader extends LayerReader<Footprint> {
    private long badHeights;
    private String badHeightExample;

    private FootprintReader(Path path, ColumnMap map, ReadOptions options) {
        super(Layer.BUILDINGS, path, map, options);
    }

    /** Never throws on a bad feature; throws {@link UnreadableInputException} when the file cannot be used. */
    public static LayerResult<Footprint> read(Path path, ColumnMap map, ReadOptions options) {
        FootprintReader reader = new FootprintReader(path, map, options);
        LayerResult<Footprint> r = reader.readLayer();
        if (reader.badHeights == 0) return r;
        List<String> warnings = new java.util.ArrayList<>(r.warnings());
        warnings.add(reader.badHeights + " height_m values are not lengths and were taken as unknown (e.g. "
                + reader.badHeightExample + ")");
        return new LayerResult<>(r.accepted(), r.rejects(), r.stats(), warnings);
    }

    @Override
    boolean accepts(SourceFile.Format format) {
        return format == SourceFile.Format.GEOJSON;
    }

    @Override
    List<String> required(SourceFile.Format format) {
        return List.of();
    }

    @Override
    Footprint parse(SourceRecord r, String id) throws RowRejected {
        Geometry g = polygonal(r);
        String h = value(r, "height_m");
        double height = h.isEmpty() ? Double.NaN : Values.metres(h);
        if (!h.isEmpty() && !(height >= 0)) {
            height = Double.NaN;
            if (badHeights++ == 0) badHeightExample = "feature " + r.number() + ": '" + h + "'";
        }
        return new Footprint(id, g, height, value(r, "use"));
    }

    @Override
    String idOf(Footprint f) {
        return f.id();
    }
}
