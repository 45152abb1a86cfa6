package org.sightline.engine.io;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.util.Futures;

/**
 * Reads the layers a command was given and projects them to one metric CRS: the edge where files
 * become engine inputs. Only wires the readers ({@link CameraReader}, {@link FootprintReader},
 * {@link IncidentReader}, {@link AreaReader}, {@link StreetReader}) and {@link MetricCrs}.
 */
public final class Inputs {
    private Inputs() {}

    /**
     * What to read.
     *
     * @param files the file of each layer given (absent layers are not read)
     * @param columns {@code --map} / {@code --set}, optionally with layer prefixes
     * @param metricCrs {@code --metric-crs}; empty = UTM zone of the centre of all accepted data
     */
    public record Request(Map<Layer, Path> files, ColumnMap columns, ReadOptions options, Optional<String> metricCrs) {
        public Request {
            files = Map.copyOf(files);
            columns = columns == null ? ColumnMap.NONE : columns;
            options = options == null ? ReadOptions.DEFAULTS : options;
            metricCrs = metricCrs == null ? Optional.empty() : metricCrs.filter(s -> !s.isBlank());
        }

        public static Request of(Map<Layer, Path> files) {
            return new Request(files, ColumnMap.NONE, ReadOptions.DEFAULTS, Optional.empty());
        }
    }

    /**
     * Reads every layer of the request (WGS84). Throws {@link UnreadableInputException} for the first
     * file that cannot be read at all.
     */
    public static InputLayers read(Request request) {
        Map<Layer, Path> f = new EnumMap<>(Layer.class);
        f.putAll(request.files());
        ColumnMap m = request.columns();
        ReadOptions o = request.options();
        // The layers are independent and each reader is single-threaded (a token stream): they are
        // read side by side, with the CRS database opened meanwhile (its first use takes a second).
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sightline-read");
            t.setDaemon(true);
            return t;
        });
        try {
            pool.execute(MetricCrs::warmUp);
            var cameras = submit(pool, f.get(Layer.CAMERAS), p -> CameraReader.read(p, m, o));
            var buildings = submit(pool, f.get(Layer.BUILDINGS), p -> FootprintReader.read(p, m, o));
            var incidents = submit(pool, f.get(Layer.INCIDENTS), p -> IncidentReader.read(p, m, o));
            var areas = submit(pool, f.get(Layer.AREAS), p -> AreaReader.read(p, m, o));
            var streets = submit(pool, f.get(Layer.STREETS), p -> StreetReader.read(p, m, o));
            // joined in layer order: when several files are unreadable, the first one's error is reported
            return new InputLayers(join(cameras), join(buildings), join(incidents), join(areas), join(streets));
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Future<Optional<T>> submit(ExecutorService pool, Path path, Function<Path, T> read) {
        return pool.submit(() -> Optional.ofNullable(path).map(read));
    }

    /** The layer, or the reader's own exception (an {@link UnreadableInputException} stays one). */
    private static <T> Optional<T> join(Future<Optional<T>> layer) {
        return Futures.join(layer, "reading the layers");
    }

    /** Reads every layer and projects the accepted records to the metric CRS. */
    public static MetricLayers load(Request request) {
        InputLayers layers = read(request);
        return layers.project(layers.metricCrs(request.metricCrs()));
    }
}
