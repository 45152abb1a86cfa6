package org.sightline.engine.geo;

/** Test access to {@link CircleArea}'s per-edge term, for reference implementations elsewhere. */
public final class CircleAreaAccess {
    private CircleAreaAccess() {}

    /** Signed area of disk(0, r) ∩ triangle(0, a, b). */
    public static double triangle(double ax, double ay, double bx, double by, double r) {
        return CircleArea.triangle(ax, ay, bx, by, r);
    }
}
