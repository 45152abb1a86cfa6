package org.sightline.engine.synth;

import java.nio.file.Path;

/**
 * What {@link SyntheticCity#generate} wrote.
 *
 * @param areaKm2 area of the city boundary (the union of the neighbourhoods), km²
 * @param halfIncidentSegmentShare the smallest share of street segments that holds half of the
 *     incidents (law of crime concentration: ≤ 0.06)
 */
public record CitySummary(
        Path dir,
        SynthOptions options,
        String metricCrs,
        double areaKm2,
        long streets,
        long buildings,
        long areas,
        long residentCameras,
        long businessCameras,
        long incidents,
        double halfIncidentSegmentShare) {

    public long cameras() {
        return residentCameras + businessCameras;
    }
}
