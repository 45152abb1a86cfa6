package org.sightline.engine.io;

/**
 * What a reader did with one layer: {@code read = accepted + rejected}; {@code repaired} counts the
 * accepted rows whose geometry or value had to be repaired (e.g. a self-intersecting polygon made
 * valid), so {@code repaired <= accepted}.
 */
public record LayerStats(String layer, long read, long accepted, long repaired, long rejected) {
    public LayerStats {
        if (read != accepted + rejected)
            throw new IllegalArgumentException(
                    "layer " + layer + ": read " + read + " != accepted " + accepted + " + rejected " + rejected);
        if (repaired > accepted)
            throw new IllegalArgumentException("layer " + layer + ": repaired " + repaired + " > accepted " + accepted);
    }
}
