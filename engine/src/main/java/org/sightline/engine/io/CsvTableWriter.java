package org.sightline.engine.io;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV table (header + rows, RFC 4180 quoting, {@code \n} line ends) atomically through
 * {@link AtomicFiles}. Cell values: {@code null} and non-finite numbers are written empty; doubles
 * in plain notation without trailing zeros ({@code 12.5}, never {@code 1.25E1}); anything else by
 * {@code toString()}.
 */
public final class CsvTableWriter {
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private CsvTableWriter() {}

    public static void write(Path target, List<String> header, Iterable<? extends List<?>> rows) {
        if (header.isEmpty()) throw new IllegalArgumentException("a CSV table needs at least one column");
        AtomicFiles.writeText(target, w -> {
            CSVPrinter p = new CSVPrinter(w, FORMAT); // not closed: AtomicFiles owns the writer
            {
                p.printRecord(header);
                for (List<?> row : rows) {
                    if (row.size() != header.size())
                        throw new IllegalArgumentException(
                                "row has " + row.size() + " cells but the header has " + header.size() + ": " + row);
                    List<String> cells = new ArrayList<>(row.size());
                    for (Object v : row) cells.add(cell(v));
                    p.printRecord(cells);
                }
                p.flush();
            }
        });
    }

    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) return "";
            if (d == 0) return "0";
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
