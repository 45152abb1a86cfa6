package org.sightline.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code DIR/summary.json}: a JSON object of named sections, in insertion order. The readers'
 * section is {@code "layers"} ({@link #layers}); later stages add their own with {@link #put}
 * (values: maps, lists, strings, numbers, booleans, records). Not thread-safe; written atomically.
 *
 * <pre>{"layers": {"cameras": {"read": 12, "accepted": 10, "repaired": 0, "rejected": 2,
 *   "low_confidence": 3, "warnings": []}}, "metric_crs": "EPSG:32617"}</pre>
 */
public final class RunSummary {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Object> sections = new LinkedHashMap<>();

    public RunSummary put(String section, Object value) {
        sections.put(section, value);
        return this;
    }

    /** The {@code "layers"} section from the readers' stats and warnings. */
    public RunSummary layers(Collection<LayerResult<?>> results) {
        Map<String, Object> layers = new LinkedHashMap<>();
        for (LayerResult<?> r : results) {
            LayerStats s = r.stats();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("read", s.read());
            m.put("accepted", s.accepted());
            m.put("repaired", s.repaired());
            m.put("rejected", s.rejected());
            m.put("low_confidence", s.lowConfidence());
            m.put("warnings", List.copyOf(r.warnings()));
            layers.put(s.layer(), m);
        }
        return put("layers", layers);
    }

    public Map<String, Object> sections() {
        return java.util.Collections.unmodifiableMap(sections);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(sections) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("summary is not serialisable as JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@code dir/summary.json} and returns its path. */
    public Path write(Path dir) {
        Path target = dir.resolve("summary.json");
        AtomicFiles.writeString(target, toJson());
        return target;
    }
}
