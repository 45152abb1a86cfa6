package org.sightline.engine.coverage;

/**
 * City totals: area seen by ≥ 1, ≥ 2, ≥ 3 cameras and by ≥ 1 live camera (m²), street length and
 * covered street length (m).
 */
public record CityCoverage(
        int cameras,
        double coveredM2,
        double liveM2,
        double depth2M2,
        double depth3M2,
        double streetLengthM,
        double streetCoveredM,
        double streetLiveM) {}
