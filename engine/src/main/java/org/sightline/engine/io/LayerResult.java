package org.sightline.engine.io;

import java.util.List;

/**
 * The accepted records of a layer, the rejected rows with their reasons, the counts, and warnings
 * about the file as a whole (e.g. "no camera_id column: ids synthesized as cameras-<line>") that a
 * summary should show but that reject no row.
 */
public record LayerResult<T>(List<T> accepted, List<Reject> rejects, LayerStats stats, List<String> warnings) {
    public LayerResult {
        accepted = List.copyOf(accepted);
        rejects = List.copyOf(rejects);
        warnings = List.copyOf(warnings);
    }

    public LayerResult(List<T> accepted, List<Reject> rejects, LayerStats stats) {
        this(accepted, rejects, stats, List.of());
    }
}
