package org.sightline.engine.gaps;

/**
 * Whether one incident is in view: {@code covered} when its point lies in the coverage union C,
 * {@code liveCovered} in C_live; the study cell it falls in ({@code ""} outside the region), whether
 * that cell is a hotspot (gi_bin ≥ 2), and its area ({@code ""} outside every area).
 */
public record IncidentCoverage(
        String incidentId,
        double weight,
        boolean covered,
        boolean liveCovered,
        String cellId,
        boolean hotspot,
        String areaId)
        implements java.io.Serializable {}
