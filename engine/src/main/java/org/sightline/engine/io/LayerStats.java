package org.sightline.engine.io;

/**
 * What a reader did with one layer: {@code read = accepted + rejected}; {@code repaired} counts the
 * accepted rows whose geometry or value had to be repaired (e.g. a self-intersecting polygon made
 * valid), so {@code repaired <= accepted}. {@code lowConfidence} counts accepted records modelled
 * from incomplete data (cameras of unknown heading, field of view or range); 0 for other layers.
 */
public record LayerStats(String layer, long read, long accepted, long repaired, long rejected, long lowConfidence) {
    public LayerStats {
        if (read != accepted + rejected)
            throw new IllegalArgumentException(
                    "layer " + layer + ": read " + read + " != accepted " + accepted + " + rejected " + rejected);
        if (repaired > accepted)
            throw new IllegalArgumentException("layer " + layer + ": repaired " + repaired + " > accepted " + accepted);
        if (lowConfidence < 0 || lowConfidence > accepted)
            throw new IllegalArgumentException(
                    "layer " + layer + ": lowConfidence " + lowConfidence + " not in [0, accepted " + accepted + "]");
    }

    public LayerStats(String layer, long read, long accepted, long repaired, long rejected) {
        this(layer, read, accepted, repaired, rejected, 0);
    }

    /** The console line commands print per layer: counts, and where the rejects are. */
    public String consoleLine() {
        return String.format(
                java.util.Locale.ROOT,
                "    %-10s read %,9d  accepted %,9d  repaired %,6d  rejected %,6d%s",
                layer,
                read,
                accepted,
                repaired,
                rejected,
                rejected > 0 ? "  (see rejects/" + layer + ".csv)" : "");
    }
}
