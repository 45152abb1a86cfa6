package org.sightline.engine.gaps;

import java.util.List;

/** Everything the gaps stage reports, incidents in input order, gaps ranked, areas in input order. */
public record GapReport(List<IncidentCoverage> incidents, List<Gap> gaps, List<AreaGaps> areas) {
    public GapReport {
        incidents = List.copyOf(incidents);
        gaps = List.copyOf(gaps);
        areas = List.copyOf(areas);
    }

    public double coveredShare() {
        double w = 0, c = 0;
        for (IncidentCoverage i : incidents) {
            w += i.weight();
            if (i.covered()) c += i.weight();
        }
        return w > 0 ? c / w : 0;
    }

    /** Covered share of the weight of incidents in hotspot cells. */
    public double hotspotCoveredShare() {
        double w = 0, c = 0;
        for (IncidentCoverage i : incidents) {
            if (!i.hotspot()) continue;
            w += i.weight();
            if (i.covered()) c += i.weight();
        }
        return w > 0 ? c / w : 0;
    }
}
