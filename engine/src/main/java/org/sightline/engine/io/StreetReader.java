package org.sightline.engine.io;

import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.sightline.engine.model.Street;

/** Reads streets from GeoJSON LineString / MultiLineString features with {@code street_id} and {@code name}. */
public final class StreetReader extends LayerReader<Street> {
    private StreetReader(Path path, ColumnMap map, ReadOptions options) {
        super(Layer.STREETS, path, map, options);
    }

    /** Never throws on a bad feature; throws {@link UnreadableInputException} when the file cannot be used. */
    public static LayerResult<Street> read(Path path, ColumnMap map, ReadOptions options) {
        return new StreetReader(path, map, options).readLayer();
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
    Street parse(SourceRecord r, String id) throws RowRejected {
        Geometry g = geometry(r);
        if (!(g instanceof LineString || g instanceof MultiLineString))
            throw wrongType(g, "LineString or MultiLineString");
        if (!(g.getLength() > 0)) throw new RowRejected("degenerate line (zero length)");
        return new Street(id, value(r, "name"), g);
    }

    @Override
    String idOf(Street s) {
        return s.id();
    }
}
