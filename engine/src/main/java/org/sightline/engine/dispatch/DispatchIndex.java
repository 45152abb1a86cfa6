package org.sightline.engine.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.sightline.engine.geo.CircleArea;
import org.sightline.engine.geo.GridIndex;
import org.sightline.engine.geo.PackedPolygons;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Incident;
import org.sightline.engine.model.Street;

/**
 * The dispatcher's ranking (DESIGN.md, "Dispatch ranking"), built once, then queried per incident.
 *
 * <p>Candidates are active cameras within range + uncertainty (+ the approach distance for approach
 * suggestions) of the incident, found through a grid over camera reach. For each, the visible share
 * is the exact area of the uncertainty disk inside the viewshed ({@link CircleArea}) divided by the
 * disk's outdoor area (disk minus nearby footprints). Order: cameras that see the incident, then
 * approach cameras; within each, live feed before owner request, then score; cameras whose footage
 * had expired at query time go last. Queries are thread-safe.
 *
 * <p>Per query, nothing depends on JTS objects: viewsheds and footprints are packed into coordinate
 * arrays ({@link PackedPolygons}), footprints are found through a grid, the distance to covered
 * streets is a scan of precomputed segment runs ({@link FacetDistance}, the same value as JTS's
 * IndexedFacetDistance), distances are compared by their squares unless a comparison is a close
 * call, and only the returned suggestions get a reason string. DispatchIndexReferenceTest checks the
 * whole ranking against a plain implementation of the same rules on random scenes.
 */
public final class DispatchIndex {
    private static final double CELL = 128;
    private static final double FOOTPRINT_CELL = 32;

    private final List<DispatchCamera> cameras;
    private final Camera[] cams;
    private final double[] camX, camY, range;
    private final Geometry[] views;
    private final boolean[] viewEmpty;
    private final GridIndex reach;
    private final IndexedPointInAreaLocator[] locators;
    private final FacetDistance[] approachTargets; // covered street pieces, or the viewshed
    /** Boxes of camera i at 4i … 4i + 3 (minX, minY, maxX, maxY): the viewshed, the approach target. */
    private final double[] viewBox, approachBox;

    /** "covers the approach on Tryon St, " for cameras that cover named streets, else null. */
    private final String[] approachPrefix;
    /** Footprints in the leaf order of an STRtree over them (see outdoorDiskArea). */
    private final PackedPolygons footprintPolygons;

    private final PackedPolygons viewPolygons;

    private final GridIndex footprintGrid;
    private final boolean hasStreets;

    private DispatchIndex(
            List<DispatchCamera> dcams,
            List<? extends Geometry> mergedFootprints,
            List<Street> streets,
            double approachM) {
        this.cameras = dcams.stream().filter(c -> c.camera().active()).toList();
        this.hasStreets = !streets.isEmpty();
        int n = cameras.size();
        this.cams = new Camera[n];
        this.camX = new double[n];
        this.camY = new double[n];
        this.range = new double[n];
        this.views = new Geometry[n];
        this.viewEmpty = new boolean[n];
        double[] x0 = new double[n], y0 = new double[n], x1 = new double[n], y1 = new double[n];
        for (int i = 0; i < n; i++) {
            Camera c = cameras.get(i).camera();
            cams[i] = c;
            views[i] = cameras.get(i).viewshed();
            viewEmpty[i] = views[i].isEmpty();
            double r = c.rangeM() + approachM;
            Coordinate p = c.position().getCoordinate();
            camX[i] = p.x;
            camY[i] = p.y;
            range[i] = c.rangeM();
            x0[i] = p.x - r;
            y0[i] = p.y - r;
            x1[i] = p.x + r;
            y1[i] = p.y + r;
        }
        this.reach = new GridIndex(CELL, x0, y0, x1, y1);
        this.locators = new IndexedPointInAreaLocator[n];
        this.approachTargets = new FacetDistance[n];
        this.approachPrefix = new String[n];
        this.viewBox = new double[4 * n];
        this.approachBox = new double[4 * n];
        STRtree streetIndex = new STRtree();
        for (Street s : streets) streetIndex.insert(s.geometry().getEnvelopeInternal(), s);
        streetIndex.build();
        IntStream.range(0, n).parallel().forEach(i -> {
            Geometry v = views[i];
            box(viewBox, i, v.getEnvelopeInternal());
            locators[i] = new IndexedPointInAreaLocator(v);
            locators[i].locate(cams[i].position().getCoordinate()); // build the index now
            if (v.isEmpty()) return;
            if (!hasStreets) {
                approachTargets[i] = FacetDistance.of(v);
                box(approachBox, i, v.getEnvelopeInternal());
                return;
            }
            List<Geometry> pieces = new ArrayList<>();
            List<String> names = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Street> near = streetIndex.query(v.getEnvelopeInternal());
            near.sort(Comparator.comparing(Street::id));
            for (Street s : near) {
                Geometry seen = s.geometry().intersection(v);
                if (!seen.isEmpty() && seen.getLength() > 0) {
                    pieces.add(seen);
                    names.add(s.name().isBlank() ? s.id() : s.name());
                }
            }
            if (!pieces.isEmpty()) {
                Geometry seenStreets = v.getFactory().buildGeometry(pieces);
                approachTargets[i] = FacetDistance.of(seenStreets);
                box(approachBox, i, seenStreets.getEnvelopeInternal());
                approachPrefix[i] = Reasons.approachPrefix(
                        String.join(", ", names.stream().distinct().limit(2).toList()));
            }
        });
        // footprints numbered in STRtree leaf order: an STRtree query lists its hits in that order
        STRtree footprintIndex = new STRtree();
        Envelope all = new Envelope();
        for (Geometry f : mergedFootprints) {
            footprintIndex.insert(f.getEnvelopeInternal(), f);
            all.expandToInclude(f.getEnvelopeInternal());
        }
        footprintIndex.build();
        @SuppressWarnings("unchecked")
        List<Geometry> leafOrder = all.isNull() ? List.of() : footprintIndex.query(all);
        this.footprintPolygons = PackedPolygons.of(leafOrder);
        this.viewPolygons = PackedPolygons.of(Arrays.asList(views));
        int m = leafOrder.size();
        double[] fx0 = new double[m], fy0 = new double[m], fx1 = new double[m], fy1 = new double[m];
        for (int k = 0; k < m; k++) {
            Envelope e = leafOrder.get(k).getEnvelopeInternal();
            fx0[k] = e.getMinX();
            fy0[k] = e.getMinY();
            fx1[k] = e.getMaxX();
            fy1[k] = e.getMaxY();
        }
        this.footprintGrid = new GridIndex(FOOTPRINT_CELL, fx0, fy0, fx1, fy1);
        GridIndex reachGrid = this.reach, footGrid = this.footprintGrid;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(reachGrid.cursor(), footGrid.cursor()));
    }

    private static void box(double[] boxes, int i, Envelope e) {
        boxes[4 * i] = e.isNull() ? Double.POSITIVE_INFINITY : e.getMinX();
        boxes[4 * i + 1] = e.isNull() ? Double.POSITIVE_INFINITY : e.getMinY();
        boxes[4 * i + 2] = e.isNull() ? Double.NEGATIVE_INFINITY : e.getMaxX();
        boxes[4 * i + 3] = e.isNull() ? Double.NEGATIVE_INFINITY : e.getMaxY();
    }

    /**
     * @param cameras all cameras with their viewsheds (inactive ones are ignored)
     * @param mergedFootprints footprints for the outdoor part of the uncertainty disk
     * @param streets may be empty: then any point of a viewshed near the incident counts as approach
     * @param maxApproachM the largest approach distance queries will use
     */
    public static DispatchIndex build(
            List<DispatchCamera> cameras,
            List<? extends Geometry> mergedFootprints,
            List<Street> streets,
            double maxApproachM) {
        return new DispatchIndex(cameras, mergedFootprints, streets, maxApproachM);
    }

    /** Per-thread query scratch. */
    private final ThreadLocal<Scratch> scratch;

    /**
     * Ranks cameras for one incident.
     *
     * @param now the time of the query: cameras whose footage expired before it rank last
     */
    public List<Suggestion> rank(String incidentId, Point x, Instant occurredAt, Instant now, DispatchOptions o) {
        double px = x.getX(), py = x.getY(), u = o.uncertaintyM(), approach = o.approachM();
        Scratch sc = scratch.get();
        GridIndex.Cursor cur = sc.reach;
        cur.query(px, py, px, py);
        sc.count = 0;
        double outdoor = -1; // computed lazily: only when some camera is close enough to see
        for (int k = 0; k < cur.count; k++) {
            int i = cur.found[k];
            double ex = px - camX[i], ey = py - camY[i];
            double rangeM = range[i];
            // hypot(ex, ey) ≤ range + approach + u, decided without hypot unless it is a close call
            if (!within(ex, ey, rangeM + approach + u)) continue;
            double share = 0;
            int b = 4 * i;
            boolean diskMeetsBox = px + u >= viewBox[b]
                    && px - u <= viewBox[b + 2]
                    && py + u >= viewBox[b + 1]
                    && py - u <= viewBox[b + 3];
            if (!viewEmpty[i] && diskMeetsBox && within(ex, ey, rangeM + u)) {
                if (u < 1e-3) {
                    share = locators[i].locate(x.getCoordinate()) != Location.EXTERIOR ? 1 : 0;
                } else {
                    if (outdoor < 0) outdoor = outdoorDiskArea(sc, px, py, u);
                    double seen = viewPolygons.diskArea(i, px, py, u);
                    // below a square millimetre is rounding noise of the exact area, not sight
                    share = outdoor > 1e-6 && seen > 1e-6 ? Math.min(1, seen / outdoor) : 0;
                }
            }
            if (share > 0) {
                sc.add(i, Suggestion.Role.SEES, share, Math.hypot(ex, ey), 0);
            } else if (approachTargets[i] != null && !viewEmpty[i] && boxWithin(b, px, py, approach)) {
                double gap = approachTargets[i].distanceWithin(px, py, approach);
                if (gap <= approach) sc.add(i, Suggestion.Role.APPROACH, 0, Math.hypot(ex, ey), gap);
            }
        }
        // every candidate's footage time, angle and score, then the first `top` in ORDER by a stable
        // selection (equal candidates keep their found order, as a stable sort would); only those
        // get a reason
        for (int j = 0; j < sc.count; j++) {
            int i = sc.cam[j];
            Camera c = cams[i];
            Instant until = occurredAt.plus(Duration.ofDays(c.retentionDays()));
            sc.until[j] = until;
            sc.expired[j] = now.isAfter(until);
            double off = offAxis(c, px - camX[i], py - camY[i]);
            sc.off[j] = off;
            sc.score[j] = sc.role[j] == Suggestion.Role.SEES
                    ? score(sc.share[j], sc.d[j], off, c)
                    : 0.25 * (1 - Math.min(1, sc.gap[j] / Math.max(1e-9, approach)));
            sc.taken[j] = false;
        }
        int n = Math.min(o.top(), sc.count);
        List<Suggestion> ranked = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int best = -1;
            for (int j = 0; j < sc.count; j++) {
                if (!sc.taken[j] && (best < 0 || sc.before(j, best, cams))) best = j;
            }
            sc.taken[best] = true;
            ranked.add(suggestion(sc, best, incidentId, r + 1));
        }
        return ranked;
    }

    private Suggestion suggestion(Scratch sc, int j, String incidentId, int rank) {
        Camera c = cams[sc.cam[j]];
        Suggestion.Access access = c.liveFeed() ? Suggestion.Access.LIVE : Suggestion.Access.REQUEST;
        boolean sees = sc.role[j] == Suggestion.Role.SEES;
        String day = access == Suggestion.Access.LIVE && !sc.expired[j] ? null : sc.day(sc.until[j]);
        String reason = sees
                ? Reasons.sees(sc.share[j], sc.d[j], access, day, sc.expired[j])
                : Reasons.approach(sc.gap[j], approachPrefix[sc.cam[j]], access, day, sc.expired[j]);
        return new Suggestion(
                incidentId,
                rank,
                c.id(),
                c.kind(),
                access,
                sees ? sc.share[j] : 0,
                sc.d[j],
                sc.off[j],
                sc.until[j],
                sc.role[j],
                sc.expired[j],
                sc.score[j],
                reason);
    }

    /**
     * Whether hypot(dx, dy) ≤ limit, deciding by the squares when that is clear by a wide margin
     * and by Math.hypot itself otherwise (the same value the ranking then uses).
     */
    private static boolean within(double dx, double dy, double limit) {
        double d2 = dx * dx + dy * dy;
        double lo = limit * (1 - 1e-12), hi = limit * (1 + 1e-12);
        if (d2 < lo * lo) return true;
        if (d2 > hi * hi) return false;
        return Math.hypot(dx, dy) <= limit;
    }

    /** Whether the point is within {@code limit} of camera i's approach box. */
    private boolean boxWithin(int b, double x, double y, double limit) {
        double dx = Math.max(0, Math.max(approachBox[b] - x, x - approachBox[b + 2]));
        double dy = Math.max(0, Math.max(approachBox[b + 1] - y, y - approachBox[b + 3]));
        return within(dx, dy, limit);
    }

    /** Per-thread query state: grid cursors and the candidates of the current query. */
    private static final class Scratch {
        final GridIndex.Cursor reach;
        final GridIndex.Cursor footprints;
        int count;
        int[] cam = new int[16];
        Suggestion.Role[] role = new Suggestion.Role[16];
        double[] share = new double[16], d = new double[16], gap = new double[16];
        double[] off = new double[16], score = new double[16];
        Instant[] until = new Instant[16];
        boolean[] expired = new boolean[16], taken = new boolean[16];

        /** Recent days as yyyy-MM-dd, by epoch day (a query's suggestions share a few days). */
        final long[] dayKey = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};

        final String[] dayText = new String[4];

        String day(Instant t) {
            long epochDay = Math.floorDiv(t.getEpochSecond(), 86_400L);
            int slot = (int) (epochDay & 3);
            if (dayKey[slot] != epochDay) {
                dayText[slot] = Reasons.day(t);
                dayKey[slot] = epochDay;
            }
            return dayText[slot];
        }

        Scratch(GridIndex.Cursor reach, GridIndex.Cursor footprints) {
            this.reach = reach;
            this.footprints = footprints;
        }

        void add(int camera, Suggestion.Role r, double s, double dist, double g) {
            if (count == cam.length) {
                int m = 2 * count;
                cam = Arrays.copyOf(cam, m);
                role = Arrays.copyOf(role, m);
                share = Arrays.copyOf(share, m);
                d = Arrays.copyOf(d, m);
                gap = Arrays.copyOf(gap, m);
                off = Arrays.copyOf(off, m);
                score = Arrays.copyOf(score, m);
                until = Arrays.copyOf(until, m);
                expired = Arrays.copyOf(expired, m);
                taken = Arrays.copyOf(taken, m);
            }
            cam[count] = camera;
            role[count] = r;
            share[count] = s;
            d[count] = dist;
            gap[count] = g;
            count++;
        }

        /** Candidate a strictly before b in {@link #ORDER}. */
        boolean before(int a, int b, Camera[] cams) {
            if (expired[a] != expired[b]) return !expired[a];
            if (role[a] != role[b]) return role[a].compareTo(role[b]) < 0;
            boolean liveA = cams[cam[a]].liveFeed(), liveB = cams[cam[b]].liveFeed();
            if (liveA != liveB) return liveA;
            int c = Double.compare(score[b], score[a]);
            if (c != 0) return c < 0;
            c = Double.compare(d[a], d[b]);
            if (c != 0) return c < 0;
            return cams[cam[a]].id().compareTo(cams[cam[b]].id()) < 0;
        }
    }

    /** Ranks every incident; {@code now} gives the query time per incident (e.g. its own time). */
    public List<List<Suggestion>> rankAll(
            List<Incident> incidents, Function<Incident, Instant> now, DispatchOptions o, boolean parallel) {
        IntStream idx = IntStream.range(0, incidents.size());
        if (parallel) idx = idx.parallel();
        @SuppressWarnings("unchecked")
        List<Suggestion>[] out = new List[incidents.size()];
        idx.forEach(k -> {
            Incident inc = incidents.get(k);
            out[k] = rank(inc.id(), inc.position(), inc.occurredAt(), now.apply(inc), o);
        });
        return List.of(out);
    }

    public int cameras() {
        return cameras.size();
    }

    static final Comparator<Suggestion> ORDER = Comparator.comparing(Suggestion::expired)
            .thenComparing(Suggestion::role)
            .thenComparing(Suggestion::access)
            .thenComparing(Comparator.comparingDouble(Suggestion::score).reversed())
            .thenComparing(Suggestion::distanceM)
            .thenComparing(Suggestion::cameraId);

    /** Distance from a point to a box (0 inside): a lower bound of the distance to what it holds. */
    private static double boxDistance(Envelope e, double x, double y) {
        double dx = Math.max(0, Math.max(e.getMinX() - x, x - e.getMaxX()));
        double dy = Math.max(0, Math.max(e.getMinY() - y, y - e.getMaxY()));
        return Math.hypot(dx, dy);
    }

    /**
     * πu² minus the footprints' parts of the disk. The footprints are numbered (and packed) in the
     * leaf order of an STRtree over them, a spatial order, and each query sums its footprints in that
     * order, so the sum does not depend on the grid.
     */
    private double outdoorDiskArea(Scratch sc, double px, double py, double u) {
        double area = Math.PI * u * u;
        GridIndex.Cursor cur = sc.footprints;
        cur.query(px - u, py - u, px + u, py + u);
        Arrays.sort(cur.found, 0, cur.count);
        for (int k = 0; k < cur.count; k++) area -= footprintPolygons.diskArea(cur.found[k], px, py, u);
        return Math.max(0, area);
    }

    /** Angle between the optical axis and the bearing to the incident (grid bearings), [0, 180]. */
    static double offAxis(Camera c, double dx, double dy) {
        if (c.isFullCircle() || (dx == 0 && dy == 0)) return 0;
        double bearing = Math.toDegrees(Math.atan2(dx, dy));
        double diff = Math.abs(((bearing - c.headingDeg()) % 360 + 540) % 360 - 180);
        return diff;
    }

    static double score(double share, double d, double off, Camera c) {
        double near = 1 - Math.min(1, d / c.rangeM());
        double axis = c.isFullCircle() ? 1 : 1 - Math.min(1, off / (c.fovDeg() / 2));
        return 0.6 * share + 0.25 * near + 0.15 * axis;
    }
}
