package org.sightline.engine.gaps;

/**
 * Per area: incident count and weight, the covered share of that weight, the same for incidents in
 * hotspot cells, and the hotspot weight left uncovered (the area's gap).
 */
public record AreaGaps(
        String areaId,
        String name,
        int incidents,
        double weight,
        double coveredShare,
        int hotspotIncidents,
        double hotspotWeight,
        double hotspotCoveredShare,
        double uncoveredHotspotWeight) {}
