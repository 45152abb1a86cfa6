package org.sightline.engine.hotspot;

import java.util.stream.IntStream;

/** A loop over 0 … n−1 split into one contiguous chunk per processor when n is large. */
final class Chunks {
    /** Loops at least this long are split (below it, the threads' start-up costs more than it saves). */
    static final int PARALLEL_FROM = 1 << 16;

    /** The work on cells from … to−1. */
    interface Range {
        void run(int from, int to);
    }

    private Chunks() {}

    /** Runs {@code range} over 0 … n−1: at once, or in chunks on the common pool and the caller. */
    static void forEach(int n, Range range) {
        int chunks = n < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors();
        if (chunks == 1) {
            range.run(0, n);
            return;
        }
        IntStream.range(0, chunks)
                .parallel()
                .forEach(c -> range.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
    }
}
