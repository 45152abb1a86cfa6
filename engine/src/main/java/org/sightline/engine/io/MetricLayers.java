package org.sightline.engine.io;

import java.util.List;
import java.util.Map;
import org.sightline.engine.geo.MetricCrs;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Incident;
import org.sightline.engine.model.Street;

/**
 * The accepted records of every layer in the metric CRS (metres), ready for the engine, with what
 * the readers did ({@link #source()}: WGS84 records, rejects, stats, warnings).
 */
public record MetricLayers(
        MetricCrs crs,
        List<Camera> cameras,
        List<Footprint> buildings,
        List<Incident> incidents,
        List<Area> areas,
        List<Street> streets,
        InputLayers source) {
    public MetricLayers {
        cameras = List.copyOf(cameras);
        buildings = List.copyOf(buildings);
        incidents = List.copyOf(incidents);
        areas = List.copyOf(areas);
        streets = List.copyOf(streets);
    }

    public List<LayerStats> stats() {
        return source.stats();
    }

    public Map<Layer, List<Reject>> rejects() {
        return source.rejects();
    }
}
