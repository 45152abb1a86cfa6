package org.sightline.engine.hotspot;

import java.util.OptionalDouble;

/**
 * The numbers of a hotspot run.
 *
 * @param n number of study cells
 * @param mean x̄, mean weight per cell
 * @param sd S, standard deviation of the weights per cell (population form, as in Gi*)
 * @param degenerate S = 0 or n &lt; 2: every z is 0, every p 1, every bin 0
 * @param countedWeight total weight of the incidents in study cells
 * @param outsideWeight total weight of the incidents outside every study cell
 * @param hotCells cells with gi_bin ≥ 2
 * @param coldCells cells with gi_bin ≤ −2
 * @param pai predictive accuracy index: (share of counted weight in hot cells) / (share of study
 *     cells that are hot); empty when there is no hot cell or no weight
 * @param options the parameters of the run
 */
public record HotspotSummary(
        int n,
        double mean,
        double sd,
        boolean degenerate,
        double countedWeight,
        double outsideWeight,
        int hotCells,
        int coldCells,
        OptionalDouble pai,
        HotspotOptions options) {}
