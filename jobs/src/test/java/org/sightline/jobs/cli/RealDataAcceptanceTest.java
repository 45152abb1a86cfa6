package org.sightline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.io.ColumnMap;
import org.sightline.engine.io.CsvTableWriter;
import org.sightline.engine.io.FootprintReader;
import org.sightline.engine.io.ReadOptions;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.outreach.CandidateSite;
import org.sightline.engine.outreach.CandidateSites;

/** The acceptance runs of issues 3 and 4 on the real Charlotte files in ../shared/data. */
class RealDataAcceptanceTest {
    static Path data(String relative) {
        Path p = Path.of(System.getProperty("sightline.sharedData", "../shared/data"))
                .resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "shared real data not found at " + p + ": skipped");
        return p;
    }

    static final String CMPD_MAP = "incident_id=INCIDENT_REPORT_ID,lon=LONGITUDE_PUBLIC,lat=LATITUDE_PUBLIC,"
            + "occurred_at=DATE_REPORTED,category=HIGHEST_NIBRS_DESCRIPTION,area_id=id";

    /**
     * CMPD incidents binned over the 2022 NPA polygons: hotspots exist where Charlotte's crime is, and
     * the per-NPA incident counts follow the city's own violent + property crime counts (qol_metrics
     * r58 + r59, 2017-2021).
     */
    @Test
    void cmpdHotspotsFollowTheCitysOwnCrimeCountsPerNpa(@TempDir Path out) throws IOException {
        Path incidents = data("charlotte/cmpd_incidents_union3versions_9974.csv");
        Path npa = data("charlotte/npa_qol_2022.geojson");
        String text = StageCommandsTest.run(
                "hotspots",
                "--incidents",
                incidents.toString(),
                "--areas",
                npa.toString(),
                "--map",
                CMPD_MAP,
                "--out",
                out.toString());
        var summary = StageCommandsTest.JSON
                .readTree(out.resolve("summary.json").toFile())
                .get("hotspots");
        assertThat(summary.get("hot_cells").asInt()).isGreaterThan(100);
        assertThat(summary.get("pai").asDouble()).isGreaterThan(5);
        assertThat(summary.get("incidents").asInt()).isEqualTo(9973);

        Map<String, Double> violent = yearsSum(data("charlotte/qol_metrics/r58.csv"));
        Map<String, Double> property = yearsSum(data("charlotte/qol_metrics/r59.csv"));
        List<Double> ours = new ArrayList<>(), theirs = new ArrayList<>();
        for (CSVRecord r : StageCommandsTest.rows(out.resolve("areas.csv"))) {
            String id = r.get("area_id");
            if (!violent.containsKey(id) || !property.containsKey(id)) continue;
            ours.add(Double.parseDouble(r.get("incidents")));
            theirs.add(violent.get(id) + property.get(id));
        }
        double pearson = pearson(ours, theirs);
        double spearman = pearson(ranks(ours), ranks(theirs));
        System.out.printf(
                "CMPD vs qol r58+r59 over %d NPAs: Pearson %.3f, Spearman %.3f%n%s%n",
                ours.size(), pearson, spearman, text);
        assertThat(ours).hasSizeGreaterThan(350); // 379 NPAs have all five years
        assertThat(pearson).isGreaterThan(0.7);
        assertThat(spearman).isGreaterThan(0.7);
    }

    /** Façade cameras on the real Uptown footprints: viewsheds and coverage run and write valid GeoJSON. */
    @Test
    void viewshedsAndCoverageRunOnTheUptownFootprints(
            @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER) Path out) throws IOException {
        Path buildings = data("charlotte/osm_uptown_buildings.geojson");
        MetricCrs utm = MetricCrs.of("EPSG:32617");
        List<Footprint> metric =
                FootprintReader.read(buildings, ColumnMap.NONE, ReadOptions.DEFAULTS).accepted().stream()
                        .map(utm::toMetric)
                        .toList();
        // one camera on every third building, on its longest façade, as a registry would geocode them
        List<Footprint> hosts = new ArrayList<>();
        for (int i = 0; i < metric.size(); i += 3) hosts.add(metric.get(i));
        List<CandidateSite> sites = CandidateSites.fromBuildings(hosts, List.of(), List.of(), 200);
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            CandidateSite s = sites.get(i);
            Coordinate ll = utm.toWgs84(s.position().getX(), s.position().getY());
            rows.add(List.of(
                    "UP-" + i,
                    ll.x,
                    ll.y,
                    s.headingDeg(),
                    90.0,
                    30.0 + (i % 5) * 20,
                    i % 2 == 0 ? "business" : "resident",
                    i % 2 == 0));
        }
        Path cameras = out.resolve("uptown-cameras.csv");
        CsvTableWriter.write(
                cameras,
                List.of("camera_id", "lon", "lat", "heading_deg", "fov_deg", "range_m", "kind", "live_feed"),
                rows);

        Path vs = out.resolve("viewsheds");
        StageCommandsTest.run(
                "viewsheds",
                "--cameras",
                cameras.toString(),
                "--buildings",
                buildings.toString(),
                "--out",
                vs.toString());
        assertThat(StageCommandsTest.validFeatures(vs.resolve("viewsheds.geojson")))
                .hasSize(sites.size());

        Path cov = out.resolve("coverage");
        StageCommandsTest.run(
                "coverage",
                "--cameras",
                cameras.toString(),
                "--buildings",
                buildings.toString(),
                "--out",
                cov.toString());
        var city = StageCommandsTest.JSON.readTree(cov.resolve("city.json").toFile());
        assertThat(city.get("covered_m2").asDouble()).isGreaterThan(10_000);
        assertThat(city.get("cameras").asInt()).isGreaterThan(sites.size() / 2);
    }

    private static Map<String, Double> yearsSum(Path csv) throws IOException {
        Map<String, Double> out = new HashMap<>();
        for (CSVRecord r : StageCommandsTest.rows(csv)) {
            double s = 0;
            boolean ok = true;
            for (String y : List.of("y_2017", "y_2018", "y_2019", "y_2020", "y_2021")) {
                String v = r.get(y);
                if (v == null || v.isBlank()) ok = false;
                else s += Double.parseDouble(v);
            }
            if (ok) out.put(r.get("id"), s);
        }
        return out;
    }

    static double pearson(List<Double> x, List<Double> y) {
        int n = x.size();
        double mx = x.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double my = y.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sxy = 0, sx = 0, sy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x.get(i) - mx) * (y.get(i) - my);
            sx += (x.get(i) - mx) * (x.get(i) - mx);
            sy += (y.get(i) - my) * (y.get(i) - my);
        }
        return sxy / Math.sqrt(sx * sy);
    }

    /** Average ranks (ties share their mean rank). */
    static List<Double> ranks(List<Double> v) {
        Integer[] order = new Integer[v.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v.get(a), v.get(b)));
        double[] r = new double[v.size()];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && v.get(order[j + 1]).equals(v.get(order[i]))) j++;
            for (int k = i; k <= j; k++) r[order[k]] = (i + j) / 2.0;
            i = j + 1;
        }
        List<Double> out = new ArrayList<>();
        for (double d : r) out.add(d);
        return out;
    }
}
