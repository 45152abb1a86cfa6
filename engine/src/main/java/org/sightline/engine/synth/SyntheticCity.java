package org.sightline.engine.synth;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.io.AtomicFiles;
import org.sightline.engine.io.GeoJsonFeatureWriter;

/**
 * A deterministic synthetic city in the input contract: {@code streets.geojson},
 * {@code buildings.geojson}, {@code areas.geojson}, {@code cameras.csv}, {@code incidents.csv} and
 * {@code city.json}, all WGS84 lon/lat with 8 decimals (≤ 0.6 mm). Everything is generated in metres
 * in UTM 17N (EPSG:32617) around the preset's centre and projected once, at the writers.
 *
 * <p>The same {@link SynthOptions} give the same bytes: every random draw comes from a stream keyed
 * by (seed, layer, superblock), nothing depends on hash order, and everything runs on one thread.
 * Layers are streamed to their files (each written to a temporary file and renamed), so memory grows
 * only with a few primitive arrays per building, segment and incident: the charlotte preset at scale
 * 10 (3.4 M buildings) needs well under 2 GiB.
 *
 * <p>The charlotte preset: ~1,050 km², ≥ 300,000 buildings, 2,075 resident and 1,363 business
 * cameras, 120,000 incidents, 60 neighbourhoods.
 */
public final class SyntheticCity {
    public static final String METRIC_CRS = "EPSG:32617";

    /** Told when a layer is complete. */
    @FunctionalInterface
    public interface Listener {
        void layerWritten(String layer, long features, Path file, long millis);
    }

    private final SynthOptions options;
    private final Path dir;
    private final Listener listener;
    private final MetricCrs crs;
    private final LonLatProjection proj;
    private final PlanWarp warp;
    private final Zoning zoning;
    private final CityBoundary boundary;
    private final StreetPlan plan;
    private final StreetSegments segments = new StreetSegments();
    private final Facades facades = new Facades();

    private SyntheticCity(Path dir, SynthOptions o, Listener listener) {
        this.options = o;
        this.dir = dir;
        this.listener = listener;
        this.crs = MetricCrs.of(METRIC_CRS);
        this.proj = new LonLatProjection(crs, o.preset().centreLon(), o.preset().centreLat());
        var rng = Seeds.rng(o.seed(), Seeds.PLAN, 0, 0);
        this.warp = new PlanWarp(o.preset().arterialSpacingM(), rng);
        this.zoning = new Zoning(o, rng);
        this.boundary = new CityBoundary(o.radiusM(), rng);
        this.plan = new StreetPlan(o, warp, zoning, rng);
    }

    /** Generates the city into {@code dir} (created if needed; existing files of the same names are replaced). */
    public static CitySummary generate(Path dir, SynthOptions options) {
        return generate(dir, options, (layer, n, file, ms) -> {});
    }

    public static CitySummary generate(Path dir, SynthOptions options, Listener listener) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(options, "options");
        return new SyntheticCity(dir, options, listener).run();
    }

    private CitySummary run() {
        long streets = timed("streets", "streets.geojson", this::writeStreets);
        long buildings = timed("buildings", "buildings.geojson", this::writeBuildings);
        long areas = timed("areas", "areas.geojson", this::writeAreas);
        long cameras = timed("cameras", "cameras.csv", this::writeCameras);
        IncidentSampler.Result[] result = new IncidentSampler.Result[1];
        timed("incidents", "incidents.csv", file -> {
            AtomicFiles.writeText(
                    file,
                    w -> result[0] = IncidentSampler.write(
                            segments, options.incidents(), proj, Seeds.rng(options.seed(), Seeds.INCIDENTS, 0, 0), w));
            return result[0].incidents();
        });
        CitySummary summary = new CitySummary(
                dir,
                options,
                crs.code(),
                Math.round(boundary.areaM2() / 1e3) / 1e3,
                streets,
                buildings,
                areas,
                options.residentCameras(),
                options.businessCameras(),
                result[0].incidents(),
                result[0].shareOfSegmentsForHalf());
        if (cameras != summary.cameras()) throw new IllegalStateException("wrote " + cameras + " cameras");
        writeCityJson(summary);
        return summary;
    }

    @FunctionalInterface
    private interface LayerBody {
        long write(Path file) throws IOException;
    }

    private long timed(String layer, String fileName, LayerBody body) {
        long t0 = System.nanoTime();
        Path file = dir.resolve(fileName);
        long n;
        try {
            n = body.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        listener.layerWritten(layer, n, file, (System.nanoTime() - t0) / 1_000_000);
        return n;
    }

    private long writeStreets(Path file) {
        String[] names = new String[plan.lines()];
        long[] count = {0};
        AtomicFiles.write(file, out -> {
            try (GeoJsonFeatureWriter w = new GeoJsonFeatureWriter(out, 8, null)) {
                Map<String, Object> props = new LinkedHashMap<>();
                double[] xy = new double[64];
                plan.segments((u0, v0, u1, v1, arterial, line) -> {
                    boolean in0 = boundary.contains(warp.x(u0, v0), warp.y(u0, v0));
                    boolean in1 = boundary.contains(warp.x(u1, v1), warp.y(u1, v1));
                    if (!in0 && !in1) return;
                    // a segment that leaves the city ends at the boundary (found by bisection)
                    double f0 = in0 ? 0 : 1 - crossing(u1, v1, u0, v0), f1 = in1 ? 1 : crossing(u0, v0, u1, v1);
                    double su = u0 + f0 * (u1 - u0), sv = v0 + f0 * (v1 - v0);
                    double eu = u0 + f1 * (u1 - u0), ev = v0 + f1 * (v1 - v0);
                    double len = Math.hypot(eu - su, ev - sv);
                    if (len < 1) return;
                    int pieces = Math.min(31, Math.max(1, (int) Math.ceil(len / 150)));
                    for (int i = 0; i <= pieces; i++) {
                        double f = (double) i / pieces, u = su + f * (eu - su), v = sv + f * (ev - sv);
                        xy[2 * i] = warp.x(u, v);
                        xy[2 * i + 1] = warp.y(u, v);
                    }
                    double x0 = xy[0], y0 = xy[1], x1 = xy[2 * pieces], y1 = xy[2 * pieces + 1];
                    if (names[line] == null) {
                        names[line] = Names.street(Seeds.rng(options.seed(), Seeds.NAMES, line, 0), arterial);
                    }
                    double d = zoning.density((x0 + x1) / 2, (y0 + y1) / 2);
                    segments.add(x0, y0, x1, y1, arterial, d);
                    props.put("street_id", Decimals.id("S", ++count[0], 6));
                    props.put("name", names[line]);
                    props.put("class", arterial ? "arterial" : "local");
                    try {
                        w.write(Geometries.FACTORY.createLineString(proj.ring(xy, pieces + 1, false)), props);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        });
        return count[0];
    }

    /** Fraction along (a → b), a inside and b outside, where the warped segment leaves the city. */
    private double crossing(double ua, double va, double ub, double vb) {
        double lo = 0, hi = 1;
        for (int i = 0; i < 40; i++) {
            double m = (lo + hi) / 2;
            if (boundary.contains(
                    warp.x(ua + m * (ub - ua), va + m * (vb - va)), warp.y(ua + m * (ub - ua), va + m * (vb - va))))
                lo = m;
            else hi = m;
        }
        return lo;
    }

    private long writeBuildings(Path file) {
        long[] count = {0};
        AtomicFiles.write(file, out -> {
            try (GeoJsonFeatureWriter w = new GeoJsonFeatureWriter(out, 8, null)) {
                Map<String, Object> props = new LinkedHashMap<>();
                BlockFiller filler = new BlockFiller();
                BlockFiller.Sink sink = (ring, n, height, use, front) -> {
                    for (int i = 0; i < 2 * n; i += 2) {
                        if (!boundary.contains(ring[i], ring[i + 1])) return;
                    }
                    props.put("building_id", Decimals.id("B", ++count[0], 7));
                    props.put("height_m", Double.isNaN(height) ? null : height);
                    props.put("use", use.code());
                    facades.add(front, use);
                    try {
                        w.write(Geometries.FACTORY.createPolygon(proj.ring(ring, n, true)), props);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                };
                for (int a = 0; a < plan.cols(); a++) {
                    for (int b = 0; b < plan.rows(); b++) {
                        var rng = Seeds.rng(options.seed(), Seeds.BLOCKS, a, b);
                        plan.blocks(a, b, block -> {
                            double cx = block.centroidX(), cy = block.centroidY();
                            if (!boundary.contains(cx, cy)) return;
                            Zone zone = zoning.zone(cx, cy, block.hasLabel(1), rng);
                            filler.fill(block, zone, rng, sink);
                        });
                    }
                }
            }
        });
        return count[0];
    }

    private long writeAreas(Path file) {
        var cells = Neighbourhoods.of(
                boundary, options.areas(), options.radiusM(), Seeds.rng(options.seed(), Seeds.AREAS, 0, 0));
        AtomicFiles.write(file, out -> {
            try (GeoJsonFeatureWriter w = new GeoJsonFeatureWriter(out, 8, null)) {
                Map<String, Object> props = new LinkedHashMap<>();
                for (Neighbourhoods.Cell c : cells) {
                    props.put("area_id", c.id());
                    props.put("name", c.name());
                    w.write(toLonLat(c.geometry()), props);
                }
            }
        });
        return cells.size();
    }

    private Geometry toLonLat(Geometry metric) {
        Geometry g = metric.copy();
        g.apply(new CoordinateSequenceFilter() {
            private final double[] xy = new double[2], ll = new double[2];

            @Override
            public void filter(CoordinateSequence seq, int i) {
                xy[0] = seq.getX(i);
                xy[1] = seq.getY(i);
                proj.toLonLat(xy, 1, ll);
                seq.setOrdinate(i, 0, ll[0]);
                seq.setOrdinate(i, 1, ll[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return g;
    }

    private long writeCameras(Path file) {
        long[] n = {0};
        AtomicFiles.writeText(
                file,
                w -> n[0] = CameraSiting.write(
                        facades,
                        options.residentCameras(),
                        options.businessCameras(),
                        proj,
                        Seeds.rng(options.seed(), Seeds.CAMERAS, 0, 0),
                        w));
        return n[0];
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private void writeCityJson(CitySummary s) {
        Map<String, Object> city = new LinkedHashMap<>();
        city.put("generator", "sightline generate");
        city.put("preset", options.preset().name());
        city.put("seed", options.seed());
        city.put("scale", options.scale());
        city.put("metric_crs", crs.code());
        Coordinate centre =
                new Coordinate(options.preset().centreLon(), options.preset().centreLat());
        city.put("centre", ordered("lon", centre.x, "lat", centre.y));
        city.put("area_km2", s.areaKm2());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("streets", s.streets());
        counts.put("buildings", s.buildings());
        counts.put("areas", s.areas());
        counts.put("cameras", s.cameras());
        counts.put("resident_cameras", s.residentCameras());
        counts.put("business_cameras", s.businessCameras());
        counts.put("incidents", s.incidents());
        city.put("counts", counts);
        city.put("half_incidents_segment_share", Math.round(s.halfIncidentSegmentShare() * 1e5) / 1e5);
        city.put(
                "incident_period",
                ordered("from", "2025-01-01", "to", "2025-12-31", "local_zone", IncidentSampler.LOCAL.getId()));
        ObjectMapper json = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        AtomicFiles.writeText(dir.resolve("city.json"), w -> {
            json.writeValue(w, city);
            w.write('\n');
        });
    }
}
