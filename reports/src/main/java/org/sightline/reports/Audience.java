package org.sightline.reports;

import java.util.Locale;

/** Who a report is for; decides what it may show (DESIGN.md, "Privacy"). */
public enum Audience {
    /** Internal and exact: cameras, viewsheds, every table. */
    ANALYST,
    /** Gaps, neighbourhood targets, candidate sites; no individual camera. */
    PLANNER,
    /** Coverage aggregated to H3 cells with k-anonymity; no individual camera. */
    PUBLIC;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
