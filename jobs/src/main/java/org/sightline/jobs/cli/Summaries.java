package org.sightline.jobs.cli;

import java.util.Comparator;
import java.util.Map;
import org.sightline.engine.coverage.AreaCoverage;
import org.sightline.engine.coverage.CoverageResult;

/** The readable end-of-run summaries that commands print. */
final class Summaries {
    private Summaries() {}

    static void coverage(Console c, CoverageResult r, Map<String, Object> city) {
        c.line("");
        c.line(
                "%,d cameras see %,.0f m² (%,.0f m² by live feeds); seen by ≥ 2: %,.0f m², ≥ 3: %,.0f m²",
                r.city().cameras(),
                r.city().coveredM2(),
                r.city().liveM2(),
                r.city().depth2M2(),
                r.city().depth3M2());
        if (city.get("covered_share") != null)
            c.line(
                    "outdoor area covered: %.2f %% (live %.2f %%)",
                    100 * (double) city.get("covered_share"), 100 * (double) city.get("live_share"));
        if (r.city().streetLengthM() > 0)
            c.line(
                    "street length covered: %,.0f of %,.0f m (%.2f %%)",
                    r.city().streetCoveredM(),
                    r.city().streetLengthM(),
                    100 * r.city().streetCoveredM() / r.city().streetLengthM());
        if (!r.areas().isEmpty()) {
            c.line("best covered areas:");
            r.areas().stream()
                    .sorted(Comparator.comparingDouble(AreaCoverage::coveredShare)
                            .reversed())
                    .limit(5)
                    .forEach(a -> c.line("  %-24s %6.2f %%", label(a), 100 * a.coveredShare()));
        }
    }

    static String label(AreaCoverage a) {
        String s = a.name().isBlank() ? a.areaId() : a.name();
        return s.length() > 24 ? s.substring(0, 23) + "…" : s;
    }
}
