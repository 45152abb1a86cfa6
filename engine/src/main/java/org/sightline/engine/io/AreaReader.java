package org.sightline.engine.io;

import java.nio.file.Path;
import java.util.List;
import org.sightline.engine.model.Area;

/**
 * Reads reporting areas (neighbourhoods, divisions) from GeoJSON Polygon / MultiPolygon features
 * with {@code area_id} and {@code name}. Invalid polygons are repaired when safe and counted.
 */
public final class AreaReader extends LayerReader<Area> {
    private AreaReader(Path path, ColumnMap map, ReadOptions options) {
        super(Layer.AREAS, path, map, options);
    }

    /** Never throws on a bad feature; throws {@link UnreadableInputException} when the file cannot be used. */
    public static LayerResult<Area> read(Path path, ColumnMap map, ReadOptions options) {
        return new AreaReader(path, map, options).readLayer();
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
    Area parse(SourceRecord r, String id) throws RowRejected {
        return new Area(id, value(r, "name"), polygonal(r));
    }

    @Override
    String idOf(Area a) {
        return a.id();
    }
}
