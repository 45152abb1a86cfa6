package org.sightline.engine.privacy;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.locationtech.jts.geom.Polygon;

/**
 * One H3 cell of a k-anonymous coverage aggregate. A suppressed cell (fewer than k resident cameras)
 * carries no count and no coverage: every optional is empty.
 *
 * @param cellId the H3 index as a hex string
 * @param boundary the cell's hexagon (or pentagon) in WGS84 lon/lat
 * @param cameras active cameras located in the cell, resident and business
 * @param residentCameras resident cameras located in the cell (≥ k when present)
 * @param coveredShare area of the cell inside the union of all viewsheds / area of the cell, [0, 1]
 */
public record H3CellCoverage(
        String cellId,
        Polygon boundary,
        boolean suppressed,
        OptionalInt cameras,
        OptionalInt residentCameras,
        OptionalInt businessCameras,
        OptionalDouble coveredShare) {

    static H3CellCoverage suppressed(String cellId, Polygon boundary) {
        return new H3CellCoverage(
                cellId,
                boundary,
                true,
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalDouble.empty());
    }
}
