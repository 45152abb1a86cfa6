package org.sightline.jobs.cli;

import java.util.List;
import java.util.Optional;
import org.sightline.engine.io.ColumnMap;
import org.sightline.engine.io.ReadOptions;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads layers: CRSs, column mapping and constants. A picocli
 * mixin: {@code @Mixin LayerOptions layers;}.
 */
public final class LayerOptions {
    @Option(
            names = "--metric-crs",
            paramLabel = "EPSG:n",
            description = "Projected CRS in metres that all computation uses (e.g. EPSG:32617)."
                    + " Default: the UTM zone of the centre of all accepted data.")
    String metricCrs;

    @Option(
            names = "--output-crs",
            paramLabel = "EPSG:n",
            description = "CRS of output coordinates. Default: WGS84 lon/lat (RFC 7946 GeoJSON).")
    String outputCrs;

    @Option(
            names = "--input-crs",
            paramLabel = "EPSG:n",
            description = "CRS of the coordinates in input files that do not name one (e.g. EPSG:2264 for"
                    + " NC State Plane feet). A GeoJSON file's own \"crs\" member wins. Default: WGS84 lon/lat.")
    String inputCrs;

    @Option(
            names = "--map",
            paramLabel = "KEY=COLUMN[,...]",
            split = ",",
            description = "Source column (or GeoJSON/JSON property) of a canonical column, matched"
                    + " case-insensitively, e.g. --map lon=LONGITUDE_PUBLIC,lat=LATITUDE_PUBLIC. Prefix a key"
                    + " with its layer to map it for that layer only: --map cameras.lon=X,incidents.lon=LON."
                    + " Repeatable. Default: the column of the canonical name (lon/lat also accept"
                    + " longitude/lng/long and latitude).")
    List<String> map = List.of();

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE[,...]",
            split = ",",
            description = "A constant for a column the file lacks, e.g. --set kind=business,live_feed=true;"
                    + " layer prefixes as for --map (--set cameras.kind=business). Repeatable. Default: none.")
    List<String> set = List.of();

    @Option(
            names = "--low-confidence-range",
            paramLabel = "M",
            defaultValue = "25",
            description = "Range in metres of a camera with unknown heading, field of view or range (modelled"
                    + " as a 360° camera when heading or FOV is unknown, and flagged low-confidence),"
                    + " (0, 500]. Default: ${DEFAULT-VALUE} m.")
    double lowConfidenceRangeM = ReadOptions.DEFAULT_LOW_CONFIDENCE_RANGE_M;

    /** {@code --map} and {@code --set} as one map (throws IllegalArgumentException naming a bad key). */
    public ColumnMap columnMap() {
        return ColumnMap.parse(String.join(",", map), String.join(",", set));
    }

    public ReadOptions readOptions() {
        return new ReadOptions(Optional.ofNullable(inputCrs), lowConfidenceRangeM);
    }

    public Optional<String> metricCrs() {
        return Optional.ofNullable(metricCrs).filter(s -> !s.isBlank());
    }

    public Optional<String> outputCrs() {
        return Optional.ofNullable(outputCrs).filter(s -> !s.isBlank());
    }
}
