package org.sightline.engine.gaps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.sightline.engine.coverage.CoverageIndex;
import org.sightline.engine.geo.AreaLocator;
import org.sightline.engine.hotspot.HotspotCell;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Incident;

/**
 * Coverage gaps at crime hotspots (DESIGN.md, "Gaps"): an incident is covered when its point lies in
 * the coverage union; a gap is a hotspot cell whose uncovered incident weight is > 0. Gaps rank by
 * uncovered weight (ties: higher gi_bin, then cell id), and carry the area their centre falls in.
 */
public final class Gaps {
    private Gaps() {}

    public static GapReport compute(
            List<Incident> incidents, CoverageIndex coverage, HotspotGrid grid, List<Area> areas) {
        int n = incidents.size();
        boolean[] covered = new boolean[n];
        boolean[] live = new boolean[n];
        IntStream.range(0, n).parallel().forEach(k -> {
            double x = incidents.get(k).position().getX(),
                    y = incidents.get(k).position().getY();
            covered[k] = coverage.covered(x, y);
            live[k] = covered[k] && coverage.liveCovered(x, y);
        });
        return compute(incidents, covered, live, grid, areas);
    }

    /**
     * As {@link #compute(List, CoverageIndex, HotspotGrid, List)} with the covered flags already known
     * (e.g. from a distributed point-in-viewshed join): {@code covered[k]} and {@code live[k]} say
     * whether incident k lies in some (live) camera's viewshed, boundary included.
     */
    public static GapReport compute(
            List<Incident> incidents, boolean[] coveredFlags, boolean[] liveFlags, HotspotGrid grid, List<Area> areas) {
        AreaLocator areaIndex = new AreaLocator(areas);
        int n = incidents.size();
        if (coveredFlags.length != n || liveFlags.length != n)
            throw new IllegalArgumentException("covered flags for " + coveredFlags.length + " of " + n + " incidents");
        IncidentCoverage[] rows = new IncidentCoverage[n];
        int[] cellOf = new int[n];
        int[] areaOf = new int[n];
        IntStream.range(0, n).parallel().forEach(k -> {
            Incident inc = incidents.get(k);
            double x = inc.position().getX(), y = inc.position().getY();
            boolean covered = coveredFlags[k];
            boolean live = covered && liveFlags[k];
            HotspotCell cell = grid.cellAt(x, y).orElse(null);
            cellOf[k] = cell == null ? -1 : cell.index();
            areaOf[k] = areaIndex.indexOf(x, y);
            rows[k] = new IncidentCoverage(
                    inc.id(),
                    inc.weight(),
                    covered,
                    live,
                    cell == null ? "" : cell.cellId(),
                    cell != null && cell.isHotspot(),
                    areaOf[k] < 0 ? "" : areas.get(areaOf[k]).id());
        });

        double[] uncovered = new double[grid.cells().size()];
        for (int k = 0; k < n; k++) {
            if (cellOf[k] >= 0 && !rows[k].covered()) uncovered[cellOf[k]] += rows[k].weight();
        }
        List<HotspotCell> gapCells = new ArrayList<>();
        for (HotspotCell c : grid.cells()) if (c.isHotspot() && uncovered[c.index()] > 0) gapCells.add(c);
        gapCells.sort(Comparator.<HotspotCell>comparingDouble(c -> -uncovered[c.index()])
                .thenComparing(c -> -c.giBin())
                .thenComparing(HotspotCell::cellId));
        List<Gap> gaps = new ArrayList<>(gapCells.size());
        for (HotspotCell c : gapCells) {
            int a = areaIndex.indexOf(c.cx(), c.cy());
            gaps.add(new Gap(
                    gaps.size() + 1,
                    c.cellId(),
                    c.cx(),
                    c.cy(),
                    c.giBin(),
                    c.count(),
                    uncovered[c.index()],
                    a < 0 ? "" : areas.get(a).id(),
                    a < 0 ? "" : areas.get(a).name()));
        }
        return new GapReport(List.of(rows), gaps, perArea(rows, areaOf, areas));
    }

    private static List<AreaGaps> perArea(IncidentCoverage[] rows, int[] areaOf, List<Area> areas) {
        int na = areas.size();
        int[] count = new int[na], hotCount = new int[na];
        double[] w = new double[na], cw = new double[na], hw = new double[na], hcw = new double[na];
        for (int k = 0; k < rows.length; k++) {
            int a = areaOf[k];
            if (a < 0) continue;
            IncidentCoverage r = rows[k];
            count[a]++;
            w[a] += r.weight();
            if (r.covered()) cw[a] += r.weight();
            if (r.hotspot()) {
                hotCount[a]++;
                hw[a] += r.weight();
                if (r.covered()) hcw[a] += r.weight();
            }
        }
        List<AreaGaps> out = new ArrayList<>(na);
        for (int a = 0; a < na; a++) {
            out.add(new AreaGaps(
                    areas.get(a).id(),
                    areas.get(a).name(),
                    count[a],
                    w[a],
                    w[a] > 0 ? cw[a] / w[a] : 0,
                    hotCount[a],
                    hw[a],
                    hw[a] > 0 ? hcw[a] / hw[a] : 0,
                    hw[a] - hcw[a]));
        }
        return out;
    }
}
