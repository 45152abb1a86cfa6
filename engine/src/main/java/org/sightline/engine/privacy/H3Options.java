package org.sightline.engine.privacy;

/**
 * Parameters of a k-anonymous H3 aggregate.
 *
 * @param resolution H3 resolution 0–15; 8 gives hexagons of about 0.74 km² (edge ≈ 460 m), 9 about
 *     0.11 km² (edge ≈ 174 m)
 * @param k a cell with fewer than {@code k} resident cameras is suppressed (DESIGN.md, "Privacy");
 *     default 3
 */
public record H3Options(int resolution, int k) {
    public static final int DEFAULT_RESOLUTION = 8;
    public static final int DEFAULT_K = 3;

    public H3Options {
        if (resolution < 0 || resolution > 15)
            throw new IllegalArgumentException("H3 resolution must be in 0..15, was " + resolution);
        if (k < 1) throw new IllegalArgumentException("k-anonymity k must be >= 1, was " + k);
    }

    public static H3Options defaults() {
        return new H3Options(DEFAULT_RESOLUTION, DEFAULT_K);
    }
}
