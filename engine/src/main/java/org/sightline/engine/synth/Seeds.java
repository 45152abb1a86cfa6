package org.sightline.engine.synth;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams keyed by (seed, stream, a, b): a superblock, a layer or
 * a tile gets the same numbers whatever else was generated before it, so work can be reordered or
 * parallelised without changing a byte of the output.
 */
final class Seeds {
    static final long PLAN = 1;
    static final long BLOCKS = 2;
    static final long AREAS = 3;
    static final long CAMERAS = 4;
    static final long INCIDENTS = 5;
    static final long NAMES = 6;

    private Seeds() {}

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static SplittableRandom rng(long seed, long stream, long a, long b) {
        long h = mix(seed + 0x9E3779B97F4A7C15L * (stream + 1));
        h = mix(h ^ (a * 0xC2B2AE3D27D4EB4FL));
        h = mix(h ^ (b * 0x165667B19E3779F9L));
        return new SplittableRandom(h);
    }

    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    static int uniformInt(SplittableRandom r, int lo, int hiInclusive) {
        return lo + r.nextInt(hiInclusive - lo + 1);
    }
}
