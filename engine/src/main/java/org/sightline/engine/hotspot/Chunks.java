package org.sightline.engine.hotspot;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Work over 0 … n−1 split into one contiguous chunk per processor when n is large. */
final class Chunks {
    /** Loops at least this long are split (below it, the threads' start-up costs more than it saves). */
    static final int PARALLEL_FROM = 1 << 16;

    /** The work on cells from … to−1, with a result. */
    interface Part<T> {
        T run(int from, int to);
    }

    private Chunks() {}

    /** The results of {@code part} over the chunks of 0 … n−1, in chunk order (on the common pool and the caller). */
    static <T> List<T> map(int n, Part<T> part) {
        int chunks = n < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors();
        IntFunction<T> chunk = c -> part.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
        if (chunks == 1) return java.util.Collections.singletonList(chunk.apply(0));
        return IntStream.range(0, chunks).parallel().mapToObj(chunk).toList();
    }
}
