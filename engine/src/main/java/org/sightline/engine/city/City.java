package org.sightline.engine.city;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.coverage.CameraView;
import org.sightline.engine.coverage.Coverage;
import org.sightline.engine.coverage.CoverageIndex;
import org.sightline.engine.coverage.CoverageResult;
import org.sightline.engine.coverage.OutdoorArea;
import org.sightline.engine.dispatch.DispatchCamera;
import org.sightline.engine.dispatch.DispatchIndex;
import org.sightline.engine.gaps.GapReport;
import org.sightline.engine.gaps.Gaps;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.hotspot.HotspotOptions;
import org.sightline.engine.hotspot.Hotspots;
import org.sightline.engine.hotspot.LonLatProjection;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Incident;
import org.sightline.engine.model.Street;
import org.sightline.engine.viewshed.Footprints;
import org.sightline.engine.viewshed.Viewshed;
import org.sightline.engine.viewshed.ViewshedOptions;
import org.sightline.engine.viewshed.Viewsheds;

/**
 * One city's layers in a metric CRS and what the engine derives from them, each computed once, on
 * first use, with all cores: merged occluders, every camera's viewshed, the coverage inputs, the
 * dispatch index. The CLI commands, the pipeline and the service all start from a {@code City};
 * the algorithms themselves live in their packages.
 */
public final class City {
    private final MetricCrs crs;
    private final List<Camera> cameras;
    private final List<Footprint> buildings;
    private final List<Incident> incidents;
    private final List<Area> areas;
    private final List<Street> streets;
    private final ViewshedOptions options;

    private Footprints occluders;
    private List<Polygon> allFootprintsMerged;
    private List<Viewshed> viewsheds;
    private List<CameraView> views;
    private double[] outdoor;
    private volatile Progress progress = Progress.NONE;
    private final java.util.Map<HotspotOptions, HotspotGrid> hotspots = new java.util.HashMap<>();
    private final java.util.Map<HotspotOptions, GapReport> gaps = new java.util.HashMap<>();
    private CoverageIndex coverageIndex;

    public City(
            MetricCrs crs,
            List<Camera> cameras,
            List<Footprint> buildings,
            List<Incident> incidents,
            List<Area> areas,
            List<Street> streets,
            ViewshedOptions options) {
        this.crs = Objects.requireNonNull(crs, "crs");
        this.cameras = List.copyOf(cameras);
        this.buildings = List.copyOf(buildings);
        this.incidents = List.copyOf(incidents);
        this.areas = List.copyOf(areas);
        this.streets = List.copyOf(streets);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Reports progress of the long stages (viewsheds) to {@code p}. */
    public City withProgress(Progress p) {
        this.progress = p == null ? Progress.NONE : p;
        return this;
    }

    public MetricCrs crs() {
        return crs;
    }

    public List<Camera> cameras() {
        return cameras;
    }

    public List<Footprint> buildings() {
        return buildings;
    }

    public List<Incident> incidents() {
        return incidents;
    }

    public List<Area> areas() {
        return areas;
    }

    public List<Street> streets() {
        return streets;
    }

    public ViewshedOptions viewshedOptions() {
        return options;
    }

    /** The occluders: footprints at least {@code minOccluderHeightM} tall (or of unknown height), merged. */
    public synchronized Footprints occluders() {
        if (occluders == null) occluders = Footprints.of(buildings, options);
        return occluders;
    }

    /** Every footprint, merged where they overlap or touch: what "indoor" means for outdoor area. */
    public synchronized List<Polygon> indoor() {
        if (allFootprintsMerged == null) {
            boolean allOcclude =
                    buildings.stream().noneMatch(f -> f.hasHeight() && f.heightM() < options.minOccluderHeightM());
            allFootprintsMerged = allOcclude
                    ? occluders().merged()
                    : Footprints.of(buildings, 0).merged();
        }
        return allFootprintsMerged;
    }

    /** The viewshed of every camera, in camera order (inactive cameras get an empty one). */
    public synchronized List<Viewshed> viewsheds() {
        if (viewsheds == null) {
            Footprints f = occluders();
            Viewshed[] out = new Viewshed[cameras.size()];
            java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
            Progress p = progress;
            IntStream.range(0, out.length).parallel().forEach(i -> {
                out[i] = Viewsheds.of(cameras.get(i), f, options);
                long d = done.incrementAndGet();
                if (d % 256 == 0 || d == out.length) p.update("viewsheds", d, out.length);
            });
            viewsheds = List.of(out);
        }
        return viewsheds;
    }

    /** The viewshed engine as a function, e.g. for candidate sites. */
    public Function<Camera, Geometry> viewshedFunction() {
        Footprints f = occluders();
        return c -> Viewsheds.of(c, f, options).geometry();
    }

    /**
     * Coverage inputs: the non-empty viewsheds of active cameras, minus footprints too low to occlude
     * (they are still indoor area).
     */
    public synchronized List<CameraView> cameraViews() {
        if (views == null) {
            List<Geometry> low = buildings.stream()
                    .filter(b -> b.hasHeight() && b.heightM() < options.minOccluderHeightM())
                    .map(Footprint::geometry)
                    .toList();
            List<Viewshed> vs = viewsheds();
            CameraView[] out = new CameraView[cameras.size()];
            IntStream.range(0, out.length).parallel().forEach(i -> {
                Geometry g = vs.get(i).geometry();
                if (!low.isEmpty() && !g.isEmpty()) g = Coverage.outdoorOnly(g, nearby(low, g));
                out[i] = new CameraView(cameras.get(i).id(), g, cameras.get(i).liveFeed());
            });
            List<CameraView> list = new ArrayList<>();
            for (int i = 0; i < out.length; i++) {
                if (cameras.get(i).active() && !out[i].viewshed().isEmpty()) list.add(out[i]);
            }
            views = List.copyOf(list);
        }
        return views;
    }

    private static List<Geometry> nearby(List<Geometry> low, Geometry g) {
        var env = g.getEnvelopeInternal();
        return low.stream().filter(f -> f.getEnvelopeInternal().intersects(env)).toList();
    }

    /** Outdoor m² per area (area minus every footprint). */
    public synchronized double[] outdoorM2() {
        if (outdoor == null) outdoor = OutdoorArea.perArea(areas, indoor());
        return outdoor;
    }

    public CoverageResult coverage() {
        return Coverage.compute(cameraViews(), areas, streets, outdoorM2(), true);
    }

    public synchronized CoverageIndex coverageIndex() {
        if (coverageIndex == null) coverageIndex = new CoverageIndex(cameraViews());
        return coverageIndex;
    }

    /** The study region: the union of the areas (empty: the incidents' extent is used). */
    public Geometry region() {
        return Hotspots.region(areas);
    }

    /** Hotspot cells of the incidents over the region (computed once per options). */
    public synchronized HotspotGrid hotspots(HotspotOptions o) {
        return hotspots.computeIfAbsent(o, k -> Hotspots.compute(incidents, region(), k, LonLatProjection.of(crs)));
    }

    /** Covered flags, ranked gap cells and the per-area table (computed once per options). */
    public synchronized GapReport gaps(HotspotOptions o) {
        GapReport r = gaps.get(o);
        if (r == null) {
            r = Gaps.compute(incidents, coverageIndex(), hotspots(o), areas);
            gaps.put(o, r);
        }
        return r;
    }

    /** Dispatch index over active cameras at their effective (nudged) positions. */
    public DispatchIndex dispatchIndex(double maxApproachM) {
        List<Viewshed> vs = viewsheds();
        List<DispatchCamera> cams = new ArrayList<>(cameras.size());
        for (int i = 0; i < cameras.size(); i++) {
            Camera c = cameras.get(i);
            if (!c.active()) continue;
            cams.add(new DispatchCamera(
                    c.withPosition(vs.get(i).position()), vs.get(i).geometry()));
        }
        return DispatchIndex.build(cams, indoor(), streets, maxApproachM);
    }
}
