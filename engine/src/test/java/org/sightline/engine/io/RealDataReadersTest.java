package org.sightline.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Incident;

/**
 * The readers on the real exports in {@code ../shared/data} (never copied into the repository). The
 * counts were checked against the files independently (see docs/real-data.md); each test prints
 * them. Skipped when the shared data folder is absent.
 */
class RealDataReadersTest {
    static Path data(String relative) {
        String root = System.getProperty("sightline.sharedData", "../shared/data");
        Path p = Path.of(root).resolve(relative);
        Assumptions.assumeTrue(
                Files.isRegularFile(p),
                "shared real data not found at " + p + " (set -Dsightline.sharedData): skipped");
        return p;
    }

    static Map<String, Integer> reasons(LayerResult<?> r) {
        Map<String, Integer> m = new TreeMap<>();
        for (Reject x : r.rejects()) m.merge(x.reason().replaceAll("[-0-9.]+ km.*", "N km ..."), 1, Integer::sum);
        return m;
    }

    static void print(String file, LayerResult<?> r) {
        LayerStats s = r.stats();
        System.out.printf(
                "%s: read %d, accepted %d, repaired %d, rejected %d, low-confidence %d; reasons %s; warnings %s%n",
                file, s.read(), s.accepted(), s.repaired(), s.rejected(), s.lowConfidence(), reasons(r), r.warnings());
    }

    static void counts(LayerResult<?> r, long read, long accepted, long repaired, long rejected) {
        assertThat(r.stats())
                .extracting(LayerStats::read, LayerStats::accepted, LayerStats::repaired, LayerStats::rejected)
                .containsExactly(read, accepted, repaired, rejected);
    }

    @Test
    void charlotteCmpdIncidents() {
        Path f = data("charlotte/cmpd_incidents_union3versions_9974.csv");
        ColumnMap m = ColumnMap.parse(
                "incident_id=INCIDENT_REPORT_ID,lon=LONGITUDE_PUBLIC,lat=LATITUDE_PUBLIC,occurred_at=DATE_REPORTED,"
                        + "category=HIGHEST_NIBRS_DESCRIPTION",
                null);
        LayerResult<Incident> r = IncidentReader.read(f, m, ReadOptions.DEFAULTS);
        print(f.getFileName().toString(), r);
        counts(r, 9974, 9973, 0, 1);
        // the one reject: OBJECTID 3443, whose LATITUDE_PUBLIC repeats its longitude (-80.963592)
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.reason()).startsWith("position far outside the layer's extent");
            assertThat(x.sourceLine()).isEqualTo(3444);
            assertThat(x.raw()).contains("20210620-1907-00", "-80.963592,5000 ZULLI LN");
        });
        assertThat(r.accepted()).allMatch(i -> i.occurredAt().getEpochSecond() > 0);
    }

    @Test
    void charlotteCmpdStatePlaneCoordinatesAgreeWithTheirLonLat() {
        Path f = data("charlotte/cmpd_incidents_union3versions_9974.csv");
        String common = "incident_id=INCIDENT_REPORT_ID,occurred_at=DATE_REPORTED";
        var lonLat = IncidentReader.read(
                f, ColumnMap.parse(common + ",lon=LONGITUDE_PUBLIC,lat=LATITUDE_PUBLIC", null), ReadOptions.DEFAULTS);
        var statePlane = IncidentReader.read(
                f,
                ColumnMap.parse(common + ",lon=X_COORD_PUBLIC,lat=Y_COORD_PUBLIC", null),
                ReadOptions.DEFAULTS.withInputCrs("EPSG:2264"));
        Map<String, Incident> byId = new java.util.HashMap<>();
        lonLat.accepted().forEach(i -> byId.put(i.id(), i));
        double worstKm = 0;
        long compared = 0;
        for (Incident i : statePlane.accepted()) {
            Incident j = byId.get(i.id());
            if (j == null) continue;
            compared++;
            worstKm = Math.max(
                    worstKm,
                    FarPositions.km(
                            i.position().getX(),
                            i.position().getY(),
                            j.position().getX(),
                            j.position().getY()));
        }
        System.out.printf(
                "EPSG:2264 vs lon/lat: %d compared, worst %.2f m; state plane %s%n",
                compared, worstKm * 1000, statePlane.stats());
        assertThat(statePlane.stats().accepted()).isEqualTo(9974); // the X/Y columns have no bad row
        assertThat(compared).isEqualTo(9973);
        assertThat(worstKm * 1000).isLessThan(5);
    }

    @Test
    void charlotteNpaAreas() {
        Path f = data("charlotte/npa_qol_2022.geojson");
        var r = AreaReader.read(f, ColumnMap.parse("area_id=id", null), ReadOptions.DEFAULTS);
        print(f.getFileName().toString(), r);
        counts(r, 462, 462, 0, 0);
        assertThat(r.accepted()).allMatch(a -> a.geometry().isValid());
    }

    @Test
    void charlotteUptownBuildings() {
        Path f = data("charlotte/osm_uptown_buildings.geojson");
        LayerResult<Footprint> r = FootprintReader.read(
                f, ColumnMap.parse("building_id=osm_id,height_m=height,use=building", null), ReadOptions.DEFAULTS);
        print(f.getFileName().toString(), r);
        counts(r, 1069, 1069, 0, 0);
        assertThat(r.accepted().stream().filter(Footprint::hasHeight).count()).isEqualTo(260);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void detroitGreenLight() {
        Path f = data("detroit/project_green_light_locations_2021.csv");
        LayerResult<Camera> r = CameraReader.read(
                f,
                ColumnMap.parse("lon=X,lat=Y,camera_id=ObjectId", "kind=business,live_feed=true"),
                ReadOptions.DEFAULTS);
        print(f.getFileName().toString(), r);
        counts(r, 766, 766, 0, 0);
        assertThat(r.stats().lowConfidence()).isEqualTo(766);
        assertThat(r.accepted())
                .allMatch(c -> c.kind() == CameraKind.BUSINESS
                        && c.liveFeed()
                        && c.fovDeg() == 360
                        && c.rangeM() == ReadOptions.DEFAULT_LOW_CONFIDENCE_RANGE_M);
        assertThat(r.accepted().get(0).id()).isEqualTo("1"); // ObjectId, despite the BOM before the header
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void newOrleansSafeCam() {
        Path f = data("new_orleans/safecam_registered_cameras.csv");
        LayerResult<Camera> r =
                CameraReader.read(f, ColumnMap.parse("lon=longitude,lat=latitude", null), ReadOptions.DEFAULTS);
        print(f.getFileName().toString(), r);
        counts(r, 63, 47, 0, 16);
        assertThat(r.stats().lowConfidence()).isEqualTo(47);
        assertThat(r.rejects()).allMatch(x -> x.reason().startsWith("position far outside the layer's extent"));
        // the far ones are 400+ km away (Texas, Mississippi, New York, France, ...); every kept one is in the city
        assertThat(r.accepted())
                .allMatch(c -> c.position().getY() > 29.9 && c.position().getY() < 30.1);
        assertThat(r.warnings()).anyMatch(w -> w.contains("synthesized as cameras-<line>"));
    }

    @Test
    void baltimoreCrimes2018() {
        ColumnMap m = ColumnMap.parse("lon=Longitude,lat=Latitude,occurred_at=CrimeDate,category=Description", null);
        Map<String, Long> expected =
                Map.of("bpd_CR_Property.json", 6322L, "bpd_Balt_Shooting.json", 678L, "bpd_Balt_Homicide.json", 309L);
        for (String name : new String[] {"bpd_CR_Property.json", "bpd_Balt_Shooting.json", "bpd_Balt_Homicide.json"}) {
            Path f = data("baltimore/" + name);
            LayerResult<Incident> r = IncidentReader.read(f, m, ReadOptions.DEFAULTS);
            print(name, r);
            long n = expected.get(name);
            counts(r, n, n, 0, 0);
            assertThat(r.accepted())
                    .allMatch(i -> i.occurredAt()
                                            .atZone(java.time.ZoneOffset.UTC)
                                            .getYear()
                                    >= 2018
                            || i.occurredAt().atZone(java.time.ZoneOffset.UTC).getYear() == 2017);
        }
    }
}
