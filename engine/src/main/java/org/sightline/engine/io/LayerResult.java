package org.sightline.engine.io;

import java.util.List;

/** The accepted records of a layer, the rejected rows with their reasons, and the counts. */
public record LayerResult<T>(List<T> accepted, List<Reject> rejects, LayerStats stats) {
    public LayerResult {
        accepted = List.copyOf(accepted);
        rejects = List.copyOf(rejects);
    }
}
