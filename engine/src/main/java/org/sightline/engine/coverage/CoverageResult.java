package org.sightline.engine.coverage;

import java.util.List;

/** Everything {@link Coverage#compute} reports, in input order. */
public record CoverageResult(
        CityCoverage city, List<AreaCoverage> areas, List<StreetCoverage> streets, List<CameraCoverage> cameras) {
    public CoverageResult {
        areas = List.copyOf(areas);
        streets = List.copyOf(streets);
        cameras = List.copyOf(cameras);
    }
}
