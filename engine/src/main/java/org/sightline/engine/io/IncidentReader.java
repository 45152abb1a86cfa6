package org.sightline.engine.io;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.sightline.engine.model.Incident;

/**
 * Reads incidents: CSV, GeoJSON points, or a JSON array of objects (Baltimore's export). Required:
 * a position and {@code occurred_at} (see {@link Timestamps} for the accepted forms: epoch ms,
 * ISO-8601 with or without offset, date only; a file without times can use
 * {@code --set occurred_at=2022-01-01}). {@code weight} defaults to 1 and must be &gt; 0.
 *
 * <p>Rejects: bad coordinates, positions far outside the layer ({@link FarPositions}), duplicate
 * ids, unparseable occurred_at, non-numeric or non-positive weight.
 */
public final class IncidentReader extends LayerReader<Incident> {
    private IncidentReader(Path path, ColumnMap map, ReadOptions options) {
        super(Layer.INCIDENTS, path, map, options);
    }

    /** Never throws on a bad row; throws {@link UnreadableInputException} when the file cannot be used. */
    public static LayerResult<Incident> read(Path path, ColumnMap map, ReadOptions options) {
        return new IncidentReader(path, map, options).readLayer();
    }

    @Override
    List<String> required(SourceFile.Format format) {
        return format == SourceFile.Format.GEOJSON ? List.of("occurred_at") : List.of("lon", "lat", "occurred_at");
    }

    @Override
    void checkConstants() throws RowRejected {
        Optional<String> t = map.constant("occurred_at");
        if (t.isPresent()) Timestamps.parse(t.get(), "occurred_at");
        Optional<String> w = map.constant("weight");
        if (w.isPresent() && !w.get().isBlank()) weight(w.get());
    }

    @Override
    Incident parse(SourceRecord r, String id) throws RowRejected {
        Point p = point(r);
        Instant at = Timestamps.parse(value(r, "occurred_at"), "occurred_at");
        String w = value(r, "weight");
        double weight = w.isEmpty() ? 1 : weight(w);
        return new Incident(id, p, at, value(r, "category"), weight);
    }

    private static double weight(String text) throws RowRejected {
        double w = Values.number(text, "weight");
        if (!(w > 0)) throw new RowRejected("weight " + Values.fmt(w) + " must be > 0");
        return w;
    }

    @Override
    String idOf(Incident i) {
        return i.id();
    }

    @Override
    Optional<Point> pointOf(Incident i) {
        return Optional.of(i.position());
    }
}
