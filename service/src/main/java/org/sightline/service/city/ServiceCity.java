package org.sightline.service.city;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.sightline.engine.city.City;
import org.sightline.engine.coverage.AreaCoverage;
import org.sightline.engine.coverage.CoverageResult;
import org.sightline.engine.dispatch.DispatchIndex;
import org.sightline.engine.gaps.Gap;
import org.sightline.engine.gaps.GapReport;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.hotspot.HotspotCell;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.hotspot.HotspotOptions;
import org.sightline.engine.io.GeoJsonFeatureWriter;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Camera;
import org.sightline.engine.privacy.CameraCells;

/**
 * The city a service instance serves: the engine's {@link City} with its dispatch index, plus what
 * the API hands out, computed once: camera positions in lon/lat, viewsheds in lon/lat (per camera,
 * on first use), k-anonymous camera cells, and the map layers (areas with coverage, hotspot cells,
 * gap cells) as GeoJSON bytes.
 */
public final class ServiceCity {
    /** A camera as the API shows it to dispatchers. */
    public record CameraRecord(Camera metric, double lon, double lat) {}

    private final City city;
    private final MetricCrs crs;
    private final DispatchIndex index;
    private final int kAnon;
    private final Map<String, CameraRecord> byId = new HashMap<>();
    private final List<CameraRecord> all = new ArrayList<>();
    private final Map<String, Integer> viewshedIndex = new HashMap<>();
    private final ConcurrentHashMap<String, Geometry> lonLatViewsheds = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, CameraCells> cells = new ConcurrentHashMap<>();
    private final Envelope extent = new Envelope();
    private byte[] areasJson, hotspotsJson, gapsJson;

    public ServiceCity(City city, double approachM, int kAnon) {
        this.city = city;
        this.crs = city.crs();
        this.kAnon = kAnon;
        this.index = city.dispatchIndex(approachM);
        List<Camera> cams = city.cameras();
        for (int i = 0; i < cams.size(); i++) {
            Camera c = cams.get(i);
            Coordinate ll = crs.toWgs84(c.position().getX(), c.position().getY());
            CameraRecord r = new CameraRecord(c, ll.x, ll.y);
            byId.put(c.id(), r);
            all.add(r);
            viewshedIndex.put(c.id(), i);
            extent.expandToInclude(ll);
        }
        for (Area a : city.areas()) {
            Coordinate ctr = a.geometry().getEnvelopeInternal().centre();
            extent.expandToInclude(crs.toWgs84(ctr.x, ctr.y));
        }
    }

    public City city() {
        return city;
    }

    public MetricCrs crs() {
        return crs;
    }

    public DispatchIndex dispatchIndex() {
        return index;
    }

    public int kAnon() {
        return kAnon;
    }

    public Optional<CameraRecord> camera(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<CameraRecord> cameras() {
        return all;
    }

    /** The lon/lat extent of the cameras and areas. */
    public Envelope extent() {
        return new Envelope(extent);
    }

    public Point toMetric(double lon, double lat) {
        return Geometries.FACTORY.createPoint(crs.toMetric(lon, lat));
    }

    /** A camera's viewshed in lon/lat (empty when it has none). */
    public Geometry viewshedLonLat(String cameraId) {
        return lonLatViewsheds.computeIfAbsent(cameraId, id -> {
            Integer i = viewshedIndex.get(id);
            if (i == null) return Geometries.FACTORY.createPolygon();
            Geometry g = city.viewsheds().get(i).geometry();
            return g.isEmpty() ? g : crs.toWgs84(g);
        });
    }

    /** Cameras per H3 cell of resolution {@code res}, cells with 1 … k − 1 residents suppressed. */
    public CameraCells cells(int res) {
        return cells.computeIfAbsent(res, r -> {
            List<Camera> lonLat = new ArrayList<>(all.size());
            for (CameraRecord c : all)
                lonLat.add(c.metric().withPosition(Geometries.FACTORY.createPoint(new Coordinate(c.lon(), c.lat()))));
            return CameraCells.of(lonLat, r, kAnon);
        });
    }

    /** Areas with their coverage shares (aggregates only: no per-camera figures). */
    public synchronized byte[] areasGeoJson() {
        if (areasJson == null) {
            CoverageResult cov = city.coverage();
            areasJson = geoJson(w -> {
                for (int i = 0; i < city.areas().size(); i++) {
                    Area a = city.areas().get(i);
                    AreaCoverage c = cov.areas().get(i);
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("area_id", a.id());
                    p.put("name", a.name());
                    p.put("outdoor_m2", Math.round(c.outdoorM2()));
                    p.put("covered_share", round4(c.coveredShare()));
                    p.put("live_share", round4(c.liveShare()));
                    p.put("depth2_share", round4(c.depth2Share()));
                    w.write(simplify(a.geometry()), p);
                }
            });
        }
        return areasJson;
    }

    /** Hotspot cells (gi_bin ≥ 1) with counts and Gi* bins: incidents aggregated to 100 m cells. */
    public synchronized byte[] hotspotsGeoJson() {
        if (hotspotsJson == null) {
            HotspotGrid grid = city.hotspots(HotspotOptions.defaults());
            hotspotsJson = geoJson(w -> {
                for (HotspotCell c : grid.cells()) {
                    if (c.giBin() < 1) continue;
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("cell_id", c.cellId());
                    p.put("count", c.count());
                    p.put("gi_z", round4(c.giZ()));
                    p.put("gi_bin", c.giBin());
                    w.write(crs.toWgs84(grid.polygon(c)), p);
                }
            });
        }
        return hotspotsJson;
    }

    /** Gap cells: hotspot cells with uncovered incidents, ranked. */
    public synchronized byte[] gapsGeoJson() {
        if (gapsJson == null) {
            HotspotGrid grid = city.hotspots(HotspotOptions.defaults());
            GapReport report = city.gaps(HotspotOptions.defaults());
            gapsJson = geoJson(w -> {
                for (Gap g : report.gaps()) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("rank", g.rank());
                    p.put("cell_id", g.cellId());
                    p.put("gi_bin", g.giBin());
                    p.put("incidents", g.incidents());
                    p.put("uncovered_weight", g.uncoveredWeight());
                    p.put("area_id", g.areaId());
                    p.put("area_name", g.areaName());
                    Geometry cell = grid.cellAt(g.cx(), g.cy())
                            .<Geometry>map(grid::polygon)
                            .orElse(Geometries.FACTORY.createPoint(new Coordinate(g.cx(), g.cy())));
                    w.write(crs.toWgs84(cell), p);
                }
            });
        }
        return gapsJson;
    }

    /** Computes every map layer now (a background warm-up after start). */
    public void warmUp() {
        areasGeoJson();
        hotspotsGeoJson();
        gapsGeoJson();
        cells(8);
    }

    private Geometry simplify(Geometry metric) {
        return crs.toWgs84(TopologyPreservingSimplifier.simplify(metric, 2.0));
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private interface FeatureSink {
        void write(GeoJsonFeatureWriter w) throws IOException;
    }

    private static byte[] geoJson(FeatureSink sink) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoJsonFeatureWriter w = GeoJsonFeatureWriter.wgs84(out)) {
            sink.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
