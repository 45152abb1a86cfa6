package org.sightline.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sightline.engine.geo.Geometries;

/** Reads a GeoJSON FeatureCollection (RFC 7946, lon/lat) into features; null geometries become empty ones. */
final class GeoJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJson() {}

    static List<Feature> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
        }
        GeoJsonReader reader = new GeoJsonReader(Geometries.FACTORY);
        List<Feature> out = new ArrayList<>();
        JsonNode features = root.path("features");
        for (JsonNode f : features) {
            Map<String, String> props = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                props.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
            JsonNode g = f.get("geometry");
            Geometry geom;
            try {
                geom = g == null || g.isNull() ? Geometries.emptyPolygon() : reader.read(g.toString());
            } catch (ParseException | RuntimeException e) {
                throw new IllegalArgumentException("bad geometry in " + file + ": " + e.getMessage(), e);
            }
            geom.setSRID(0);
            out.add(new Feature(geom, props));
        }
        return out;
    }
}
