package org.sightline.engine.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sightline.engine.geo.Geometries;

/** Reads a generated city back for assertions (test helper; the real readers live elsewhere). */
final class GeneratedCity {
    static final List<String> FILES = List.of(
            "streets.geojson", "buildings.geojson", "areas.geojson", "cameras.csv", "incidents.csv", "city.json");

    record Feature(Geometry geometry, JsonNode properties) {}

    private GeneratedCity() {}

    static List<Feature> features(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            GeoJsonReader reader = new GeoJsonReader(Geometries.FACTORY);
            List<Feature> out = new ArrayList<>();
            for (JsonNode f : root.get("features")) {
                out.add(new Feature(reader.read(f.get("geometry").toString()), f.get("properties")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    static List<CSVRecord> csv(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
