package org.sightline.engine.city;

/**
 * Where long engine stages report how far they are. The engine never prints: the CLI turns this
 * into a progress bar, the service ignores it. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (stage, done, total) -> {};

    /** {@code done} of {@code total} items of {@code stage} are finished. */
    void update(String stage, long done, long total);
}
