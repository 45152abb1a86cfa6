package org.sightline.engine.io;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.sightline.engine.geo.MetricCrs;

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
        return new InputLayers(
                Optional.ofNullable(f.get(Layer.CAMERAS)).map(p -> CameraReader.read(p, m, o)),
                Optional.ofNullable(f.get(Layer.BUILDINGS)).map(p -> FootprintReader.read(p, m, o)),
                Optional.ofNullable(f.get(Layer.INCIDENTS)).map(p -> IncidentReader.read(p, m, o)),
                Optional.ofNullable(f.get(Layer.AREAS)).map(p -> AreaReader.read(p, m, o)),
                Optional.ofNullable(f.get(Layer.STREETS)).map(p -> StreetReader.read(p, m, o)));
    }

    /** Reads every layer and projects the accepted records to the metric CRS. */
    public static MetricLayers load(Request request) {
        InputLayers layers = read(request);
        return layers.project(layers.metricCrs(request.metricCrs()));
    }
}
