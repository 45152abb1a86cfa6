package org.sightline.jobs.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.sightline.engine.coverage.AreaCoverage;
import org.sightline.engine.dispatch.Suggestion;
import org.sightline.engine.gaps.Gap;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.hotspot.HotspotCell;
import org.sightline.engine.outreach.OutreachPlan;
import org.sightline.jobs.spark.CameraResult;
import org.sightline.jobs.spark.SparkCity;

/**
 * Stage results as PostGIS tables for QGIS: {@code viewsheds}, {@code coverage_areas}, {@code
 * hotspot_cells}, {@code gaps}, {@code outreach_picks} and {@code suggestions}, geometry in the run's
 * metric CRS (column {@code geom} with its SRID) and a GIST index. Each table is replaced in one
 * transaction, so a re-run is idempotent and readers never see half a table.
 */
public final class PostgisWriter {
    private final RunConfig.Postgis pg;
    private final int srid;

    public PostgisWriter(RunConfig.Postgis pg, MetricCrs crs) {
        this.pg = pg;
        String code = crs.code();
        this.srid = Integer.parseInt(code.substring(code.indexOf(':') + 1));
    }

    /** A column list for CREATE TABLE and the values of one row. */
    private record Table(String name, String columns, String geometryType) {}

    void write(String stage, Pipeline.State state, SparkCity sc) {
        try (Connection c = PostgisLayers.connect(pg)) {
            c.setAutoCommit(false);
            switch (stage) {
                case "viewsheds" -> {
                    Table t = new Table(
                            "viewsheds",
                            "camera_id text, kind text, live_feed boolean, area_m2 double precision,"
                                    + " low_confidence boolean, status text",
                            "Polygon");
                    Iterator<CameraResult> it = sc.viewsheds()
                            .sortByKey(true, sc.partitions())
                            .values()
                            .toLocalIterator();
                    replace(c, t, () -> new Iterator<Object[]>() {
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        public Object[] next() {
                            CameraResult r = it.next();
                            return new Object[] {
                                r.camera().id(),
                                r.camera().kind().code(),
                                r.camera().liveFeed(),
                                r.viewshed().areaM2(),
                                r.camera().lowConfidence(),
                                r.viewshed().status().name().toLowerCase(java.util.Locale.ROOT),
                                r.viewshed().geometry()
                            };
                        }
                    });
                }
                case "coverage" -> {
                    List<Object[]> rows = new ArrayList<>();
                    var areas = sc.city().areas();
                    for (int a = 0; a < areas.size(); a++) {
                        AreaCoverage r = state.coverage.coverage().areas().get(a);
                        rows.add(new Object[] {
                            r.areaId(),
                            r.name(),
                            r.areaM2(),
                            r.outdoorM2(),
                            r.coveredShare(),
                            r.liveShare(),
                            r.depth1Share(),
                            r.depth2Share(),
                            r.depth3Share(),
                            r.streetLengthM(),
                            r.streetCoveredShare(),
                            Geometries.FACTORY.createMultiPolygon(
                                    polygons(areas.get(a).geometry()))
                        });
                    }
                    replace(
                            c,
                            new Table(
                                    "coverage_areas",
                                    "area_id text, name text, area_m2 double precision,"
                                            + " outdoor_m2 double precision, covered_share double precision, live_share double precision,"
                                            + " depth1_share double precision, depth2_share double precision, depth3_share double precision,"
                                            + " street_length_m double precision, street_covered_share double precision",
                                    "MultiPolygon"),
                            rows::iterator);
                }
                case "hotspots" -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (HotspotCell h : state.grid.cells())
                        rows.add(new Object[] {
                            h.cellId(), h.cx(), h.cy(), h.count(), h.giZ(), h.giP(), h.giBin(), state.grid.polygon(h)
                        });
                    replace(
                            c,
                            new Table(
                                    "hotspot_cells",
                                    "cell_id text, cx double precision, cy double precision,"
                                            + " count double precision, gi_z double precision, gi_p double precision, gi_bin integer",
                                    "Polygon"),
                            rows::iterator);
                }
                case "gaps" -> {
                    java.util.Map<String, HotspotCell> cells = new java.util.HashMap<>();
                    state.grid.cells().forEach(h -> cells.put(h.cellId(), h));
                    List<Object[]> rows = new ArrayList<>();
                    for (Gap g : state.gaps.gaps())
                        rows.add(new Object[] {
                            g.rank(),
                            g.cellId(),
                            g.giBin(),
                            g.incidents(),
                            g.uncoveredWeight(),
                            g.areaId(),
                            g.areaName(),
                            state.grid.polygon(cells.get(g.cellId()))
                        });
                    replace(
                            c,
                            new Table(
                                    "gaps",
                                    "rank integer, cell_id text, gi_bin integer, incidents double precision,"
                                            + " uncovered_weight double precision, area_id text, area_name text",
                                    "Polygon"),
                            rows::iterator);
                }
                case "outreach" -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (OutreachPlan.Pick p : state.plan.picks())
                        rows.add(new Object[] {
                            p.rank(),
                            p.site().siteId(),
                            p.site().buildingId(),
                            p.site().headingDeg(),
                            p.site().fovDeg(),
                            p.site().rangeM(),
                            p.areaId(),
                            p.gain(),
                            p.cumulative(),
                            p.site().position()
                        });
                    replace(
                            c,
                            new Table(
                                    "outreach_picks",
                                    "rank integer, site_id text, building_id text,"
                                            + " heading_deg double precision, fov_deg double precision, range_m double precision,"
                                            + " area_id text, gain double precision, cumulative double precision",
                                    "Point"),
                            rows::iterator);
                }
                case "dispatch" -> {
                    Iterator<List<Suggestion>> it = org.sightline.jobs.spark.DispatchJob.run(
                                    sc,
                                    new org.sightline.engine.dispatch.DispatchOptions(
                                            state.dispatchOptions.uncertaintyM(),
                                            state.dispatchOptions.approachM(),
                                            state.dispatchOptions.top()),
                                    null)
                            .sortByKey(true, sc.partitions())
                            .values()
                            .toLocalIterator();
                    Iterator<Object[]> rows = new Iterator<>() {
                        Iterator<Suggestion> cur = java.util.Collections.emptyIterator();

                        public boolean hasNext() {
                            while (!cur.hasNext() && it.hasNext())
                                cur = it.next().iterator();
                            return cur.hasNext();
                        }

                        public Object[] next() {
                            hasNext();
                            Suggestion s = cur.next();
                            return new Object[] {
                                s.incidentId(),
                                s.rank(),
                                s.cameraId(),
                                s.kind().code(),
                                s.access().code(),
                                s.visibleShare(),
                                s.distanceM(),
                                s.offAxisDeg(),
                                Timestamp.from(s.footageUntil()),
                                s.role().code(),
                                s.reason()
                            };
                        }
                    };
                    replace(
                            c,
                            new Table(
                                    "suggestions",
                                    "incident_id text, rank integer, camera_id text, kind text,"
                                            + " access text, visible_share double precision, distance_m double precision,"
                                            + " off_axis_deg double precision, footage_until timestamptz, role text, reason text",
                                    null),
                            () -> rows);
                }
                default -> throw new IllegalStateException(stage);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot write the " + stage + " tables to PostGIS at " + pg.url() + ": " + e.getMessage(), e);
        }
    }

    private static org.locationtech.jts.geom.Polygon[] polygons(Geometry g) {
        org.locationtech.jts.geom.Polygon[] out = new org.locationtech.jts.geom.Polygon[g.getNumGeometries()];
        for (int i = 0; i < out.length; i++) out[i] = (org.locationtech.jts.geom.Polygon) g.getGeometryN(i);
        return out;
    }

    /** Drops and recreates {@code t}, inserts the rows (geometry last) and indexes it, in one transaction. */
    private void replace(Connection c, Table t, Iterable<Object[]> rows) throws SQLException {
        String name = PostgisLayers.quote(pg.schema()) + "." + PostgisLayers.quote(t.name());
        String columns = t.columns()
                + (t.geometryType() == null ? "" : ", geom geometry(" + t.geometryType() + ", " + srid + ")");
        int n = t.columns().split(",").length + (t.geometryType() == null ? 0 : 1);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + name);
            st.execute("CREATE TABLE " + name + " (" + columns + ")");
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) values.append(", ");
            values.append(t.geometryType() != null && i == n - 1 ? "ST_GeomFromWKB(?, " + srid + ")" : "?");
        }
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + name + " VALUES (" + values + ")")) {
            int batch = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    Object v = row[i];
                    if (v instanceof Geometry g) ps.setBytes(i + 1, wkb.write(g));
                    else ps.setObject(i + 1, v);
                }
                ps.addBatch();
                if (++batch % 5000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            if (t.geometryType() != null) st.execute("CREATE INDEX ON " + name + " USING GIST (geom)");
            st.execute("ANALYZE " + name);
        }
        c.commit();
    }
}
