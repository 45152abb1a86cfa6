package org.sightline.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.io.GeoJsonFeatureWriter;

/**
 * A tiny city written in exactly the layout of docs/outputs.md: 600 m × 400 m in three areas, 24
 * footprints, 5 streets, 10 cameras (6 resident, one of them inactive; 4 business), 60 incidents,
 * a 100 m hotspot grid, gaps, an outreach plan, dispatch suggestions, summary.json and rejects.
 * Coverage figures are computed from the fixture's own geometry with JTS, so the tables agree.
 */
final class TinyCity {
    static final MetricCrs CRS = MetricCrs.of("EPSG:32617");
    static final double X0 = 514000, Y0 = 3897000;
    static final String OWNER_NAME = "Alice Privateperson";
    static final String OWNER_EMAIL = "alice@example.org";
    static final String OWNER_PHONE = "+1-704-555-0199";

    record Cam(
            String id,
            String kind,
            double x,
            double y,
            double heading,
            double fov,
            double range,
            boolean live,
            boolean active) {
        Point metric() {
            return Geometries.point(X0 + x, Y0 + y);
        }

        Coordinate lonLat() {
            return CRS.toWgs84(X0 + x, Y0 + y);
        }

        Geometry viewshed() {
            return active ? sector(X0 + x, Y0 + y, heading, fov, range) : Geometries.emptyPolygon();
        }
    }

    static final List<Cam> CAMERAS = List.of(
            new Cam("R-101", "resident", 50, 29.5, 180, 100, 70, false, true),
            new Cam("R-102", "resident", 150, 29.5, 180, 90, 65, false, true),
            new Cam("R-103", "resident", 129.5, 150, 90, 90, 75, false, true),
            new Cam("R-104", "resident", 250, 170.5, 300, 120, 70, false, true),
            new Cam("R-105", "resident", 229.5, 250, 270, 90, 55, false, true),
            new Cam("R-106", "resident", 450, 370.5, 0, 90, 30, false, false),
            new Cam("B-201", "business", 270.5, 150, 270, 100, 80, true, true),
            new Cam("B-202", "business", 350, 229.5, 180, 120, 75, true, true),
            new Cam("B-203", "business", 470.5, 50, 90, 90, 60, false, true),
            new Cam("B-204", "business", 550, 129.5, 180, 360, 40, true, true));

    static final String[][] AREAS = {{"A1", "Westfield", "0"}, {"A2", "Central", "200"}, {"A3", "Eastbrook", "400"}};

    final Path root;
    final Path out;
    final Path inputs;

    private TinyCity(Path root) {
        this.root = root;
        this.out = root.resolve("run");
        this.inputs = root.resolve("inputs");
    }

    static Polygon sector(double x, double y, double heading, double fov, double range) {
        List<Coordinate> cs = new ArrayList<>();
        boolean full = fov >= 360;
        if (!full) cs.add(new Coordinate(x, y));
        int n = 24;
        for (int i = 0; i <= n; i++) {
            double b = Math.toRadians(full ? 360.0 * i / n : heading - fov / 2 + fov * i / n);
            cs.add(new Coordinate(x + range * Math.sin(b), y + range * Math.cos(b)));
        }
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) cs.add(new Coordinate(cs.get(0)));
        return Geometries.FACTORY.createPolygon(cs.toArray(Coordinate[]::new));
    }

    static Polygon rect(double x0, double y0, double x1, double y1) {
        return (Polygon) Geometries.FACTORY.toGeometry(new Envelope(X0 + x0, X0 + x1, Y0 + y0, Y0 + y1));
    }

    /** Writes inputs and run outputs under {@code root}; returns the city. */
    static TinyCity write(Path root) {
        TinyCity c = new TinyCity(root);
        try {
            c.writeAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    List<Cam> residents() {
        return CAMERAS.stream().filter(k -> k.kind().equals("resident")).toList();
    }

    private void writeAll() throws IOException {
        Files.createDirectories(inputs);
        for (String d : List.of("viewsheds", "coverage", "hotspots", "gaps", "outreach", "dispatch", "rejects"))
            Files.createDirectories(out.resolve(d));

        // Inputs: footprints, streets, areas, cameras (with owner fields), incidents.
        List<Polygon> foot = new ArrayList<>();
        List<Map<String, Object>> footProps = new ArrayList<>();
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 4; j++) {
                foot.add(rect(100 * i + 30, 100 * j + 30, 100 * i + 70, 100 * j + 70));
                footProps.add(props("building_id", "B" + i + j, "use", i % 2 == 0 ? "residential" : "commercial"));
            }
        geojson(inputs.resolve("buildings.geojson"), foot, footProps, true);
        List<Geometry> streets = new ArrayList<>();
        List<Map<String, Object>> streetProps = new ArrayList<>();
        double[][] st = {
            {0, 100, 600, 100}, {0, 300, 600, 300}, {100, 0, 100, 400}, {300, 0, 300, 400}, {500, 0, 500, 400}
        };
        String[] stNames = {"Trade St", "Tryon St", "1st Ave", "2nd Ave", "3rd Ave"};
        for (int i = 0; i < st.length; i++) {
            streets.add(Geometries.FACTORY.createLineString(new Coordinate[] {
                new Coordinate(X0 + st[i][0], Y0 + st[i][1]), new Coordinate(X0 + st[i][2], Y0 + st[i][3])
            }));
            streetProps.add(props("street_id", "S" + (i + 1), "name", stNames[i]));
        }
        geojson(inputs.resolve("streets.geojson"), streets, streetProps, true);
        List<Polygon> areas = new ArrayList<>();
        List<Map<String, Object>> areaProps = new ArrayList<>();
        for (String[] a : AREAS) {
            double x = Double.parseDouble(a[2]);
            areas.add(rect(x, 0, x + 200, 400));
            areaProps.add(props("area_id", a[0], "name", a[1]));
        }
        geojson(inputs.resolve("areas.geojson"), areas, areaProps, true);
        StringBuilder cams = new StringBuilder(
                "camera_id,lon,lat,heading_deg,fov_deg,range_m,height_m,kind,live_feed,retention_days,status,owner_name,owner_phone,owner_email\n");
        for (Cam k : CAMERAS) {
            Coordinate ll = k.lonLat();
            cams.append(String.format(
                    Locale.ROOT,
                    "%s,%.7f,%.7f,%s,%s,%s,3,%s,%s,7,%s,%s,%s,%s%n",
                    k.id(),
                    ll.x,
                    ll.y,
                    num(k.heading()),
                    num(k.fov()),
                    num(k.range()),
                    k.kind(),
                    k.live(),
                    k.active() ? "active" : "inactive",
                    OWNER_NAME,
                    OWNER_PHONE,
                    OWNER_EMAIL));
        }
        Files.writeString(inputs.resolve("cameras.csv"), cams, StandardCharsets.UTF_8);

        // Viewsheds.
        List<Geometry> views = new ArrayList<>();
        List<Map<String, Object>> viewProps = new ArrayList<>();
        for (Cam k : CAMERAS) {
            Geometry v = k.viewshed();
            views.add(v);
            viewProps.add(props(
                    "camera_id",
                    k.id(),
                    "kind",
                    k.kind(),
                    "live_feed",
                    k.live(),
                    "area_m2",
                    round(v.getArea(), 3),
                    "low_confidence",
                    false,
                    "status",
                    k.active() ? "ok" : "inactive"));
        }
        geojson(out.resolve("viewsheds/viewsheds.geojson"), views, viewProps, true);

        // Coverage: computed with JTS from the fixture geometry.
        Geometry footUnion = UnaryUnionOp.union(new ArrayList<Geometry>(foot));
        List<Geometry> active = new ArrayList<>();
        List<Geometry> live = new ArrayList<>();
        for (Cam k : CAMERAS)
            if (k.active()) {
                active.add(k.viewshed().difference(footUnion));
                if (k.live()) live.add(k.viewshed().difference(footUnion));
            }
        Geometry cov = UnaryUnionOp.union(active), covLive = UnaryUnionOp.union(live);
        List<Geometry> pairs = new ArrayList<>(), triples = new ArrayList<>();
        for (int i = 0; i < active.size(); i++)
            for (int j = i + 1; j < active.size(); j++) {
                Geometry ij = active.get(i).intersection(active.get(j));
                if (!ij.isEmpty()) pairs.add(ij);
                for (int l = j + 1; l < active.size(); l++) {
                    Geometry ijl = ij.intersection(active.get(l));
                    if (!ijl.isEmpty()) triples.add(ijl);
                }
            }
        Geometry d2 = pairs.isEmpty() ? Geometries.emptyPolygon() : UnaryUnionOp.union(pairs);
        Geometry d3 = triples.isEmpty() ? Geometries.emptyPolygon() : UnaryUnionOp.union(triples);
        StringBuilder areasCsv = new StringBuilder(
                "area_id,name,area_m2,outdoor_m2,covered_share,live_share,depth1_share,depth2_share,depth3_share,street_length_m,street_covered_share\n");
        double outdoorTotal = 0;
        List<Map<String, Object>> covAreaProps = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            Geometry a = areas.get(i);
            Geometry outdoor = a.difference(footUnion);
            double od = outdoor.getArea();
            outdoorTotal += od;
            double cs = cov.intersection(a).getArea() / od,
                    ls = covLive.intersection(a).getArea() / od;
            double s2 = d2.intersection(a).getArea() / od,
                    s3 = d3.intersection(a).getArea() / od;
            double len = 0, lenCov = 0;
            for (Geometry s : streets) {
                len += s.intersection(a).getLength();
                lenCov += s.intersection(a).intersection(cov).getLength();
            }
            areasCsv.append(String.join(
                            ",",
                            AREAS[i][0],
                            AREAS[i][1],
                            num(a.getArea()),
                            num(round(od, 3)),
                            num(round(cs, 6)),
                            num(round(ls, 6)),
                            num(round(cs, 6)),
                            num(round(s2, 6)),
                            num(round(s3, 6)),
                            num(round(len, 3)),
                            num(round(lenCov / len, 6))))
                    .append('\n');
            covAreaProps.add(props("area_id", AREAS[i][0], "name", AREAS[i][1], "covered_share", round(cs, 6)));
        }
        Files.writeString(out.resolve("coverage/areas.csv"), areasCsv);
        geojson(out.resolve("coverage/areas.geojson"), areas, covAreaProps, true);
        StringBuilder streetsCsv = new StringBuilder("street_id,name,length_m,covered_m,covered_share,live_m\n");
        double stLen = 0, stCov = 0;
        for (int i = 0; i < streets.size(); i++) {
            Geometry s = streets.get(i);
            double c = s.intersection(cov).getLength();
            stLen += s.getLength();
            stCov += c;
            streetsCsv
                    .append(String.join(
                            ",",
                            "S" + (i + 1),
                            stNames[i],
                            num(s.getLength()),
                            num(round(c, 3)),
                            num(round(c / s.getLength(), 6)),
                            num(round(s.intersection(covLive).getLength(), 3))))
                    .append('\n');
        }
        Files.writeString(out.resolve("coverage/streets.csv"), streetsCsv);
        StringBuilder camCsv = new StringBuilder("camera_id,kind,live_feed,viewshed_m2,unique_m2\n");
        for (int i = 0; i < CAMERAS.size(); i++) {
            Cam k = CAMERAS.get(i);
            if (!k.active()) continue;
            Geometry mine = k.viewshed().difference(footUnion);
            List<Geometry> others = new ArrayList<>();
            for (Cam o : CAMERAS) if (o != k && o.active()) others.add(o.viewshed());
            double unique = mine.difference(UnaryUnionOp.union(others)).getArea();
            camCsv.append(String.join(
                            ",",
                            k.id(),
                            k.kind(),
                            String.valueOf(k.live()),
                            num(round(mine.getArea(), 3)),
                            num(round(unique, 3))))
                    .append('\n');
        }
        Files.writeString(out.resolve("coverage/cameras.csv"), camCsv);
        Files.writeString(
                out.resolve("coverage/city.json"),
                String.format(
                        Locale.ROOT,
                        "{\"cameras\": 9, \"covered_m2\": %s, \"live_m2\": %s, \"depth2_m2\": %s, \"depth3_m2\": %s, \"outdoor_m2\": %s,"
                                + " \"covered_share\": %s, \"live_share\": %s, \"street_length_m\": %s, \"street_covered_m\": %s,"
                                + " \"street_covered_share\": %s, \"metric_crs\": \"EPSG:32617\"}",
                        num(round(cov.getArea(), 3)),
                        num(round(covLive.getArea(), 3)),
                        num(round(d2.getArea(), 3)),
                        num(round(d3.getArea(), 3)),
                        num(round(outdoorTotal, 3)),
                        num(round(cov.getArea() / outdoorTotal, 6)),
                        num(round(covLive.getArea() / outdoorTotal, 6)),
                        num(stLen),
                        num(round(stCov, 3)),
                        num(round(stCov / stLen, 6))));

        // Incidents: clustered around three hot spots, the rest spread out.
        Random rnd = new Random(7);
        double[][] hot = {{150, 150}, {250, 150}, {450, 250}};
        List<double[]> inc = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double x, y;
            if (i < 42) {
                double[] h = hot[i % 3];
                x = h[0] - 45 + 90 * rnd.nextDouble();
                y = h[1] - 45 + 90 * rnd.nextDouble();
            } else {
                x = 5 + 590 * rnd.nextDouble();
                y = 5 + 390 * rnd.nextDouble();
            }
            inc.add(new double[] {x, y});
        }
        StringBuilder incCsv = new StringBuilder("incident_id,lon,lat,occurred_at,category,weight\n");
        for (int i = 0; i < inc.size(); i++) {
            Coordinate ll = CRS.toWgs84(X0 + inc.get(i)[0], Y0 + inc.get(i)[1]);
            incCsv.append(String.format(
                    Locale.ROOT, "I%03d,%.7f,%.7f,2026-03-%02dT12:00:00Z,burglary,1%n", i, ll.x, ll.y, 1 + i % 28));
        }
        Files.writeString(inputs.resolve("incidents.csv"), incCsv);

        // Hotspot grid: 6 × 4 cells of 100 m; the three hot cells get gi_bin 3, 3, 2; one cold cell.
        int[][] counts = new int[6][4];
        for (double[] p : inc) counts[(int) (p[0] / 100)][(int) (p[1] / 100)]++;
        StringBuilder cellsCsv = new StringBuilder("cell_id,cx,cy,count,gi_z,gi_p,gi_bin\n");
        List<Geometry> cellGeoms = new ArrayList<>();
        List<Map<String, Object>> cellProps = new ArrayList<>();
        Map<String, Integer> bins = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 4; j++) {
                String id = "C" + i + "_" + j;
                int bin = (i == 1 && j == 1) || (i == 2 && j == 1)
                        ? 3
                        : (i == 4 && j == 2) ? 2 : (i == 0 && j == 3) ? -1 : 0;
                bins.put(id, bin);
                double z = bin == 3 ? 3.1 : bin == 2 ? 2.2 : bin == -1 ? -1.8 : 0.1;
                double cx = X0 + 100 * i + 50, cy = Y0 + 100 * j + 50;
                cellsCsv.append(String.join(
                                ",",
                                id,
                                num(cx),
                                num(cy),
                                String.valueOf(counts[i][j]),
                                num(z),
                                num(bin == 3 ? 0.002 : bin == 2 ? 0.03 : 0.5),
                                String.valueOf(bin)))
                        .append('\n');
                cellGeoms.add(rect(100 * i, 100 * j, 100 * i + 100, 100 * j + 100));
                cellProps.add(props(
                        "cell_id",
                        id,
                        "cx",
                        cx,
                        "cy",
                        cy,
                        "count",
                        counts[i][j],
                        "gi_z",
                        z,
                        "gi_p",
                        0.5,
                        "gi_bin",
                        bin));
            }
        Files.writeString(out.resolve("hotspots/cells.csv"), cellsCsv);
        geojson(out.resolve("hotspots/cells.geojson"), cellGeoms, cellProps, true);
        Files.writeString(
                out.resolve("hotspots/summary.json"),
                "{\"cells\": 24, \"incidents\": 60, \"outside_region\": 0,"
                        + " \"pai\": 2.9, \"hot_cells\": 3, \"cold_cells\": 1, \"mean\": 2.5, \"std\": 3.1, \"cell_m\": 100,"
                        + " \"band_m\": 150, \"bandwidth_m\": 200, \"metric_crs\": \"EPSG:32617\"}");
        Files.writeString(out.resolve("hotspots/outside.csv"), "incident_id,lon,lat\n");

        // Gaps from the incidents' coverage.
        StringBuilder incOut = new StringBuilder("incident_id,covered,live_covered,cell_id,hotspot,area_id\n");
        Map<String, double[]> gapW = new LinkedHashMap<>(); // cell → incidents, uncovered
        Map<String, double[]> areaW = new LinkedHashMap<>(); // area → incidents, covered, hot, hotCovered, uncoveredHot
        for (String[] a : AREAS) areaW.put(a[0], new double[5]);
        for (int i = 0; i < inc.size(); i++) {
            double[] p = inc.get(i);
            Point pt = Geometries.point(X0 + p[0], Y0 + p[1]);
            boolean covered = cov.covers(pt), liveCov = covLive.covers(pt);
            String cell = "C" + (int) (p[0] / 100) + "_" + (int) (p[1] / 100);
            boolean hotspot = bins.get(cell) >= 2;
            String area = AREAS[(int) (p[0] / 200)][0];
            incOut.append(String.join(
                            ",",
                            String.format(Locale.ROOT, "I%03d", i),
                            String.valueOf(covered),
                            String.valueOf(liveCov),
                            cell,
                            String.valueOf(hotspot),
                            area))
                    .append('\n');
            double[] aw = areaW.get(area);
            aw[0]++;
            if (covered) aw[1]++;
            if (hotspot) {
                aw[2]++;
                if (covered) aw[3]++;
                else aw[4]++;
                double[] g = gapW.computeIfAbsent(cell, x -> new double[2]);
                g[0]++;
                if (!covered) g[1]++;
            }
        }
        Files.writeString(out.resolve("gaps/incidents.csv"), incOut);
        List<Map.Entry<String, double[]>> gl = new ArrayList<>(gapW.entrySet());
        gl.removeIf(e -> e.getValue()[1] <= 0);
        gl.sort((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]));
        StringBuilder gapsCsv =
                new StringBuilder("rank,cell_id,cx,cy,gi_bin,incidents,uncovered_weight,area_id,area_name\n");
        List<Geometry> gapGeoms = new ArrayList<>();
        List<Map<String, Object>> gapProps = new ArrayList<>();
        for (int r = 0; r < gl.size(); r++) {
            String id = gl.get(r).getKey();
            int i = Integer.parseInt(id.substring(1, id.indexOf('_'))),
                    j = Integer.parseInt(id.substring(id.indexOf('_') + 1));
            String[] area = AREAS[i / 2];
            double cx = X0 + 100 * i + 50, cy = Y0 + 100 * j + 50;
            gapsCsv.append(String.join(
                            ",",
                            String.valueOf(r + 1),
                            id,
                            num(cx),
                            num(cy),
                            String.valueOf(bins.get(id)),
                            num(gl.get(r).getValue()[0]),
                            num(gl.get(r).getValue()[1]),
                            area[0],
                            area[1]))
                    .append('\n');
            gapGeoms.add(rect(100 * i, 100 * j, 100 * i + 100, 100 * j + 100));
            gapProps.add(props(
                    "rank",
                    r + 1,
                    "cell_id",
                    id,
                    "cx",
                    cx,
                    "cy",
                    cy,
                    "gi_bin",
                    bins.get(id),
                    "incidents",
                    gl.get(r).getValue()[0],
                    "uncovered_weight",
                    gl.get(r).getValue()[1],
                    "area_id",
                    area[0],
                    "area_name",
                    area[1]));
        }
        Files.writeString(out.resolve("gaps/gaps.csv"), gapsCsv);
        geojson(out.resolve("gaps/gaps.geojson"), gapGeoms, gapProps, true);
        StringBuilder gapAreas = new StringBuilder(
                "area_id,name,incidents,covered_share,hotspot_incidents,hotspot_covered_share,uncovered_weight\n");
        for (String[] a : AREAS) {
            double[] w = areaW.get(a[0]);
            gapAreas.append(String.join(
                            ",",
                            a[0],
                            a[1],
                            num(w[0]),
                            num(round(w[0] == 0 ? 0 : w[1] / w[0], 6)),
                            num(w[2]),
                            w[2] == 0 ? "" : num(round(w[3] / w[2], 6)),
                            num(w[4])))
                    .append('\n');
        }
        Files.writeString(out.resolve("gaps/areas.csv"), gapAreas);

        // Outreach: five candidate sites on buildings without cameras; three picked.
        double[][] sites = {{150, 129.5, 180}, {250, 129.5, 180}, {470.5, 250, 90}, {350, 370.5, 0}, {50, 270.5, 0}};
        String[] siteBuilding = {"B11", "B21", "B42", "B33", "B02"};
        String[] siteArea = {"A1", "A2", "A3", "A2", "A1"};
        double[] gains = {9, 6, 4};
        StringBuilder picksCsv = new StringBuilder(
                "rank,site_id,building_id,lon,lat,heading_deg,fov_deg,range_m,area_id,gain,cumulative,upper_bound\n");
        List<Geometry> candGeoms = new ArrayList<>();
        List<Map<String, Object>> candProps = new ArrayList<>();
        double cum = 0;
        for (int s = 0; s < sites.length; s++) {
            candGeoms.add(sector(X0 + sites[s][0], Y0 + sites[s][1], sites[s][2], 90, 50));
            candProps.add(props(
                    "site_id",
                    "site-" + (s + 1),
                    "building_id",
                    siteBuilding[s],
                    "use",
                    "commercial",
                    "picked",
                    s < 3,
                    "rank",
                    s < 3 ? (Object) (s + 1) : null));
            if (s < 3) {
                cum += gains[s];
                Coordinate ll = CRS.toWgs84(X0 + sites[s][0], Y0 + sites[s][1]);
                picksCsv.append(String.format(
                        Locale.ROOT,
                        "%d,site-%d,%s,%.7f,%.7f,%s,90,50,%s,%s,%s,24%n",
                        s + 1,
                        s + 1,
                        siteBuilding[s],
                        ll.x,
                        ll.y,
                        num(sites[s][2]),
                        siteArea[s],
                        num(gains[s]),
                        num(cum)));
            }
        }
        Files.writeString(out.resolve("outreach/picks.csv"), picksCsv);
        geojson(out.resolve("outreach/candidates.geojson"), candGeoms, candProps, true);
        Files.writeString(out.resolve("outreach/demand.csv"), "incident_id,weight\nI000,1\nI001,1\n");
        Files.writeString(
                out.resolve("outreach/areas.csv"),
                "area_id,name,picks,gain,demand,attainable\n"
                        + "A1,Westfield,1,9,12,10\nA2,Central,1,6,9,7\nA3,Eastbrook,1,4,5,4\n");
        Files.writeString(
                out.resolve("outreach/summary.json"),
                "{\"k\": 3, \"picked\": 3, \"candidates\": 5,"
                        + " \"demand_weight\": 26, \"total_gain\": 19, \"upper_bound\": 24, \"optimality_gap\": 0.2083}");

        // Dispatch suggestions name resident cameras: the planner and public reports must not copy them.
        Files.writeString(
                out.resolve("dispatch/suggestions.csv"),
                "incident_id,rank,camera_id,kind,access,visible_share,"
                        + "distance_m,off_axis_deg,footage_until,role,reason\n"
                        + "I000,1,R-103,resident,request,0.8,20.5,10,2026-03-08T12:00:00Z,sees,\"sees the incident at 21 m, owner request\"\n");

        // Run facts, layer summary, rejects (owner fields blanked).
        Files.writeString(
                out.resolve("run.json"),
                String.format(
                        Locale.ROOT,
                        "{\"inputs\": {\"buildings\": \"%s\", \"cameras\": \"%s\", \"streets\": \"%s\", \"areas\": \"%s\","
                                + " \"incidents\": \"%s\"}, \"metric_crs\": \"EPSG:32617\","
                                + " \"parameters\": {\"cell_m\": 100, \"band_m\": 150, \"k\": 3, \"arc_tolerance_m\": 0.1},"
                                + " \"stages\": [\"viewsheds\", \"coverage\", \"hotspots\", \"gaps\", \"outreach\", \"dispatch\"]}",
                        inputs.resolve("buildings.geojson"),
                        inputs.resolve("cameras.csv"),
                        inputs.resolve("streets.geojson"),
                        inputs.resolve("areas.geojson"),
                        inputs.resolve("incidents.csv")));
        Files.writeString(
                out.resolve("summary.json"),
                "{\"layers\": {"
                        + "\"cameras\": {\"read\": 12, \"accepted\": 10, \"repaired\": 1, \"rejected\": 2},"
                        + "\"buildings\": {\"read\": 24, \"accepted\": 24, \"repaired\": 0, \"rejected\": 0},"
                        + "\"incidents\": {\"read\": 61, \"accepted\": 60, \"repaired\": 0, \"rejected\": 1}}}");
        Files.writeString(
                out.resolve("rejects/cameras.csv"),
                "layer,source_line,reason,raw\n"
                        + "cameras,5,range_m must be in (0; 500],\"R-900,-80.84,35.22,,,900,,resident,,,,,,\"\n"
                        + "cameras,9,range_m must be in (0; 500],\"R-901,-80.84,35.22,,,0,,resident,,,,,,\"\n");
        Files.writeString(
                out.resolve("rejects/incidents.csv"),
                "layer,source_line,reason,raw\n"
                        + "incidents,17,unparsable occurred_at,\"I999,-80.84,35.22,yesterday,theft,1\"\n");
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static void geojson(
            Path file, List<? extends Geometry> metric, List<Map<String, Object>> props, boolean toWgs84)
            throws IOException {
        try (var os = Files.newOutputStream(file);
                GeoJsonFeatureWriter w = GeoJsonFeatureWriter.wgs84(os)) {
            for (int i = 0; i < metric.size(); i++) {
                Geometry g = metric.get(i);
                w.write(g.isEmpty() || !toWgs84 ? (g.isEmpty() ? null : g) : CRS.toWgs84(g), props.get(i));
            }
        }
    }

    static double round(double v, int d) {
        double f = Math.pow(10, d);
        return Math.round(v * f) / f;
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
