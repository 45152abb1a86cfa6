package org.sightline.engine.io;

import java.util.Optional;

/**
 * How readers interpret a file beyond its columns.
 *
 * @param inputCrs the CRS of coordinates in files that do not name one (e.g. {@code EPSG:2264});
 *     empty = WGS84 lon/lat. A GeoJSON file's legacy {@code crs} member wins over it.
 * @param lowConfidenceRangeM range in metres given to a camera of unknown heading, field of view or
 *     range (modelled as a 360° camera when heading or FOV is unknown), (0, 500]; default 25
 */
public record ReadOptions(Optional<String> inputCrs, double lowConfidenceRangeM) {
    public static final double DEFAULT_LOW_CONFIDENCE_RANGE_M = 25;
    public static final ReadOptions DEFAULTS = new ReadOptions(Optional.empty(), DEFAULT_LOW_CONFIDENCE_RANGE_M);

    public ReadOptions {
        inputCrs = inputCrs == null ? Optional.empty() : inputCrs.filter(s -> !s.isBlank());
        if (!(lowConfidenceRangeM > 0 && lowConfidenceRangeM <= 500))
            throw new IllegalArgumentException(
                    "the low-confidence range must be in (0, 500] m, was " + lowConfidenceRangeM);
    }

    public ReadOptions withInputCrs(String code) {
        return new ReadOptions(Optional.ofNullable(code), lowConfidenceRangeM);
    }
}
