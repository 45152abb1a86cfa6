package org.sightline.engine.dispatch;

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
import org.sightline.engine.geo.PackedPolygons;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.model.Incident;
import org.sightline.engine.model.Street;

/**
 * The dispatcher's ranking (DESIGN.md, "Dispatch ranking"), built once, then queried per incident.
 *
 * <p>Candidates are active cameras within range + uncertainty (+ the approach distance for approach
 * suggestions) of the incident, found through a grid over camera reach (range + the approach
 * distance of the build; a query with a larger uncertainty or approach also reads the cells
 * around). For each, the visible share is the exact area of the uncertainty disk inside the
 * viewshed ({@link CircleArea}) divided by the disk's outdoor area (disk minus nearby
 * footprints). Order: cameras that see the incident, then approach cameras; within each, live feed
 * before owner request, then score; cameras whose footage had expired at query time go last.
 * Queries are thread-safe.
 *
 * <p>Per query, nothing depends on JTS objects, and the layout is chosen for the cache: most of a
 * slow query's time used to be cache misses. The cameras' records are copied into every reach cell
 * they touch ({@link CellTable}), so a query reads one cell's records side by side; each viewshed,
 * approach target (covered street pieces, {@link FacetDistance}, the same distance as JTS's
 * IndexedFacetDistance) and footprint is one contiguous block of a shared array
 * ({@link PackedPolygons}); a first pass over the cameras in reach reads ahead the blocks the second
 * pass computes on, so their misses overlap. Distances are compared by their squares unless a
 * comparison is a close call, and the returned suggestions format their reason text only when it
 * is asked for. DispatchIndexReferenceTest checks the whole ranking against a plain implementation
 * of the same rules on random scenes.
 */
public final class DispatchIndex {
    private static final double CELL = 128;
    private static final double FOOTPRINT_CELL = 32;

    /*
     * Reach records: for each reach cell, the records of the cameras whose reach box touches it, in
     * camera order, REC doubles each. A query reads one cell's records, side by side in memory.
     */
    private static final int REC = 18;
    private static final int BOX = 0; // reach box minX, minY, maxX, maxY (the grid's box test)
    private static final int X = 4, Y = 5, RANGE = 6;
    private static final int VIEW_BOX = 7; // minX, minY, maxX, maxY of the viewshed
    private static final int APPROACH_BOX = 11; // … of the approach target
    private static final int CAM = 15;
    private static final int VIEW_AT = 16; // the viewshed's block in viewData, −1 when it is empty
    private static final int FACETS_AT = 17; // the approach target's block in facetData, −1 without one

    /* Per camera, what ranking the candidates needs: INFO doubles at INFO·i. */
    private static final int INFO = 8;
    private static final int AXIS_X = 0, FOV = 1, RANGE_M = 2, RETENTION = 3, LIVE = 4, FULL = 5, ID_RANK = 6;
    private static final int AXIS_Y = 7; // (AXIS_X, AXIS_Y): the optical axis as a unit vector (grid bearings)

    /* Footprint entries: per footprint cell, ENTRY doubles per footprint (box, then its block). */
    private static final int ENTRY = 5;

    private final List<DispatchCamera> cameras;
    private final Camera[] cams;
    private final String[] ids;
    private final CameraKind[] kinds;
    private final IndexedPointInAreaLocator[] locators;

    private final CellTable reachCells;
    /** The approach distance the reach cells were built with: reach = range + this. */
    private final double reachApproach;

    private final double[] records;
    private final double[] info;
    /** Viewsheds as {@link PackedPolygons} blocks, camera after camera. */
    private final double[] viewData;
    /** Approach targets (covered street pieces, or the viewshed) as {@link FacetDistance} blocks. */
    private final double[] facetData;

    /** "covers the approach on Tryon St, " for cameras that cover named streets, else null. */
    private final String[] approachPrefix;

    private final CellTable footprintCells;
    private final double[] footprintEntries;
    /** Footprints as {@link PackedPolygons} blocks in the leaf order of an STRtree over them. */
    private final double[] footprintData;

    private DispatchIndex(
            List<DispatchCamera> dcams,
            List<? extends Geometry> mergedFootprints,
            List<Street> streets,
            double approachM) {
        this.cameras = dcams.stream().filter(c -> c.camera().active()).toList();
        boolean hasStreets = !streets.isEmpty();
        int n = cameras.size();
        this.cams = new Camera[n];
        this.ids = new String[n];
        this.kinds = new CameraKind[n];
        Geometry[] views = new Geometry[n];
        double[] x0 = new double[n], y0 = new double[n], x1 = new double[n], y1 = new double[n];
        double[] cam = new double[REC * n]; // camera i's record, copied to every cell it reaches
        this.info = new double[INFO * n];
        for (int i = 0; i < n; i++) {
            Camera c = cameras.get(i).camera();
            cams[i] = c;
            ids[i] = c.id();
            kinds[i] = c.kind();
            views[i] = cameras.get(i).viewshed();
            double r = c.rangeM() + approachM;
            Coordinate p = c.position().getCoordinate();
            x0[i] = p.x - r;
            y0[i] = p.y - r;
            x1[i] = p.x + r;
            y1[i] = p.y + r;
            int b = REC * i;
            cam[b + BOX] = x0[i];
            cam[b + BOX + 1] = y0[i];
            cam[b + BOX + 2] = x1[i];
            cam[b + BOX + 3] = y1[i];
            cam[b + X] = p.x;
            cam[b + Y] = p.y;
            cam[b + RANGE] = c.rangeM();
            cam[b + CAM] = i;
            int f = INFO * i;
            double heading = Math.toRadians(c.headingDeg());
            info[f + AXIS_X] = Math.sin(heading);
            info[f + AXIS_Y] = Math.cos(heading);
            info[f + FOV] = c.fovDeg();
            info[f + RANGE_M] = c.rangeM();
            info[f + RETENTION] = c.retentionDays();
            info[f + LIVE] = c.liveFeed() ? 1 : 0;
            info[f + FULL] = c.isFullCircle() ? 1 : 0;
        }
        // ties of the ranking go to the smaller id: its rank among the ids (equal ids, equal ranks)
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) byId[i] = i;
        Arrays.sort(byId, (a, b) -> cams[a].id().compareTo(cams[b].id()));
        for (int k = 0, rank = 0; k < n; k++) {
            if (k > 0 && !cams[byId[k]].id().equals(cams[byId[k - 1]].id())) rank = k;
            info[INFO * byId[k] + ID_RANK] = rank;
        }
        this.locators = new IndexedPointInAreaLocator[n];
        FacetDistance[] approachTargets = new FacetDistance[n];
        this.approachPrefix = new String[n];
        STRtree streetIndex = new STRtree();
        for (Street s : streets) streetIndex.insert(s.geometry().getEnvelopeInternal(), s);
        streetIndex.build();
        IntStream.range(0, n).parallel().forEach(i -> {
            Geometry v = views[i];
            box(cam, REC * i + VIEW_BOX, v.getEnvelopeInternal());
            box(cam, REC * i + APPROACH_BOX, new Envelope());
            locators[i] = new IndexedPointInAreaLocator(v);
            locators[i].locate(cams[i].position().getCoordinate()); // build the index now
            if (v.isEmpty()) return;
            if (!hasStreets) {
                approachTargets[i] = FacetDistance.of(v);
                box(cam, REC * i + APPROACH_BOX, v.getEnvelopeInternal());
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
                box(cam, REC * i + APPROACH_BOX, seenStreets.getEnvelopeInternal());
                approachPrefix[i] = Reasons.approachPrefix(
                        String.join(", ", names.stream().distinct().limit(2).toList()));
            }
        });
        // viewsheds and approach targets packed camera after camera; records point at their blocks
        long viewLength = 0, facetLength = 0;
        for (int i = 0; i < n; i++) {
            cam[REC * i + VIEW_AT] = views[i].isEmpty() ? -1 : viewLength;
            if (!views[i].isEmpty()) viewLength += PackedPolygons.blockLength(views[i]);
            cam[REC * i + FACETS_AT] = approachTargets[i] == null || views[i].isEmpty() ? -1 : facetLength;
            if (cam[REC * i + FACETS_AT] >= 0) facetLength += approachTargets[i].block().length;
        }
        this.viewData = new double[Math.toIntExact(viewLength)];
        this.facetData = new double[Math.toIntExact(facetLength)];
        for (int i = 0; i < n; i++) {
            if (cam[REC * i + VIEW_AT] >= 0) PackedPolygons.write(views[i], viewData, (int) cam[REC * i + VIEW_AT]);
            if (cam[REC * i + FACETS_AT] >= 0) {
                double[] block = approachTargets[i].block();
                System.arraycopy(block, 0, facetData, (int) cam[REC * i + FACETS_AT], block.length);
            }
        }
        this.reachCells = new CellTable(CELL, x0, y0, x1, y1);
        this.reachApproach = approachM;
        int[] reachEntries = reachCells.entries;
        this.records = new double[REC * reachEntries.length];
        for (int e = 0; e < reachEntries.length; e++)
            System.arraycopy(cam, REC * reachEntries[e], records, REC * e, REC);

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
        int m = leafOrder.size();
        double[] fx0 = new double[m], fy0 = new double[m], fx1 = new double[m], fy1 = new double[m];
        int[] footprintAt = new int[m];
        long footprintLength = 0;
        for (int k = 0; k < m; k++) {
            Envelope e = leafOrder.get(k).getEnvelopeInternal();
            fx0[k] = e.getMinX();
            fy0[k] = e.getMinY();
            fx1[k] = e.getMaxX();
            fy1[k] = e.getMaxY();
            footprintAt[k] = Math.toIntExact(footprintLength);
            footprintLength += PackedPolygons.blockLength(leafOrder.get(k));
        }
        this.footprintData = new double[Math.toIntExact(footprintLength)];
        for (int k = 0; k < m; k++) PackedPolygons.write(leafOrder.get(k), footprintData, footprintAt[k]);
        this.footprintCells = new CellTable(FOOTPRINT_CELL, fx0, fy0, fx1, fy1);
        int[] fe = footprintCells.entries;
        this.footprintEntries = new double[ENTRY * fe.length];
        for (int e = 0; e < fe.length; e++) {
            int k = fe[e];
            footprintEntries[ENTRY * e] = fx0[k];
            footprintEntries[ENTRY * e + 1] = fy0[k];
            footprintEntries[ENTRY * e + 2] = fx1[k];
            footprintEntries[ENTRY * e + 3] = fy1[k];
            footprintEntries[ENTRY * e + 4] = footprintAt[k];
        }
        this.scratch = ThreadLocal.withInitial(Scratch::new);
    }

    private static void box(double[] boxes, int b, Envelope e) {
        boxes[b] = e.isNull() ? Double.POSITIVE_INFINITY : e.getMinX();
        boxes[b + 1] = e.isNull() ? Double.POSITIVE_INFINITY : e.getMinY();
        boxes[b + 2] = e.isNull() ? Double.NEGATIVE_INFINITY : e.getMaxX();
        boxes[b + 3] = e.isNull() ? Double.NEGATIVE_INFINITY : e.getMaxY();
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
        sc.count = 0;
        // a camera can matter up to range + max(u, approach) away; the reach cells list the cameras up
        // to range + the build's approach, so a larger u (or approach) also reads the cells around
        double slack = Math.max(0, Math.max(u, approach) - reachApproach);
        int cx0 = reachCells.cellOf(px - slack), cx1 = reachCells.cellOf(px + slack);
        int cy0 = reachCells.cellOf(py - slack), cy1 = reachCells.cellOf(py + slack);
        boolean several = cx0 != cx1 || cy0 != cy1;
        if (several) sc.newStamp(cams.length);
        double[] rec = records;
        // first the cameras in reach, touching the blocks the second pass will read: their cache
        // misses then overlap instead of following one another
        int near = 0;
        boolean sight = false;
        double touch = 0;
        for (int cx = cx0; cx <= cx1; cx++) {
            for (int cy = cy0; cy <= cy1; cy++) {
                long cell = reachCells.range(cx, cy);
                for (int e = (int) (cell >>> 32), end = (int) cell; e < end; e++) {
                    int b = REC * e;
                    // the reach box (camera ± range + the build's approach), widened by the slack,
                    // holds the point
                    if (rec[b + BOX + 2] + slack < px
                            || rec[b + BOX] - slack > px
                            || rec[b + BOX + 3] + slack < py
                            || rec[b + BOX + 1] - slack > py) continue;
                    // |(ex, ey)| ≤ range + approach + u, decided without a root unless it is a close call
                    if (!within(px - rec[b + X], py - rec[b + Y], rec[b + RANGE] + approach + u)) continue;
                    int i = (int) rec[b + CAM];
                    if (several && !sc.firstTime(i)) continue; // met in an earlier cell
                    sc.near(near++, b);
                    int viewAt = (int) rec[b + VIEW_AT], facetsAt = (int) rec[b + FACETS_AT];
                    if (viewAt >= 0 && sees(rec, b, px, py, u)) {
                        sight = true;
                        touch += viewData[viewAt];
                    }
                    if (facetsAt >= 0) touch += facetData[facetsAt];
                    touch += info[INFO * i];
                    if (ids[i] == null || kinds[i] == null) touch++;
                }
            }
        }
        sc.touch = touch;
        // computed only when some camera is close enough to see
        double outdoor = sight && u >= 1e-3 ? outdoorDiskArea(sc, px, py, u) : -1;
        for (int k = 0; k < near; k++) {
            int b = sc.near[k];
            double ex = px - rec[b + X], ey = py - rec[b + Y];
            double share = 0;
            int viewAt = (int) rec[b + VIEW_AT];
            if (viewAt >= 0 && sees(rec, b, px, py, u)) {
                if (u < 1e-3) {
                    share = locators[(int) rec[b + CAM]].locate(x.getCoordinate()) != Location.EXTERIOR ? 1 : 0;
                } else {
                    double seen = PackedPolygons.diskArea(viewData, viewAt, px, py, u);
                    // below a square millimetre is rounding noise of the exact area, not sight
                    share = outdoor > 1e-6 && seen > 1e-6 ? Math.min(1, seen / outdoor) : 0;
                }
            }
            int facetsAt = (int) rec[b + FACETS_AT];
            if (share > 0) {
                sc.add((int) rec[b + CAM], Suggestion.Role.SEES, share, distance(ex, ey), 0, ex, ey);
            } else if (facetsAt >= 0 && boxWithin(rec, b + APPROACH_BOX, px, py, approach)) {
                double gap = FacetDistance.distanceWithin(facetData, facetsAt, px, py, approach);
                if (gap <= approach)
                    sc.add((int) rec[b + CAM], Suggestion.Role.APPROACH, 0, distance(ex, ey), gap, ex, ey);
            }
        }
        // every candidate's footage time, angle and score, then the first `top` in ORDER by a stable
        // selection (equal candidates keep their found order, as a stable sort would); only those
        // become suggestions
        for (int j = 0; j < sc.count; j++) {
            int i = sc.cam[j], f = INFO * i;
            Instant until = occurredAt.plusSeconds((long) info[f + RETENTION] * 86_400L);
            sc.until[j] = until;
            sc.expired[j] = now.isAfter(until);
            sc.live[j] = info[f + LIVE] != 0;
            sc.idRank[j] = (int) info[f + ID_RANK];
            boolean full = info[f + FULL] != 0;
            double off = full ? 0 : angleTo(info[f + AXIS_X], info[f + AXIS_Y], sc.ex[j], sc.ey[j]);
            sc.off[j] = off;
            sc.score[j] = sc.role[j] == Suggestion.Role.SEES
                    ? score(sc.share[j], sc.d[j], off, info[f + RANGE_M], full, info[f + FOV])
                    : 0.25 * (1 - Math.min(1, sc.gap[j] / Math.max(1e-9, approach)));
            sc.taken[j] = false;
        }
        int n = Math.min(o.top(), sc.count);
        List<Suggestion> ranked = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int best = -1;
            for (int j = 0; j < sc.count; j++) {
                if (!sc.taken[j] && (best < 0 || sc.before(j, best))) best = j;
            }
            sc.taken[best] = true;
            ranked.add(suggestion(sc, best, incidentId, r + 1));
        }
        return ranked;
    }

    /** Candidate j as a suggestion; its reason is formatted when first asked for. */
    private Suggestion suggestion(Scratch sc, int j, String incidentId, int rank) {
        int i = sc.cam[j];
        Suggestion.Access access = sc.live[j] ? Suggestion.Access.LIVE : Suggestion.Access.REQUEST;
        boolean sees = sc.role[j] == Suggestion.Role.SEES;
        return Suggestion.ranked(
                incidentId,
                rank,
                ids[i],
                kinds[i],
                access,
                sees ? sc.share[j] : 0,
                sc.d[j],
                sc.off[j],
                sc.until[j],
                sc.role[j],
                sc.expired[j],
                sc.score[j],
                sc.gap[j],
                sees ? null : approachPrefix[i]);
    }

    /**
     * Whether the camera of record b may see the disk: it meets the viewshed's box and lies within
     * range + u of the camera.
     */
    private static boolean sees(double[] rec, int b, double px, double py, double u) {
        boolean diskMeetsBox = px + u >= rec[b + VIEW_BOX]
                && px - u <= rec[b + VIEW_BOX + 2]
                && py + u >= rec[b + VIEW_BOX + 1]
                && py - u <= rec[b + VIEW_BOX + 3];
        return diskMeetsBox && within(px - rec[b + X], py - rec[b + Y], rec[b + RANGE] + u);
    }

    /**
     * Whether {@link #distance}(dx, dy) ≤ limit, deciding by the squares when that is clear by a wide
     * margin and by the distance itself otherwise (the same value the ranking then uses).
     */
    private static boolean within(double dx, double dy, double limit) {
        double d2 = dx * dx + dy * dy;
        double lo = limit * (1 - 1e-12), hi = limit * (1 + 1e-12);
        if (d2 < lo * lo) return true;
        if (d2 > hi * hi) return false;
        return distance(dx, dy) <= limit;
    }

    /**
     * The length of (dx, dy): a square root, within an ulp of Math.hypot (a slow library call on
     * Java 17) for the metre-scale values of a city.
     */
    private static double distance(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Whether the point is within {@code limit} of the box at boxes[b …] (minX, minY, maxX, maxY). */
    private static boolean boxWithin(double[] boxes, int b, double x, double y, double limit) {
        double dx = Math.max(0, Math.max(boxes[b] - x, x - boxes[b + 2]));
        double dy = Math.max(0, Math.max(boxes[b + 1] - y, y - boxes[b + 3]));
        return within(dx, dy, limit);
    }

    /** Per-thread query state: the candidates of the current query and the footprints near it. */
    private static final class Scratch {
        int count;
        int[] cam = new int[16];
        Suggestion.Role[] role = new Suggestion.Role[16];
        double[] share = new double[16], d = new double[16], gap = new double[16];
        double[] ex = new double[16], ey = new double[16];
        double[] off = new double[16], score = new double[16];
        Instant[] until = new Instant[16];
        boolean[] expired = new boolean[16], taken = new boolean[16], live = new boolean[16];
        int[] idRank = new int[16];
        /** Blocks of the footprints near the point, in footprintData order. */
        int[] footprints = new int[64];

        /** Records of the cameras in reach. */
        int[] near = new int[16];

        /** Cells of the footprints near the point, as CellTable ranges. */
        long[] cells = new long[16];

        /** Cameras already met in this query (== stamp), when it reads several reach cells. */
        int[] met = new int[0];

        int stamp;

        void newStamp(int cameras) {
            if (met.length < cameras || stamp == Integer.MAX_VALUE) {
                met = new int[cameras];
                stamp = 0;
            }
            stamp++;
        }

        /** Whether camera i is met for the first time since {@link #newStamp}. */
        boolean firstTime(int i) {
            if (met[i] == stamp) return false;
            met[i] = stamp;
            return true;
        }

        /** Sum of the values read ahead of use (kept so that the reads stay). */
        double touch;

        void near(int k, int record) {
            if (k == near.length) near = Arrays.copyOf(near, 2 * k);
            near[k] = record;
        }

        void add(int camera, Suggestion.Role r, double s, double dist, double g, double dx, double dy) {
            if (count == cam.length) {
                int m = 2 * count;
                cam = Arrays.copyOf(cam, m);
                role = Arrays.copyOf(role, m);
                share = Arrays.copyOf(share, m);
                d = Arrays.copyOf(d, m);
                gap = Arrays.copyOf(gap, m);
                ex = Arrays.copyOf(ex, m);
                ey = Arrays.copyOf(ey, m);
                off = Arrays.copyOf(off, m);
                score = Arrays.copyOf(score, m);
                until = Arrays.copyOf(until, m);
                expired = Arrays.copyOf(expired, m);
                taken = Arrays.copyOf(taken, m);
                live = Arrays.copyOf(live, m);
                idRank = Arrays.copyOf(idRank, m);
            }
            cam[count] = camera;
            role[count] = r;
            share[count] = s;
            d[count] = dist;
            gap[count] = g;
            ex[count] = dx;
            ey[count] = dy;
            count++;
        }

        /** Candidate a strictly before b in {@link #ORDER} (the camera id compared by its rank). */
        boolean before(int a, int b) {
            if (expired[a] != expired[b]) return !expired[a];
            if (role[a] != role[b]) return role[a].compareTo(role[b]) < 0;
            if (live[a] != live[b]) return live[a];
            int c = Double.compare(score[b], score[a]);
            if (c != 0) return c < 0;
            c = Double.compare(d[a], d[b]);
            if (c != 0) return c < 0;
            return idRank[a] < idRank[b];
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

    /**
     * πu² minus the footprints' parts of the disk. The footprints are numbered (and packed) in the
     * leaf order of an STRtree over them, a spatial order, and each query sums its footprints in that
     * order, so the sum does not depend on the grid.
     */
    private double outdoorDiskArea(Scratch sc, double px, double py, double u) {
        double area = Math.PI * u * u;
        double x0 = px - u, y0 = py - u, x1 = px + u, y1 = py + u;
        int cx0 = footprintCells.cellOf(x0), cx1 = footprintCells.cellOf(x1);
        int cy0 = footprintCells.cellOf(y0), cy1 = footprintCells.cellOf(y1);
        double[] fe = footprintEntries;
        // the cells' ranges, then their entries, then the footprints' blocks: each step's reads are
        // independent of one another, so their cache misses overlap
        long cellCount = (long) (cx1 - cx0 + 1) * (cy1 - cy0 + 1);
        if (cellCount > sc.cells.length) sc.cells = new long[(int) Math.min(Integer.MAX_VALUE - 8, 2 * cellCount)];
        long[] cells = sc.cells;
        int c = 0;
        double touch = 0;
        for (int cx = cx0; cx <= cx1; cx++) {
            for (int cy = cy0; cy <= cy1; cy++) {
                long cell = footprintCells.range(cx, cy);
                cells[c++] = cell;
                if ((int) (cell >>> 32) < (int) cell) touch += fe[ENTRY * (int) (cell >>> 32)];
            }
        }
        int[] found = sc.footprints;
        int count = 0;
        for (int k = 0; k < c; k++) {
            for (int e = (int) (cells[k] >>> 32), end = (int) cells[k]; e < end; e++) {
                int b = ENTRY * e;
                if (fe[b + 2] < x0 || fe[b] > x1 || fe[b + 3] < y0 || fe[b + 1] > y1) continue;
                if (count == found.length) sc.footprints = found = Arrays.copyOf(found, 2 * count);
                found[count++] = (int) fe[b + 4];
                touch += footprintData[found[count - 1]];
            }
        }
        sc.touch += touch;
        // blocks ascend with the footprint number: sorted, a footprint met in several cells is
        // next to itself
        if (c > 1) Arrays.sort(found, 0, count);
        for (int k = 0; k < count; k++) {
            if (k > 0 && found[k] == found[k - 1]) continue;
            area -= PackedPolygons.diskArea(footprintData, found[k], px, py, u);
        }
        return Math.max(0, area);
    }

    /**
     * Angle between the optical axis and the bearing to the incident (grid bearings), [0, 180]: the
     * plain formula from the bearing, kept for the reference test.
     */
    static double offAxis(Camera c, double dx, double dy) {
        if (c.isFullCircle() || (dx == 0 && dy == 0)) return 0;
        double bearing = Math.toDegrees(Math.atan2(dx, dy));
        return Math.abs(((bearing - c.headingDeg()) % 360 + 540) % 360 - 180);
    }

    /**
     * {@link #offAxis(Camera, double, double)} from the axis as a unit vector (ax, ay): the angle
     * between it and (dx, dy) in degrees, with one arctangent and no remainders (the same angle to
     * ≈ 1e-13°; DispatchIndexReferenceTest compares the two).
     */
    private static double angleTo(double ax, double ay, double dx, double dy) {
        if (dx == 0 && dy == 0) return 0;
        return Math.toDegrees(Math.atan2(Math.abs(ax * dy - ay * dx), ax * dx + ay * dy));
    }

    static double score(double share, double d, double off, Camera c) {
        return score(share, d, off, c.rangeM(), c.isFullCircle(), c.fovDeg());
    }

    private static double score(double share, double d, double off, double rangeM, boolean fullCircle, double fovDeg) {
        double near = 1 - Math.min(1, d / rangeM);
        double axis = fullCircle ? 1 : 1 - Math.min(1, off / (fovDeg / 2));
        return 0.6 * share + 0.25 * near + 0.15 * axis;
    }
}
