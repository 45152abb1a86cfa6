package org.sightline.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/**
 * One row of a source file: a CSV record, a GeoJSON feature or an element of a JSON array.
 * Values are looked up by source column name, case-insensitively and trimmed ({@link #key}).
 *
 * @param number CSV physical line (header = 1), or 1-based feature / element number
 * @param values source column key ({@link #key}) → value as text; JSON null → ""
 * @param geometry the GeoJSON geometry member, parsed ({@code null} for CSV / JSON arrays;
 *     {@link FeatureGeometry#NULL} for a feature with {@code "geometry": null} or none)
 * @param featureId the GeoJSON feature's own {@code id} member, or "" when absent
 * @param extraFields CSV only: fields beyond the header's length
 */
record SourceRecord(
        long number,
        Map<String, String> values,
        FeatureGeometry geometry,
        String featureId,
        int extraFields,
        List<String> csvFields,
        List<String> csvHeaderKeys,
        JsonText json) {

    /** The lookup key of a column name: trimmed and lower-cased. */
    static String key(String column) {
        return column.trim().toLowerCase(Locale.ROOT);
    }

    /** The trimmed value of a source column, "" when the row lacks it. */
    String get(String columnKey) {
        String v = values.get(columnKey);
        return v == null ? "" : v.trim();
    }

    /** The row as read, with the given columns (keys) blanked: a CSV line or a compact JSON object. */
    String raw(Set<String> blankKeys) {
        if (json != null) {
            ObjectNode copy = json.read();
            JsonNode props = copy.get("properties");
            ObjectNode target = props instanceof ObjectNode o ? o : copy;
            for (var it = target.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (blankKeys.contains(key(name))) target.put(name, "");
            }
            return copy.toString();
        }
        String[] out = csvFields.toArray(new String[0]);
        for (int i = 0; i < out.length && i < csvHeaderKeys.size(); i++) {
            if (blankKeys.contains(csvHeaderKeys.get(i))) out[i] = "";
        }
        return CSVFormat.DEFAULT.format((Object[]) out);
    }
}
