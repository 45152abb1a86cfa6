package org.sightline.engine.hotspot;

import java.util.OptionalInt;

/**
 * Parameters of one hotspot run, in metres of the metric CRS.
 *
 * @param cell side of a square cell (ignored for H3), in (0, 100 000]
 * @param band Gi* neighbourhood: cells whose centres are within {@code band} of each other are
 *     neighbours (self included); default 1.5 × cell, i.e. the cell and its 8 neighbours. Ignored
 *     for H3, where the neighbourhood is the cell and its ring 1. At most 1000 cells wide.
 * @param h3Res H3 resolution 0…15, or empty for square cells
 * @param bandwidth quartic KDE bandwidth h, in (0, 100 000]
 * @param permutations conditional-randomisation permutations for pseudo p-values, 0 (none) … 99 999
 * @param seed seed of the permutations (results do not depend on the number of threads)
 */
public record HotspotOptions(
        double cell, double band, OptionalInt h3Res, double bandwidth, int permutations, long seed) {
    public static final double DEFAULT_CELL = 100;
    public static final double DEFAULT_BANDWIDTH = 200;
    public static final long DEFAULT_SEED = 20_240_601L;

    public HotspotOptions {
        if (!(cell > 0 && cell <= 100_000))
            throw new IllegalArgumentException("cell must be in (0, 100000] m, was " + cell);
        if (!(band > 0 && Double.isFinite(band)))
            throw new IllegalArgumentException("band must be finite and > 0 m, was " + band);
        if (band / cell > 1000)
            throw new IllegalArgumentException("band must be at most 1000 cells (" + 1000 * cell + " m), was " + band);
        if (h3Res == null) h3Res = OptionalInt.empty();
        if (h3Res.isPresent() && (h3Res.getAsInt() < 0 || h3Res.getAsInt() > 15))
            throw new IllegalArgumentException("h3Res must be in 0..15, was " + h3Res.getAsInt());
        if (!(bandwidth > 0 && bandwidth <= 100_000))
            throw new IllegalArgumentException("bandwidth must be in (0, 100000] m, was " + bandwidth);
        if (permutations < 0 || permutations > 99_999)
            throw new IllegalArgumentException("permutations must be in 0..99999, was " + permutations);
    }

    /** Square cells of 100 m, band 150 m, bandwidth 200 m, no permutations. */
    public static HotspotOptions defaults() {
        return squares(DEFAULT_CELL);
    }

    /** Square cells of {@code cell} metres with the default band (1.5 × cell). */
    public static HotspotOptions squares(double cell) {
        return new HotspotOptions(cell, 1.5 * cell, OptionalInt.empty(), DEFAULT_BANDWIDTH, 0, DEFAULT_SEED);
    }

    /** H3 cells of resolution {@code res}; neighbours are the cell and its ring 1. */
    public static HotspotOptions h3(int res) {
        return new HotspotOptions(
                DEFAULT_CELL, 1.5 * DEFAULT_CELL, OptionalInt.of(res), DEFAULT_BANDWIDTH, 0, DEFAULT_SEED);
    }

    public HotspotOptions withBand(double newBand) {
        return new HotspotOptions(cell, newBand, h3Res, bandwidth, permutations, seed);
    }

    public HotspotOptions withBandwidth(double h) {
        return new HotspotOptions(cell, band, h3Res, h, permutations, seed);
    }

    public HotspotOptions withPermutations(int count, long newSeed) {
        return new HotspotOptions(cell, band, h3Res, bandwidth, count, newSeed);
    }

    public boolean isH3() {
        return h3Res.isPresent();
    }
}
