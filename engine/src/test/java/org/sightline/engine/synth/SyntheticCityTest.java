package org.sightline.engine.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.IntersectionMatrix;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.geo.MetricCrs;

/** The small preset, generated once, checked layer by layer (metric checks in EPSG:32617). */
class SyntheticCityTest {
    @TempDir
    static Path dir;

    static CitySummary summary;
    static MetricCrs utm;
    static List<Geometry> footprints;

    @BeforeAll
    static void generate() {
        summary = SyntheticCity.generate(dir, SynthOptions.of("small", 1, 1));
        utm = MetricCrs.of(SyntheticCity.METRIC_CRS);
        footprints = new ArrayList<>();
        for (var f : GeneratedCity.features(dir.resolve("buildings.geojson")))
            footprints.add(utm.toMetric(f.geometry()));
    }

    @Test
    void sameSeedAndPresetGiveIdenticalBytes(@TempDir Path again) {
        SyntheticCity.generate(again, SynthOptions.of("small", 1, 1));
        for (String f : GeneratedCity.FILES) {
            assertThat(GeneratedCity.sha256(again.resolve(f))).as(f).isEqualTo(GeneratedCity.sha256(dir.resolve(f)));
        }
    }

    @Test
    void anotherSeedGivesAnotherCity(@TempDir Path other) {
        SyntheticCity.generate(other, SynthOptions.of("small", 2, 1));
        assertThat(GeneratedCity.sha256(other.resolve("buildings.geojson")))
                .isNotEqualTo(GeneratedCity.sha256(dir.resolve("buildings.geojson")));
    }

    @Test
    void smallPresetHasTheAdvertisedSize() throws Exception {
        assertThat(summary.buildings()).isBetween(2_000L, 5_000L);
        assertThat(summary.residentCameras()).isEqualTo(90);
        assertThat(summary.businessCameras()).isEqualTo(60);
        assertThat(summary.incidents()).isEqualTo(2_000);
        assertThat(summary.areas()).isEqualTo(10);
        assertThat(summary.areaKm2()).isBetween(3.0, 8.0);
        long bytes = 0;
        for (String f : GeneratedCity.FILES) bytes += Files.size(dir.resolve(f));
        assertThat(bytes).isLessThan(3_000_000);
        assertThat(GeneratedCity.features(dir.resolve("buildings.geojson"))).hasSize((int) summary.buildings());
        assertThat(GeneratedCity.features(dir.resolve("streets.geojson"))).hasSize((int) summary.streets());
    }

    @Test
    void everyBuildingIsAValidPolygonWithContractProperties() {
        var features = GeneratedCity.features(dir.resolve("buildings.geojson"));
        Set<String> ids = new HashSet<>();
        int unknownHeight = 0;
        Set<String> uses = new HashSet<>();
        for (var f : features) {
            assertThat(f.geometry().getGeometryType()).isEqualTo("Polygon");
            assertThat(new IsValidOp(f.geometry()).getValidationError())
                    .as(f.properties().toString())
                    .isNull();
            assertThat(ids.add(f.properties().get("building_id").asText())).isTrue();
            String use = f.properties().get("use").asText();
            uses.add(use);
            var h = f.properties().get("height_m");
            if (h.isNull()) {
                unknownHeight++;
                continue;
            }
            double m = h.asDouble();
            switch (use) {
                case "residential" -> assertThat(m).isBetween(3.0, 12.0);
                case "commercial" -> assertThat(m).isBetween(6.0, 180.0);
                default -> assertThat(m).isBetween(6.0, 25.0);
            }
        }
        for (Geometry g : footprints) assertThat(g.isValid()).isTrue();
        assertThat(uses).contains("residential", "commercial", "civic");
        assertThat(unknownHeight).isPositive().isLessThan(features.size() / 20);
    }

    @Test
    void footprintsOverlapOnlyAlongSharedWalls() {
        STRtree index = new STRtree();
        for (int i = 0; i < footprints.size(); i++)
            index.insert(footprints.get(i).getEnvelopeInternal(), i);
        int sharedWalls = 0;
        for (int i = 0; i < footprints.size(); i++) {
            Geometry a = footprints.get(i);
            for (Object o : index.query(a.getEnvelopeInternal())) {
                int j = (Integer) o;
                if (j <= i) continue;
                Geometry b = footprints.get(j);
                IntersectionMatrix m = a.relate(b);
                assertThat(m.get(Location.INTERIOR, Location.INTERIOR))
                        .as("footprints %d and %d overlap: %s", i, j, m)
                        .isLessThan(0);
                if (m.get(Location.BOUNDARY, Location.BOUNDARY) == 1) sharedWalls++;
            }
        }
        assertThat(sharedWalls).as("adjacent footprints sharing a wall").isGreaterThan(50);
    }

    @Test
    void camerasSitOnTheirBuildingsFacadeAndFollowTheContract() {
        STRtree index = new STRtree();
        for (Geometry g : footprints) index.insert(g.getEnvelopeInternal(), g);
        List<CSVRecord> cams = GeneratedCity.csv(dir.resolve("cameras.csv"));
        assertThat(cams).hasSize(150);
        int unknown = 0, resident = 0;
        for (CSVRecord c : cams) {
            Coordinate p = utm.toMetric(Double.parseDouble(c.get("lon")), Double.parseDouble(c.get("lat")));
            Point pt = Geometries.point(p.x, p.y);
            double best = Double.MAX_VALUE;
            var env = pt.getEnvelopeInternal();
            env.expandBy(2);
            for (Object o : index.query(env))
                best = Math.min(best, ((Geometry) o).getBoundary().distance(pt));
            assertThat(best).as(c.get("camera_id")).isLessThanOrEqualTo(1.0);
            boolean business = c.get("kind").equals("business");
            if (!business) resident++;
            assertThat(c.get("live_feed")).isEqualTo(business ? "true" : "false");
            int range = Integer.parseInt(c.get("range_m"));
            assertThat(range).isBetween(business ? 30 : 20, business ? 120 : 80);
            if (c.get("heading_deg").isEmpty()) {
                unknown++;
                assertThat(c.get("fov_deg")).isEmpty();
            } else {
                assertThat(Double.parseDouble(c.get("heading_deg"))).isBetween(0.0, 359.95);
                assertThat(Integer.parseInt(c.get("fov_deg"))).isBetween(60, 120);
            }
            assertThat(Integer.parseInt(c.get("retention_days"))).isBetween(3, 30);
            assertThat(c.get("status")).isIn("active", "inactive");
            assertThat(c.get("owner_email")).endsWith("@example.invalid");
            assertThat(c.get("owner_phone")).matches("555-01\\d\\d");
        }
        assertThat(resident).isEqualTo(90);
        assertThat(unknown).isLessThan(15);
    }

    @Test
    void cameraLooksAwayFromItsBuilding() {
        STRtree index = new STRtree();
        for (Geometry g : footprints) index.insert(g.getEnvelopeInternal(), g);
        for (CSVRecord c : GeneratedCity.csv(dir.resolve("cameras.csv"))) {
            if (c.get("heading_deg").isEmpty()) continue;
            Coordinate p = utm.toMetric(Double.parseDouble(c.get("lon")), Double.parseDouble(c.get("lat")));
            double h = Math.toRadians(Double.parseDouble(c.get("heading_deg")));
            Point ahead = Geometries.point(p.x + 3 * Math.sin(h), p.y + 3 * Math.cos(h));
            Point behind = Geometries.point(p.x - 3 * Math.sin(h), p.y - 3 * Math.cos(h));
            boolean behindInside = false, aheadInside = false;
            for (Object o : index.query(new org.locationtech.jts.geom.Envelope(p.x - 5, p.x + 5, p.y - 5, p.y + 5))) {
                behindInside |= ((Geometry) o).contains(behind);
                aheadInside |= ((Geometry) o).contains(ahead);
            }
            assertThat(aheadInside)
                    .as(c.get("camera_id") + " looks into a building")
                    .isFalse();
            assertThat(behindInside)
                    .as(c.get("camera_id") + " has its building behind")
                    .isTrue();
        }
    }

    @Test
    void halfOfTheIncidentsLieOnAtMostSixPercentOfSegments() {
        var streets = GeneratedCity.features(dir.resolve("streets.geojson"));
        STRtree index = new STRtree();
        List<Geometry> segs = new ArrayList<>();
        for (int i = 0; i < streets.size(); i++) {
            Geometry g = utm.toMetric(streets.get(i).geometry());
            segs.add(g);
            index.insert(g.getEnvelopeInternal(), i);
        }
        int[] count = new int[segs.size()];
        List<CSVRecord> incidents = GeneratedCity.csv(dir.resolve("incidents.csv"));
        for (CSVRecord r : incidents) {
            Coordinate p = utm.toMetric(Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat")));
            Point pt = Geometries.point(p.x, p.y);
            var env = pt.getEnvelopeInternal();
            env.expandBy(30);
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (Object o : index.query(env)) {
                double d = segs.get((Integer) o).distance(pt);
                if (d < bestD) {
                    bestD = d;
                    best = (Integer) o;
                }
            }
            assertThat(best).as(r.get("incident_id") + " is near a street").isNotNegative();
            count[best]++;
        }
        double share = new IncidentSampler.Result(incidents.size(), count).shareOfSegmentsForHalf();
        assertThat(share).isLessThanOrEqualTo(0.06).isGreaterThan(0.01);
        assertThat(summary.halfIncidentSegmentShare()).isLessThanOrEqualTo(0.06);
    }

    @Test
    void incidentsSpanOneYearWithContractColumns() {
        List<CSVRecord> incidents = GeneratedCity.csv(dir.resolve("incidents.csv"));
        Instant from = Instant.parse("2025-01-01T05:00:00Z"), to = Instant.parse("2026-01-01T05:00:00Z");
        Instant prev = Instant.MIN;
        Set<String> categories = new HashSet<>();
        for (CSVRecord r : incidents) {
            Instant t = Instant.parse(r.get("occurred_at"));
            assertThat(t).isBetween(from, to).isAfterOrEqualTo(prev);
            prev = t;
            categories.add(r.get("category"));
            assertThat(Double.parseDouble(r.get("weight"))).isPositive();
        }
        assertThat(categories).hasSizeGreaterThan(5);
        assertThat(incidents.get(0).get("incident_id")).isEqualTo("INC-000001");
    }

    @Test
    void areasTileTheCityWithNames() {
        var areas = GeneratedCity.features(dir.resolve("areas.geojson"));
        assertThat(areas).hasSize(10);
        double total = 0;
        Set<String> names = new HashSet<>();
        for (var a : areas) {
            Geometry g = utm.toMetric(a.geometry());
            assertThat(g.isValid()).isTrue();
            total += g.getArea();
            assertThat(names.add(a.properties().get("name").asText())).isTrue();
            assertThat(a.properties().get("area_id").asText()).startsWith("AREA-");
        }
        assertThat(total / 1e6).isCloseTo(summary.areaKm2(), within(0.01));
    }

    @Test
    void streetsAreSegmentsWithClassAndName() {
        var streets = GeneratedCity.features(dir.resolve("streets.geojson"));
        int arterial = 0;
        for (var s : streets) {
            assertThat(s.geometry().getGeometryType()).isEqualTo("LineString");
            assertThat(s.properties().get("name").asText()).isNotBlank();
            String cls = s.properties().get("class").asText();
            assertThat(cls).isIn("arterial", "local");
            if (cls.equals("arterial")) arterial++;
        }
        assertThat(arterial).isBetween(streets.size() / 10, streets.size() / 2);
    }
}
