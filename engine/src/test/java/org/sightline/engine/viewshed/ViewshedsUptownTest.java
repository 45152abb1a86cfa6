package org.sightline.engine.viewshed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;

/**
 * Real data: the 1,069 OSM buildings of Charlotte Uptown (shared fixture), projected to UTM 17N, with
 * a façade camera on every wall of at least 3 m (midpoint, 0.2 m out, facing along the outward
 * normal, fov 90°, range 30–150 m).
 */
class ViewshedsUptownTest {
    private static List<Footprint> buildings;
    private static Footprints footprints;
    private static List<Camera> cameras;

    @BeforeAll
    static void load() throws IOException {
        Path dir = Path.of(System.getProperty("sightline.sharedData", "../shared/data"));
        Path file = dir.resolve("charlotte/osm_uptown_buildings.geojson");
        Assumptions.assumeTrue(Files.isReadable(file), "shared data not found at " + file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        GeoJsonReader reader = new GeoJsonReader(Geometries.FACTORY);
        List<Footprint> lonLat = new ArrayList<>();
        for (JsonNode f : root.get("features")) {
            Geometry g;
            try {
                g = reader.read(f.get("geometry").toString());
            } catch (org.locationtech.jts.io.ParseException e) {
                throw new IOException(e);
            }
            String h = f.path("properties").path("height").asText("");
            double height = heightM(h);
            lonLat.add(new Footprint(f.path("properties").path("osm_id").asText(), g, height, ""));
        }
        Coordinate c0 = lonLat.get(0).geometry().getCoordinate();
        // UTM 17N. MetricCrs.utmFor(lon, lat) on this branch predates main's zone-code fix (c8b58ed: it
        // builds "EPSG:3260017"); use utmFor once merged.
        MetricCrs utm = MetricCrs.of("EPSG:" + (32600 + (int) Math.floor((c0.x + 180) / 6) + 1));
        buildings = lonLat.stream().map(utm::toMetric).toList();
        footprints = Footprints.of(buildings);
        cameras = Scenes.facadeCameras(buildings, new Random(42));
    }

    /** OSM heights: "23", "23 m", "19'" (feet); anything else is unknown. */
    static double heightM(String text) {
        String t = text.trim();
        double unit = 1;
        if (t.endsWith("'")) {
            unit = 0.3048;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Double.parseDouble(t.trim()) * unit;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Test
    void everyFacadeCameraGetsAValidViewshed() {
        int empty = 0, moved = 0;
        for (Camera c : cameras) {
            Viewshed v = Viewsheds.of(c, footprints, ViewshedOptions.defaults());
            assertThat(v.repaired()).as("%s", c).isFalse();
            assertThat(v.geometry().isValid()).as("%s: %s", c, v.geometry()).isTrue();
            if (v.isEmpty()) empty++;
            if (v.status() == Viewshed.Status.MOVED_OUT_OF_FOOTPRINT) moved++;
        }
        System.out.printf(
                "uptown: %s; %d façade cameras, %d moved, %d empty%n", footprints, cameras.size(), moved, empty);
        assertThat(cameras.size()).isGreaterThan(3000);
    }

    @Test
    void sampledCamerasMatchTheOverlayReference() {
        ViewshedOptions fine = ViewshedOptions.defaults().withArcToleranceM(0.005);
        Random rnd = new Random(7);
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (int k = 0; k < 120; k++) {
            Camera c = cameras.get(rnd.nextInt(cameras.size()));
            Viewshed v = Viewsheds.of(c, footprints, fine);
            if (v.isEmpty()) continue;
            Geometry ref = ReferenceViewshed.of(
                    buildings,
                    2,
                    v.position().getX(),
                    v.position().getY(),
                    c.headingDeg(),
                    c.fovDeg(),
                    c.rangeM(),
                    0.001);
            double iou = ReferenceViewshed.iou(v.geometry(), ref);
            n++;
            if (!(iou >= 0.995)) failures.add(c + ": IoU " + iou);
        }
        System.out.printf("uptown: %d cameras compared with the reference, %d failures%n", n, failures.size());
        assertThat(failures).isEmpty();
    }

    /** Not a benchmark (that is bench/'s job): an informal single-thread figure printed for the record. */
    @Test
    void informalTimingPerCamera() {
        long[] rounds = new long[5];
        double sink = 0;
        for (int r = 0; r < rounds.length; r++) {
            long t0 = System.nanoTime();
            for (Camera c : cameras)
                sink += Viewsheds.of(c, footprints, ViewshedOptions.defaults()).areaM2();
            rounds[r] = System.nanoTime() - t0;
        }
        Arrays.sort(rounds);
        System.out.printf(
                "uptown: %.1f µs per camera (best of %d rounds over %d cameras; checksum %.0f)%n",
                rounds[0] / 1e3 / cameras.size(), rounds.length, cameras.size(), sink);
        assertThat(sink).isPositive();
    }
}
