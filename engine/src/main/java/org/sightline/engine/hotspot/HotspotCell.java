package org.sightline.engine.hotspot;

import java.util.OptionalDouble;

/**
 * One study cell of a hotspot run.
 *
 * @param index position in {@link HotspotGrid#cells()} and in {@link StudyCells}
 * @param cellId {@code "i_j"} for squares (i = ⌊x/cell⌋, j = ⌊y/cell⌋, e.g. {@code "123_-45"}), the
 *     H3 address for H3 cells
 * @param cx centre x, metric CRS
 * @param cy centre y
 * @param count sum of the weights of the incidents in the cell
 * @param giZ Gi* z-score
 * @param giP two-sided normal p-value of giZ
 * @param giBin −3 … +3, Benjamini–Hochberg bins as ArcGIS Hot Spot Analysis
 * @param permutationP conditional-randomisation pseudo p-value, when permutations were run
 * @param kde quartic kernel density at the centre, incidents per km²
 */
public record HotspotCell(
        int index,
        String cellId,
        double cx,
        double cy,
        double count,
        double giZ,
        double giP,
        int giBin,
        OptionalDouble permutationP,
        double kde) {
    /** gi_bin ≥ 2: a hot spot at 95 % confidence after FDR correction (used by PAI and gaps). */
    public boolean isHotspot() {
        return giBin >= 2;
    }
}
