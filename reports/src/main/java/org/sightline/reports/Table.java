package org.sightline.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV table of the output contract (docs/outputs.md): header row, then rows as column → text. */
public record Table(String name, List<String> header, List<Map<String, String>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = Collections.unmodifiableList(rows);
    }

    public static Table read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true)
                        .get()
                        .parse(r)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String h : p.getHeaderNames()) row.put(h, rec.isMapped(h) && rec.isSet(h) ? rec.get(h) : "");
                rows.add(row);
            }
            return new Table(file.getFileName().toString(), p.getHeaderNames(), rows);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
        }
    }

    public boolean has(String column) {
        return header.contains(column);
    }

    public int size() {
        return rows.size();
    }

    /** The number in a cell; empty for an empty or unparsable cell (empty = unknown). */
    public static OptionalDouble num(Map<String, String> row, String column) {
        String s = row.get(column);
        if (s == null || s.isBlank()) return OptionalDouble.empty();
        try {
            return OptionalDouble.of(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The number in a cell, or {@code NaN} when unknown. */
    public static double numOrNaN(Map<String, String> row, String column) {
        return num(row, column).orElse(Double.NaN);
    }

    public static boolean bool(Map<String, String> row, String column) {
        String s = row.get(column);
        return s != null && (s.equalsIgnoreCase("true") || s.equals("1"));
    }
}
