package org.sightline.engine.hotspot;

/**
 * Getis–Ord Gi* z-scores of n cells with the moments they used.
 *
 * @param z one score per cell, in cell order (the array is shared, not copied)
 * @param n number of cells
 * @param mean x̄ = Σx / n
 * @param sd S = √(Σx²/n − x̄²), computed in two passes
 * @param degenerate true when S = 0 (all values equal, up to rounding) or n &lt; 2: then every z is 0
 */
public record GiScores(double[] z, int n, double mean, double sd, boolean degenerate) {}
