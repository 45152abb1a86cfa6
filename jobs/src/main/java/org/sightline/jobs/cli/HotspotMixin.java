package org.sightline.jobs.cli;

import org.sightline.engine.hotspot.HotspotOptions;
import picocli.CommandLine.Option;

/** Hotspot options shared by hotspots, gaps and outreach. */
public final class HotspotMixin {
    @Option(
            names = "--cell",
            paramLabel = "M",
            defaultValue = "100",
            description = "Side of the square cells in metres, aligned to multiples of the cell size in the"
                    + " metric CRS. Default: ${DEFAULT-VALUE} m.")
    double cell;

    @Option(
            names = "--h3",
            paramLabel = "RES",
            description = "Use H3 cells of this resolution (0-15; 9 ≈ 0.1 km²) instead of squares; neighbours are"
                    + " the cell and its ring 1.")
    Integer h3;

    @Option(
            names = "--band",
            paramLabel = "M",
            description = "Gi* neighbourhood: cells whose centres lie within this many metres are neighbours"
                    + " (self included). Default: 1.5 × cell (the cell and its 8 neighbours).")
    Double band;

    @Option(
            names = "--bandwidth",
            paramLabel = "M",
            defaultValue = "200",
            description = "Quartic KDE bandwidth in metres. Default: ${DEFAULT-VALUE} m.")
    double bandwidth;

    @Option(
            names = "--permutations",
            paramLabel = "N",
            defaultValue = "0",
            description = "Conditional-randomisation permutations for pseudo p-values (e.g. 999); 0 = analytic"
                    + " p-values only. Default: ${DEFAULT-VALUE}.")
    int permutations;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "20240601",
            description = "Seed of the permutations (results do not depend on the number of threads)."
                    + " Default: ${DEFAULT-VALUE}.")
    long seed;

    HotspotOptions options() {
        HotspotOptions o = h3 != null ? HotspotOptions.h3(h3) : HotspotOptions.squares(cell);
        if (band != null) o = o.withBand(band);
        return o.withBandwidth(bandwidth).withPermutations(permutations, seed);
    }
}
