package org.sightline.engine.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.sightline.engine.geo.CircleArea;
import org.sightline.engine.geo.GridIndex;
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
 */
public final class DispatchIndex {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final double CELL = 128;

    private final List<DispatchCamera> cameras;
    private final GridIndex reach;
    private final IndexedPointInAreaLocator[] locators;
    private final IndexedFacetDistance[] approachTargets; // covered street pieces, or the viewshed
    private final Envelope[] viewEnvelopes;
    private final Envelope[] approachEnvelopes;
    private final String[] approachStreetName;
    private final List<Geometry> footprints;
    private final STRtree footprintIndex = new STRtree();
    private final boolean hasStreets;

    private DispatchIndex(
            List<DispatchCamera> cams,
            List<? extends Geometry> mergedFootprints,
            List<Street> streets,
            double approachM) {
        this.cameras = cams.stream().filter(c -> c.camera().active()).toList();
        this.hasStreets = !streets.isEmpty();
        int n = cameras.size();
        double[] x0 = new double[n], y0 = new double[n], x1 = new double[n], y1 = new double[n];
        for (int i = 0; i < n; i++) {
            Camera c = cameras.get(i).camera();
            double r = c.rangeM() + approachM;
            Coordinate p = c.position().getCoordinate();
            x0[i] = p.x - r;
            y0[i] = p.y - r;
            x1[i] = p.x + r;
            y1[i] = p.y + r;
        }
        this.reach = new GridIndex(CELL, x0, y0, x1, y1);
        GridIndex grid = this.reach;
        this.cursors = ThreadLocal.withInitial(grid::cursor);
        this.locators = new IndexedPointInAreaLocator[n];
        this.approachTargets = new IndexedFacetDistance[n];
        this.approachStreetName = new String[n];
        this.viewEnvelopes = new Envelope[n];
        this.approachEnvelopes = new Envelope[n];
        STRtree streetIndex = new STRtree();
        for (Street s : streets) streetIndex.insert(s.geometry().getEnvelopeInternal(), s);
        streetIndex.build();
        IntStream.range(0, n).parallel().forEach(i -> {
            Geometry v = cameras.get(i).viewshed();
            viewEnvelopes[i] = v.getEnvelopeInternal();
            locators[i] = new IndexedPointInAreaLocator(v);
            locators[i].locate(cameras.get(i).camera().position().getCoordinate()); // build the index now
            if (v.isEmpty()) return;
            if (!hasStreets) {
                approachTargets[i] = new IndexedFacetDistance(v);
                approachEnvelopes[i] = v.getEnvelopeInternal();
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
                approachTargets[i] = new IndexedFacetDistance(seenStreets);
                approachEnvelopes[i] = seenStreets.getEnvelopeInternal();
                approachStreetName[i] =
                        String.join(", ", names.stream().distinct().limit(2).toList());
            }
        });
        this.footprints = List.copyOf(mergedFootprints);
        for (Geometry f : footprints) footprintIndex.insert(f.getEnvelopeInternal(), f);
        footprintIndex.build();
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
    private final ThreadLocal<GridIndex.Cursor> cursors;

    /**
     * Ranks cameras for one incident.
     *
     * @param now the time of the query: cameras whose footage expired before it rank last
     */
    public List<Suggestion> rank(String incidentId, Point x, Instant occurredAt, Instant now, DispatchOptions o) {
        double px = x.getX(), py = x.getY(), u = o.uncertaintyM();
        GridIndex.Cursor cur = cursors.get();
        cur.query(px, py, px, py);
        List<Suggestion> out = new ArrayList<>();
        double outdoor = -1; // computed lazily: only when some camera is close enough to see
        for (int k = 0; k < cur.count; k++) {
            int i = cur.found[k];
            Camera c = cameras.get(i).camera();
            Coordinate cp = c.position().getCoordinate();
            double d = Math.hypot(px - cp.x, py - cp.y);
            if (d > c.rangeM() + o.approachM() + u) continue;
            Geometry v = cameras.get(i).viewshed();
            double share = 0;
            Envelope ve = viewEnvelopes[i];
            boolean diskMeetsBox = px + u >= ve.getMinX()
                    && px - u <= ve.getMaxX()
                    && py + u >= ve.getMinY()
                    && py - u <= ve.getMaxY();
            if (d <= c.rangeM() + u && !v.isEmpty() && diskMeetsBox) {
                if (u < 1e-3) {
                    share = locators[i].locate(x.getCoordinate()) != Location.EXTERIOR ? 1 : 0;
                } else {
                    if (outdoor < 0) outdoor = outdoorDiskArea(px, py, u);
                    double seen = CircleArea.of(px, py, u, v);
                    // below a square millimetre is rounding noise of the exact area, not sight
                    share = outdoor > 1e-6 && seen > 1e-6 ? Math.min(1, seen / outdoor) : 0;
                }
            }
            Instant until = occurredAt.plus(Duration.ofDays(c.retentionDays()));
            boolean expired = now.isAfter(until);
            double off = offAxis(c, px - cp.x, py - cp.y);
            Suggestion.Access access = c.liveFeed() ? Suggestion.Access.LIVE : Suggestion.Access.REQUEST;
            if (share > 0) {
                double score = score(share, d, off, c);
                out.add(new Suggestion(
                        incidentId,
                        0,
                        c.id(),
                        c.kind(),
                        access,
                        share,
                        d,
                        off,
                        until,
                        Suggestion.Role.SEES,
                        expired,
                        score,
                        seesReason(share, d, access, until, expired)));
            } else if (approachTargets[i] != null
                    && !v.isEmpty()
                    && boxDistance(approachEnvelopes[i], px, py) <= o.approachM()) {
                double gap = approachTargets[i].distance(x);
                if (gap <= o.approachM()) {
                    double score = 0.25 * (1 - Math.min(1, gap / Math.max(1e-9, o.approachM())));
                    out.add(new Suggestion(
                            incidentId,
                            0,
                            c.id(),
                            c.kind(),
                            access,
                            0,
                            d,
                            off,
                            until,
                            Suggestion.Role.APPROACH,
                            expired,
                            score,
                            approachReason(gap, approachStreetName[i], access, until, expired)));
                }
            }
        }
        out.sort(ORDER);
        int n = Math.min(o.top(), out.size());
        List<Suggestion> ranked = new ArrayList<>(n);
        for (int r = 0; r < n; r++) ranked.add(out.get(r).withRank(r + 1));
        return ranked;
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

    private double outdoorDiskArea(double px, double py, double u) {
        double area = Math.PI * u * u;
        @SuppressWarnings("unchecked")
        List<Geometry> near = footprintIndex.query(new Envelope(px - u, px + u, py - u, py + u));
        for (Geometry f : near) area -= CircleArea.of(px, py, u, f);
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

    private static String seesReason(double share, double d, Suggestion.Access access, Instant until, boolean expired) {
        String what = share >= 0.995
                ? String.format(Locale.ROOT, "sees the incident at %.0f m", d)
                : String.format(Locale.ROOT, "sees %.0f%% of the area around the incident at %.0f m", 100 * share, d);
        return what + ", " + accessText(access, until, expired);
    }

    private static String approachReason(
            double gap, String street, Suggestion.Access access, Instant until, boolean expired) {
        String where = street == null
                ? String.format(Locale.ROOT, "does not see the incident but covers ground %.0f m from it", gap)
                : String.format(Locale.ROOT, "covers the approach on %s, %.0f m from the incident", street, gap);
        return where + ", " + accessText(access, until, expired);
    }

    private static String accessText(Suggestion.Access access, Instant until, boolean expired) {
        if (expired) return "footage expired on " + DAY.format(until);
        return access == Suggestion.Access.LIVE
                ? "live feed"
                : "owner request, footage kept until " + DAY.format(until);
    }
}
