package org.sightline.engine.gaps;

/**
 * A gap: a hotspot cell (gi_bin ≥ 2) with uncovered incident weight > 0, ranked by that weight.
 *
 * @param cx cell centre x, metric CRS
 * @param cy cell centre y
 * @param incidents summed weight of the cell's incidents
 * @param uncoveredWeight summed weight of its incidents outside the coverage union
 * @param areaId the area containing the cell centre ({@code ""} when none)
 */
public record Gap(
        int rank,
        String cellId,
        double cx,
        double cy,
        int giBin,
        double incidents,
        double uncoveredWeight,
        String areaId,
        String areaName) {}
