package org.sightline.reports;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Options of one report.
 *
 * @param in the pipeline output folder (docs/outputs.md)
 * @param out where {@code report-<audience>.html} and {@code .pdf} go
 * @param kAnon an H3 cell (public report) with fewer resident cameras than this is suppressed; ≥ 1
 * @param h3Resolution H3 resolution of the public report's cells, 0–15 (8 ≈ 0.74 km² hexagons)
 * @param topN how many areas the "coverage by area" chart shows at each end when there are more than 2·topN
 */
public record ReportOptions(Path in, Path out, Audience audience, int kAnon, int h3Resolution, int topN) {
    public static final int DEFAULT_K_ANON = 3;
    public static final int DEFAULT_H3_RESOLUTION = 8;
    public static final int DEFAULT_TOP_N = 10;

    public ReportOptions {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(audience, "audience");
        if (kAnon < 1) throw new IllegalArgumentException("--k-anon must be >= 1, was " + kAnon);
        if (h3Resolution < 0 || h3Resolution > 15)
            throw new IllegalArgumentException("--h3-res must be in 0..15, was " + h3Resolution);
        if (topN < 1) throw new IllegalArgumentException("topN must be >= 1, was " + topN);
    }

    public static ReportOptions of(Path in, Path out, Audience audience) {
        return new ReportOptions(in, out, audience, DEFAULT_K_ANON, DEFAULT_H3_RESOLUTION, DEFAULT_TOP_N);
    }
}
