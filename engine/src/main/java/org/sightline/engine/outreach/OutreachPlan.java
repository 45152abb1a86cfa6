package org.sightline.engine.outreach;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A ranked recruitment plan: which candidate sites to recruit, in order, with what each adds.
 *
 * @param candidateViewsheds viewshed of every candidate, in the order of {@code candidates}
 * @param demandWeight total weight of the demand (uncovered incidents) the plan counts
 * @param upperBound no k sites can cover more demand weight than this
 */
public record OutreachPlan(
        List<Pick> picks,
        double upperBound,
        int requestedK,
        List<CandidateSite> candidates,
        List<Geometry> candidateViewsheds,
        double demandWeight,
        List<AreaRollup> areas) {
    public OutreachPlan {
        picks = List.copyOf(picks);
        candidates = List.copyOf(candidates);
        candidateViewsheds = List.copyOf(candidateViewsheds);
        areas = List.copyOf(areas);
    }

    /** One recruited site: marginal {@code gain}, running {@code cumulative}, bound at that step. */
    public record Pick(
            int rank, CandidateSite site, String areaId, double gain, double cumulative, double upperBound) {}

    /**
     * Per area: the picks in it, their summed gain, and the attainable gain — the demand weight in the
     * area that some candidate (anywhere) could cover.
     */
    public record AreaRollup(String areaId, String name, int picks, double gain, double demand, double attainable) {}

    public double total() {
        return picks.isEmpty() ? 0 : picks.get(picks.size() - 1).cumulative();
    }

    /** (bound − total) / bound; the plan is at least this close to optimal. */
    public double optimalityGap() {
        return upperBound > 0 ? (upperBound - total()) / upperBound : 0;
    }

    /** Whether fewer sites were picked than asked for (too few candidates, or nothing left to gain). */
    public boolean shortOfBudget() {
        return picks.size() < requestedK;
    }
}
