package org.sightline.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.engine.geo.CircleAreaAccess;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.model.Owner;
import org.sightline.engine.model.Street;

/**
 * The indexed ranking against a plain one written straight from DESIGN.md ("Dispatch ranking"):
 * every camera, the visible share as the disk's area inside the viewshed summed edge by edge over
 * JTS rings, the outdoor area over every footprint, approach distances with JTS's
 * {@code Geometry.distance}, reasons with {@code String.format}, and a full sort.
 */
class DispatchIndexReferenceTest {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Test
    void randomScenesRankAsThePlainDefinition() {
        int[] roles = new int[2];
        for (long seed = 1; seed <= 24; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            List<Geometry> buildings = new ArrayList<>();
            for (int k = 0; k < 25; k++) {
                double x = rnd.nextDouble(0, 400), y = rnd.nextDouble(0, 400);
                buildings.add(Geometries.FACTORY.toGeometry(
                        new Envelope(x, x + rnd.nextDouble(5, 40), y, y + rnd.nextDouble(5, 40))));
            }
            Geometry built = UnaryUnionOp.union(buildings);
            List<Geometry> merged = new ArrayList<>();
            for (int k = 0; k < built.getNumGeometries(); k++) merged.add(built.getGeometryN(k));
            List<DispatchCamera> cams = new ArrayList<>();
            for (int k = 0; k < 30; k++) {
                double x = rnd.nextDouble(0, 400), y = rnd.nextDouble(0, 400);
                if (SimplePointInAreaLocator.locate(new Coordinate(x, y), built) != Location.EXTERIOR) continue;
                double heading = rnd.nextInt(8) * 45.0 + (rnd.nextBoolean() ? 0 : rnd.nextDouble(0, 45));
                double fov = rnd.nextInt(6) == 0 ? 360 : rnd.nextDouble(40, 120);
                double range = rnd.nextDouble(30, 120);
                Camera c = new Camera(
                        "c" + k,
                        Geometries.point(x, y),
                        heading,
                        fov,
                        range,
                        3,
                        rnd.nextBoolean() ? CameraKind.BUSINESS : CameraKind.RESIDENT,
                        rnd.nextBoolean(),
                        1 + rnd.nextInt(30),
                        rnd.nextInt(10) > 0,
                        false,
                        Owner.NONE);
                Geometry view = fov == 360
                        ? Geometries.point(x, y).buffer(range, 16)
                        : DispatchIndexTest.wedge(x, y, heading, fov, range);
                cams.add(new DispatchCamera(c, view.difference(built)));
            }
            List<Street> streets = new ArrayList<>();
            if (seed % 2 == 0) {
                for (int k = 0; k < 6; k++) {
                    double a = rnd.nextDouble(0, 400);
                    Coordinate[] line = k % 2 == 0
                            ? new Coordinate[] {
                                new Coordinate(-50, a), new Coordinate(200, a + 9), new Coordinate(450, a)
                            }
                            : new Coordinate[] {new Coordinate(a, -50), new Coordinate(a, 450)};
                    streets.add(new Street(
                            "s" + k, k == 3 ? "" : "Street " + k, Geometries.FACTORY.createLineString(line)));
                }
            }
            DispatchIndex index = DispatchIndex.build(cams, merged, streets, 200);
            List<Approach> approaches = new ArrayList<>();
            for (DispatchCamera dc : cams) approaches.add(Approach.of(dc.viewshed(), streets));
            Instant t = Instant.parse("2025-03-01T10:00:00Z");
            for (int q = 0; q < 100; q++) {
                Point x;
                int kind = rnd.nextInt(6);
                if (kind == 0 && !cams.isEmpty()) { // on a camera
                    x = cams.get(rnd.nextInt(cams.size())).camera().position();
                } else if (kind == 1) { // on a building's corner
                    Coordinate v = merged.get(rnd.nextInt(merged.size())).getCoordinates()[0];
                    x = Geometries.point(v.x, v.y);
                } else {
                    x = Geometries.point(rnd.nextDouble(-50, 450), rnd.nextDouble(-50, 450));
                }
                // 300: an uncertainty larger than the approach distance the index was built for
                double u = new double[] {0, 15, 15, 40, 7.5, 300}[rnd.nextInt(6)];
                // 250: an approach beyond the one the index was built for (200)
                double approach = new double[] {150, 60, 250}[rnd.nextInt(3)];
                DispatchOptions o = new DispatchOptions(u, approach, rnd.nextBoolean() ? 10 : 3);
                Instant now = t.plus(Duration.ofDays(rnd.nextInt(20)));
                String where = "seed " + seed + ", query " + q + " at " + x + ", " + o;
                List<Suggestion> want = reference(cams, merged, streets, approaches, "i" + q, x, t, now, o);
                List<Suggestion> got = index.rank("i" + q, x, t, now, o);
                assertThat(got).as(where).hasSameSizeAs(want);
                for (int r = 0; r < want.size(); r++) {
                    Suggestion g = got.get(r), w = want.get(r);
                    String at = where + ", rank " + (r + 1);
                    assertThat(g.cameraId()).as(at).isEqualTo(w.cameraId());
                    assertThat(g.rank()).as(at).isEqualTo(r + 1);
                    assertThat(g.role()).as(at).isEqualTo(w.role());
                    assertThat(g.access()).as(at).isEqualTo(w.access());
                    assertThat(g.expired()).as(at).isEqualTo(w.expired());
                    assertThat(g.footageUntil()).as(at).isEqualTo(w.footageUntil());
                    assertThat(g.visibleShare()).as(at).isCloseTo(w.visibleShare(), within(1e-9));
                    assertThat(g.distanceM()).as(at).isCloseTo(w.distanceM(), within(1e-9));
                    assertThat(g.offAxisDeg()).as(at).isCloseTo(w.offAxisDeg(), within(1e-9));
                    assertThat(g.score()).as(at).isCloseTo(w.score(), within(1e-9));
                    assertThat(g.reason()).as(at).isEqualTo(w.reason());
                    roles[g.role().ordinal()]++;
                }
            }
        }
        // the scenes do exercise both kinds of suggestion
        assertThat(roles[0]).isGreaterThan(300);
        assertThat(roles[1]).isGreaterThan(300);
    }

    /** The ranking as DESIGN.md states it, over every camera, with no index and no shortcut. */
    static List<Suggestion> reference(
            List<DispatchCamera> cams,
            List<Geometry> footprints,
            List<Street> streets,
            List<Approach> approaches,
            String id,
            Point x,
            Instant occurredAt,
            Instant now,
            DispatchOptions o) {
        double px = x.getX(), py = x.getY(), u = o.uncertaintyM();
        double outdoor = Math.PI * u * u;
        for (Geometry f : footprints) outdoor -= diskArea(px, py, u, f);
        outdoor = Math.max(0, outdoor);
        List<Suggestion> out = new ArrayList<>();
        for (int k = 0; k < cams.size(); k++) {
            DispatchCamera dc = cams.get(k);
            Camera c = dc.camera();
            if (!c.active()) continue;
            Geometry v = dc.viewshed();
            double d = Math.hypot(px - c.position().getX(), py - c.position().getY());
            if (d > c.rangeM() + o.approachM() + u) continue;
            double share = 0;
            if (d <= c.rangeM() + u && !v.isEmpty()) {
                if (u < 1e-3) {
                    share = SimplePointInAreaLocator.locate(x.getCoordinate(), v) != Location.EXTERIOR ? 1 : 0;
                } else {
                    double seen = diskArea(px, py, u, v);
                    share = outdoor > 1e-6 && seen > 1e-6 ? Math.min(1, seen / outdoor) : 0;
                }
            }
            Instant until = occurredAt.plus(Duration.ofDays(c.retentionDays()));
            boolean expired = now.isAfter(until);
            double off = DispatchIndex.offAxis(
                    c, px - c.position().getX(), py - c.position().getY());
            Suggestion.Access access = c.liveFeed() ? Suggestion.Access.LIVE : Suggestion.Access.REQUEST;
            String when = expired
                    ? "footage expired on " + DAY.format(until)
                    : access == Suggestion.Access.LIVE
                            ? "live feed"
                            : "owner request, footage kept until " + DAY.format(until);
            if (share > 0) {
                String what = share >= 0.995
                        ? String.format(Locale.ROOT, "sees the incident at %.0f m", d)
                        : String.format(
                                Locale.ROOT, "sees %.0f%% of the area around the incident at %.0f m", 100 * share, d);
                out.add(new Suggestion(
                        id,
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
                        DispatchIndex.score(share, d, off, c),
                        what + ", " + when));
                continue;
            }
            if (v.isEmpty()) continue;
            double gap;
            String street = null;
            if (streets.isEmpty()) {
                gap = v.getBoundary().distance(x);
            } else {
                Approach a = approaches.get(k);
                if (a == null) continue;
                gap = a.covered().distance(x);
                street = a.names();
            }
            if (gap > o.approachM()) continue;
            String where = street == null
                    ? String.format(Locale.ROOT, "does not see the incident but covers ground %.0f m from it", gap)
                    : String.format(Locale.ROOT, "covers the approach on %s, %.0f m from the incident", street, gap);
            out.add(new Suggestion(
                    id,
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
                    0.25 * (1 - Math.min(1, gap / Math.max(1e-9, o.approachM()))),
                    where + ", " + when));
        }
        out.sort(DispatchIndex.ORDER);
        List<Suggestion> ranked = new ArrayList<>();
        for (int r = 0; r < Math.min(o.top(), out.size()); r++)
            ranked.add(out.get(r).withRank(r + 1));
        return ranked;
    }

    /** The streets a viewshed covers: their pieces inside it and up to two names (ids if unnamed). */
    record Approach(Geometry covered, String names) {
        static Approach of(Geometry v, List<Street> streets) {
            List<Geometry> pieces = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Street> sorted = new ArrayList<>(streets);
            sorted.sort(Comparator.comparing(Street::id));
            for (Street s : sorted) {
                Geometry seenStreet = s.geometry().intersection(v);
                if (!seenStreet.isEmpty() && seenStreet.getLength() > 0) {
                    pieces.add(seenStreet);
                    names.add(s.name().isBlank() ? s.id() : s.name());
                }
            }
            if (pieces.isEmpty()) return null;
            return new Approach(
                    Geometries.FACTORY.buildGeometry(pieces),
                    String.join(", ", names.stream().distinct().limit(2).toList()));
        }
    }

    /** area(disk ∩ g): the signed disk ∩ triangle(centre, a, b) of every edge, summed per ring. */
    static double diskArea(double cx, double cy, double r, Geometry g) {
        double total = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) continue;
            total += Math.abs(ringArea(cx, cy, r, p.getExteriorRing().getCoordinates()));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                total -= Math.abs(ringArea(cx, cy, r, p.getInteriorRingN(h).getCoordinates()));
            }
        }
        return Math.max(0, total);
    }

    private static double ringArea(double cx, double cy, double r, Coordinate[] ring) {
        double s = 0;
        for (int k = 0; k + 1 < ring.length; k++) {
            s += CircleAreaAccess.triangle(ring[k].x - cx, ring[k].y - cy, ring[k + 1].x - cx, ring[k + 1].y - cy, r);
        }
        return s;
    }
}
