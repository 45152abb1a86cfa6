package org.sightline.engine.dispatch;

/**
 * Options of a dispatch query.
 *
 * @param uncertaintyM radius of the incident's location uncertainty disk, metres (default 15)
 * @param approachM how far from the incident a camera covering a street still helps, metres (default
 *     150)
 * @param top how many suggestions to return per incident (default 10)
 */
public record DispatchOptions(double uncertaintyM, double approachM, int top) implements java.io.Serializable {
    public static final DispatchOptions DEFAULTS = new DispatchOptions(15, 150, 10);

    public DispatchOptions {
        if (!(uncertaintyM >= 0 && uncertaintyM <= 1000))
            throw new IllegalArgumentException("uncertainty must be in [0, 1000] m, was " + uncertaintyM);
        if (!(approachM >= 0 && approachM <= 2000))
            throw new IllegalArgumentException("approach must be in [0, 2000] m, was " + approachM);
        if (top < 1) throw new IllegalArgumentException("top must be >= 1, was " + top);
    }
}
