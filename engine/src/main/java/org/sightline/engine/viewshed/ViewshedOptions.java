package org.sightline.engine.viewshed;

/**
 * Options of {@link Viewsheds#of}.
 *
 * @param arcToleranceM the range arc is a polyline with vertices on the circle whose chords deviate
 *     from it by at most this many metres (0.1 m keeps a 150 m, 90° arc at 22 chords and the area
 *     within 0.1 % of the true sector)
 * @param nudgeM how far a camera on or inside its footprint is moved outside it
 * @param minOccluderHeightM footprints of known height below this do not occlude
 */
public record ViewshedOptions(double arcToleranceM, double nudgeM, double minOccluderHeightM)
        implements java.io.Serializable {
    public static final ViewshedOptions DEFAULTS = new ViewshedOptions(0.1, 0.05, 2);

    public ViewshedOptions {
        if (!(arcToleranceM > 0 && arcToleranceM <= 10))
            throw new IllegalArgumentException("arcToleranceM must be in (0, 10], was " + arcToleranceM);
        if (!(nudgeM > 0 && nudgeM <= 5)) throw new IllegalArgumentException("nudgeM must be in (0, 5], was " + nudgeM);
        if (!(minOccluderHeightM >= 0 && Double.isFinite(minOccluderHeightM)))
            throw new IllegalArgumentException("minOccluderHeightM must be finite and >= 0, was " + minOccluderHeightM);
    }

    public static ViewshedOptions defaults() {
        return DEFAULTS;
    }

    public ViewshedOptions withArcToleranceM(double value) {
        return new ViewshedOptions(value, nudgeM, minOccluderHeightM);
    }

    public ViewshedOptions withNudgeM(double value) {
        return new ViewshedOptions(arcToleranceM, value, minOccluderHeightM);
    }

    public ViewshedOptions withMinOccluderHeightM(double value) {
        return new ViewshedOptions(arcToleranceM, nudgeM, value);
    }
}
