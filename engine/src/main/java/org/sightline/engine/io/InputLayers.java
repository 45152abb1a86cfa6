package org.sightline.engine.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Incident;
import org.sightline.engine.model.Street;

/** The layers as read, in WGS84 lon/lat; a layer that was not given is empty. */
public record InputLayers(
        Optional<LayerResult<Camera>> cameras,
        Optional<LayerResult<Footprint>> buildings,
        Optional<LayerResult<Incident>> incidents,
        Optional<LayerResult<Area>> areas,
        Optional<LayerResult<Street>> streets) {

    /** The results of the layers that were read, in {@link Layer} order. */
    public Map<Layer, LayerResult<?>> results() {
        Map<Layer, LayerResult<?>> out = new LinkedHashMap<>();
        cameras.ifPresent(r -> out.put(Layer.CAMERAS, r));
        buildings.ifPresent(r -> out.put(Layer.BUILDINGS, r));
        incidents.ifPresent(r -> out.put(Layer.INCIDENTS, r));
        areas.ifPresent(r -> out.put(Layer.AREAS, r));
        streets.ifPresent(r -> out.put(Layer.STREETS, r));
        return out;
    }

    public List<LayerStats> stats() {
        List<LayerStats> out = new ArrayList<>();
        results().values().forEach(r -> out.add(r.stats()));
        return out;
    }

    /** The rejects of every layer read (an empty list for a layer with none). */
    public Map<Layer, List<Reject>> rejects() {
        Map<Layer, List<Reject>> out = new LinkedHashMap<>();
        results().forEach((l, r) -> out.put(l, r.rejects()));
        return out;
    }

    /** The WGS84 extent of every accepted record; a null envelope when nothing was accepted. */
    public Envelope extent() {
        Envelope e = new Envelope();
        cameras.ifPresent(
                r -> r.accepted().forEach(c -> e.expandToInclude(c.position().getCoordinate())));
        incidents.ifPresent(
                r -> r.accepted().forEach(i -> e.expandToInclude(i.position().getCoordinate())));
        buildings.ifPresent(
                r -> r.accepted().forEach(f -> e.expandToInclude(f.geometry().getEnvelopeInternal())));
        areas.ifPresent(
                r -> r.accepted().forEach(a -> e.expandToInclude(a.geometry().getEnvelopeInternal())));
        streets.ifPresent(
                r -> r.accepted().forEach(s -> e.expandToInclude(s.geometry().getEnvelopeInternal())));
        return e;
    }

    /** {@code code} when given, else the UTM zone of the centre of {@link #extent()}. */
    public MetricCrs metricCrs(Optional<String> code) {
        if (code.isPresent() && !code.get().isBlank()) return MetricCrs.of(code.get());
        Envelope e = extent();
        if (e.isNull())
            throw new IllegalArgumentException(
                    "no record was accepted in any layer, so there is nothing to choose a metric CRS from"
                            + " (see rejects/*.csv)");
        return MetricCrs.utmFor(e);
    }

    /** Every accepted record projected to {@code crs} (metres), in order; records are projected in parallel. */
    public MetricLayers project(MetricCrs crs) {
        return new MetricLayers(
                crs,
                cameras.map(r ->
                                r.accepted().parallelStream().map(crs::toMetric).toList())
                        .orElse(List.of()),
                buildings
                        .map(r ->
                                r.accepted().parallelStream().map(crs::toMetric).toList())
                        .orElse(List.of()),
                incidents
                        .map(r ->
                                r.accepted().parallelStream().map(crs::toMetric).toList())
                        .orElse(List.of()),
                areas.map(r -> r.accepted().parallelStream().map(crs::toMetric).toList())
                        .orElse(List.of()),
                streets.map(r ->
                                r.accepted().parallelStream().map(crs::toMetric).toList())
                        .orElse(List.of()),
                this);
    }
}
