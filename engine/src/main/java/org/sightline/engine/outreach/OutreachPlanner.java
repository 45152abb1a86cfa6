package org.sightline.engine.outreach;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.sightline.engine.geo.AreaLocator;
import org.sightline.engine.geo.GridIndex;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Incident;

/**
 * Builds an outreach plan: viewsheds for every candidate site (with the viewshed engine, passed in
 * as a function), the demand points each would cover, then {@link LazyGreedy} for k sites, and a
 * per-area roll-up for planners.
 */
public final class OutreachPlanner {
    private OutreachPlanner() {}

    /**
     * @param demand the incidents the plan should bring into view (metric CRS), weights as given
     * @param viewshedOf the viewshed engine, e.g. {@code c -> Viewsheds.of(c, footprints, options).geometry()}
     */
    public static OutreachPlan plan(
            List<CandidateSite> candidates,
            List<Incident> demand,
            List<Area> areas,
            int k,
            Function<Camera, Geometry> viewshedOf) {
        if (k < 0) throw new IllegalArgumentException("k must be >= 0, was " + k);
        int m = candidates.size();
        Geometry[] views = new Geometry[m];
        IntStream.range(0, m)
                .parallel()
                .forEach(c -> views[c] = viewshedOf.apply(candidates.get(c).asCamera()));
        int[][] covers = coveredDemand(views, demand);
        double[] w = demand.stream().mapToDouble(Incident::weight).toArray();
        GreedyPlan greedy = LazyGreedy.solve(new MaxCoverage(w, covers), k);

        AreaLocator lookup = new AreaLocator(areas);
        int[] pickArea = new int[greedy.picks().size()]; // only picked sites need their area
        List<OutreachPlan.Pick> picks = new ArrayList<>();
        for (GreedyPlan.Pick p : greedy.picks()) {
            CandidateSite site = candidates.get(p.candidate());
            int a = lookup.indexOf(site.position().getX(), site.position().getY());
            pickArea[picks.size()] = a;
            picks.add(new OutreachPlan.Pick(
                    p.rank(), site, a < 0 ? "" : areas.get(a).id(), p.gain(), p.cumulative(), p.upperBound()));
        }
        return new OutreachPlan(
                picks,
                greedy.upperBound(),
                k,
                candidates,
                List.of(views),
                sum(w),
                rollup(areas, lookup, demand, covers, pickArea, greedy));
    }

    /** For each candidate viewshed, the sorted indices of the demand points inside it (boundary counts). */
    static int[][] coveredDemand(Geometry[] views, List<Incident> demand) {
        int n = demand.size();
        double[] x = new double[n], y = new double[n];
        for (int d = 0; d < n; d++) {
            x[d] = demand.get(d).position().getX();
            y[d] = demand.get(d).position().getY();
        }
        GridIndex grid = new GridIndex(64, x, y, x, y);
        ThreadLocal<GridIndex.Cursor> cursors = ThreadLocal.withInitial(grid::cursor);
        int[][] covers = new int[views.length][];
        IntStream.range(0, views.length).parallel().forEach(c -> {
            Geometry v = views[c];
            if (v.isEmpty()) {
                covers[c] = new int[0];
                return;
            }
            Envelope e = v.getEnvelopeInternal();
            GridIndex.Cursor cur = cursors.get();
            cur.query(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
            IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(v);
            int[] found = new int[cur.count];
            int f = 0;
            Coordinate p = new Coordinate();
            for (int j = 0; j < cur.count; j++) {
                int d = cur.found[j];
                p.x = x[d];
                p.y = y[d];
                if (loc.locate(p) != Location.EXTERIOR) found[f++] = d;
            }
            int[] out = java.util.Arrays.copyOf(found, f);
            java.util.Arrays.sort(out);
            covers[c] = out;
        });
        return covers;
    }

    private static List<OutreachPlan.AreaRollup> rollup(
            List<Area> areas,
            AreaLocator lookup,
            List<Incident> demand,
            int[][] covers,
            int[] pickArea,
            GreedyPlan greedy) {
        int na = areas.size();
        int[] picks = new int[na];
        double[] gain = new double[na], demandW = new double[na], attainable = new double[na];
        int[] demandArea = new int[demand.size()];
        for (int d = 0; d < demand.size(); d++) {
            demandArea[d] = lookup.indexOf(
                    demand.get(d).position().getX(), demand.get(d).position().getY());
            if (demandArea[d] >= 0) demandW[demandArea[d]] += demand.get(d).weight();
        }
        boolean[] coverable = new boolean[demand.size()];
        for (int[] cs : covers) for (int d : cs) coverable[d] = true;
        for (int d = 0; d < demand.size(); d++) {
            if (coverable[d] && demandArea[d] >= 0)
                attainable[demandArea[d]] += demand.get(d).weight();
        }
        for (int i = 0; i < pickArea.length; i++) {
            GreedyPlan.Pick p = greedy.picks().get(i);
            int a = pickArea[i];
            if (a >= 0) {
                picks[a]++;
                gain[a] += p.gain();
            }
        }
        List<OutreachPlan.AreaRollup> out = new ArrayList<>(na);
        for (int a = 0; a < na; a++) {
            out.add(new OutreachPlan.AreaRollup(
                    areas.get(a).id(), areas.get(a).name(), picks[a], gain[a], demandW[a], attainable[a]));
        }
        return out;
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) s += v;
        return s;
    }
}
