package org.sightline.jobs.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.engine.coverage.AreaCoverage;
import org.sightline.engine.coverage.CameraCoverage;
import org.sightline.engine.coverage.CityCoverage;
import org.sightline.engine.coverage.CoverageResult;
import org.sightline.engine.coverage.StreetCoverage;
import org.sightline.engine.io.CsvTableWriter;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Camera;

/** {@code areas.csv/.geojson}, {@code streets.csv}, {@code cameras.csv}, {@code city.json}. */
public final class CoverageTables {
    private CoverageTables() {}

    public static final List<String> AREA_COLUMNS = List.of(
            "area_id",
            "name",
            "area_m2",
            "outdoor_m2",
            "covered_share",
            "live_share",
            "depth1_share",
            "depth2_share",
            "depth3_share",
            "street_length_m",
            "street_covered_share");

    public static Map<String, Object> write(
            Path dir,
            CoverageResult r,
            List<Area> areas,
            List<Camera> cameras,
            double[] outdoor,
            OutputCrs out,
            String metricCrs) {
        List<List<?>> areaRows = new ArrayList<>();
        List<Tables.Feature> features = new ArrayList<>();
        for (int a = 0; a < r.areas().size(); a++) {
            AreaCoverage c = r.areas().get(a);
            List<Object> row = Tables.row(
                    c.areaId(),
                    c.name(),
                    Tables.m(c.areaM2()),
                    Tables.m(c.outdoorM2()),
                    Tables.share(c.coveredShare()),
                    Tables.share(c.liveShare()),
                    Tables.share(c.depth1Share()),
                    Tables.share(c.depth2Share()),
                    Tables.share(c.depth3Share()),
                    Tables.m(c.streetLengthM()),
                    Tables.share(c.streetCoveredShare()));
            areaRows.add(row);
            Map<String, Object> p = new LinkedHashMap<>();
            for (int k = 0; k < AREA_COLUMNS.size(); k++) p.put(AREA_COLUMNS.get(k), row.get(k));
            features.add(new Tables.Feature(areas.get(a).geometry(), p));
        }
        CsvTableWriter.write(dir.resolve("areas.csv"), AREA_COLUMNS, areaRows);
        Tables.geojson(dir.resolve("areas.geojson"), out, features);

        List<List<?>> streetRows = new ArrayList<>();
        for (StreetCoverage s : r.streets()) {
            streetRows.add(Tables.row(
                    s.streetId(),
                    s.name(),
                    Tables.m(s.lengthM()),
                    Tables.m(s.coveredM()),
                    Tables.share(s.coveredShare()),
                    Tables.m(s.liveM())));
        }
        CsvTableWriter.write(
                dir.resolve("streets.csv"),
                List.of("street_id", "name", "length_m", "covered_m", "covered_share", "live_m"),
                streetRows);

        Map<String, Camera> byId = new HashMap<>();
        cameras.forEach(c -> byId.put(c.id(), c));
        List<List<?>> cameraRows = new ArrayList<>();
        for (CameraCoverage c : r.cameras()) {
            Camera cam = byId.get(c.cameraId());
            cameraRows.add(Tables.row(
                    c.cameraId(), cam.kind().code(), cam.liveFeed(), Tables.m(c.viewshedM2()), Tables.m(c.uniqueM2())));
        }
        CsvTableWriter.write(
                dir.resolve("cameras.csv"),
                List.of("camera_id", "kind", "live_feed", "viewshed_m2", "unique_m2"),
                cameraRows);

        CityCoverage city = r.city();
        double outdoorTotal = 0;
        for (double o : outdoor) outdoorTotal += o;
        double coveredInAreas = 0, liveInAreas = 0;
        for (AreaCoverage a : r.areas()) {
            coveredInAreas += a.coveredM2();
            liveInAreas += a.liveM2();
        }
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("cameras", city.cameras());
        j.put("covered_m2", Tables.m(city.coveredM2()));
        j.put("live_m2", Tables.m(city.liveM2()));
        j.put("depth2_m2", Tables.m(city.depth2M2()));
        j.put("depth3_m2", Tables.m(city.depth3M2()));
        j.put("outdoor_m2", Tables.m(outdoorTotal));
        j.put("covered_share", outdoorTotal > 0 ? Tables.share(coveredInAreas / outdoorTotal) : null);
        j.put("live_share", outdoorTotal > 0 ? Tables.share(liveInAreas / outdoorTotal) : null);
        j.put("street_length_m", Tables.m(city.streetLengthM()));
        j.put("street_covered_m", Tables.m(city.streetCoveredM()));
        j.put(
                "street_covered_share",
                city.streetLengthM() > 0 ? Tables.share(city.streetCoveredM() / city.streetLengthM()) : null);
        j.put("metric_crs", metricCrs);
        Tables.json(dir.resolve("city.json"), j);
        return j;
    }
}
