package org.sightline.engine.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.sightline.engine.geo.SimplePolygons;

/**
 * The shared reading pipeline of every layer: open the file, resolve canonical columns through the
 * {@link ColumnMap}, turn each row into a record or a {@link Reject}, then run the layer-wide checks
 * (positions far outside the layer, {@link FarPositions}; duplicate ids, the first one kept).
 *
 * <p>Column resolution for a canonical column c: a {@code --set} constant; else the {@code --map}
 * source column (an error if the file lacks it); else a source column named c (case-insensitive,
 * trimmed); for {@code lon} / {@code lat} also {@code longitude}, {@code lng}, {@code long} /
 * {@code latitude}. An id column that resolves to nothing gets ids {@code <layer>-<line>} (GeoJSON:
 * the feature's own {@code id} member first), with a warning in the result.
 */
abstract class LayerReader<T> {
    static final double REPAIR_AREA_TOLERANCE = 0.01;

    private static final Map<String, List<String>> ALIASES =
            Map.of("lon", List.of("longitude", "lng", "long"), "lat", List.of("latitude"));

    final Layer layer;
    final Path path;
    final ColumnMap map;
    final ReadOptions options;
    SourceFile source;
    SourceCrs crs;
    final List<String> warnings = new ArrayList<>();

    /** canonical column → source column key; absent when neither mapped nor present. */
    private final Map<String, String> sourceKeys = new HashMap<>();

    private boolean rowRepaired;
    private long syntheticIds;

    LayerReader(Layer layer, Path path, ColumnMap map, ReadOptions options) {
        this.layer = layer;
        this.path = path;
        this.map = (map == null ? ColumnMap.NONE : map).forLayer(layer);
        this.options = options == null ? ReadOptions.DEFAULTS : options;
    }

    // ---- hooks ----

    /** Canonical columns a file of this format must provide (mapped, present or set). */
    abstract List<String> required(SourceFile.Format format);

    /** The record of one row, or a {@link RowRejected} with the reason. */
    abstract T parse(SourceRecord r, String id) throws RowRejected;

    abstract String idOf(T record);

    /** The WGS84 position for the far-position check; empty for layers that are not points. */
    Optional<Point> pointOf(T record) {
        return Optional.empty();
    }

    boolean lowConfidence(T record) {
        return false;
    }

    /** Checks {@code --set} constants once, so a bad constant fails the run instead of every row. */
    void checkConstants() throws RowRejected {}

    /** Formats this layer accepts; others make the file unreadable. */
    boolean accepts(SourceFile.Format format) {
        return true;
    }

    // ---- the pipeline ----

    final LayerResult<T> readLayer() {
        source = SourceFile.open(path);
        if (!accepts(source.format()))
            throw new UnreadableInputException(
                    path,
                    layer.layerName() + " must be GeoJSON features; this file is " + source.format() + " (columns: "
                            + String.join(", ", source.columns()) + ")");
        crs = crsOf(source);
        resolveColumns();
        try {
            checkConstants();
        } catch (RowRejected e) {
            throw new IllegalArgumentException("--set for " + layer.layerName() + ": " + e.getMessage());
        }
        Set<String> blank = blankKeys();
        List<Candidate<T>> ok = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        long[] read = {0};
        source.forEach(r -> {
            read[0]++;
            rowRepaired = false;
            try {
                if (r.extraFields() > 0)
                    throw new RowRejected("row has " + (source.columns().size() + r.extraFields())
                            + " fields but the header has " + source.columns().size() + " (an unquoted comma?)");
                String id = idFor(r);
                T t = parse(r, id);
                ok.add(new Candidate<>(r.number(), t, rowRepaired));
            } catch (RowRejected e) {
                rejects.add(new Reject(layer.layerName(), r.number(), e.getMessage(), r.raw(blank)));
            }
        });
        Map<Long, String> late = layerChecks(ok);
        if (!late.isEmpty()) {
            source.forEach(r -> {
                String reason = late.get(r.number());
                if (reason != null) rejects.add(new Reject(layer.layerName(), r.number(), reason, r.raw(blank)));
            });
        }
        rejects.sort(Comparator.comparingLong(Reject::sourceLine));
        List<T> accepted = new ArrayList<>();
        long repaired = 0;
        long low = 0;
        for (Candidate<T> c : ok) {
            if (late.containsKey(c.line())) continue;
            accepted.add(c.record());
            if (c.repaired()) repaired++;
            if (lowConfidence(c.record())) low++;
        }
        if (syntheticIds > 0)
            warnings.add(syntheticIds + " of " + read[0] + " rows have no " + layer.idColumn() + " column or id: ids"
                    + " synthesized as " + layer.layerName() + "-<"
                    + (source.format() == SourceFile.Format.CSV ? "line" : "number")
                    + "> (map one with --map " + layer.layerName() + "." + layer.idColumn() + "=COLUMN)");
        LayerStats stats = new LayerStats(layer.layerName(), read[0], accepted.size(), repaired, rejects.size(), low);
        return new LayerResult<>(accepted, rejects, stats, warnings);
    }

    private Map<Long, String> layerChecks(List<Candidate<T>> ok) {
        Map<Long, String> late = new TreeMap<>();
        List<Point> points = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (Candidate<T> c : ok) {
            Optional<Point> p = pointOf(c.record());
            if (p.isPresent()) {
                points.add(p.get());
                lines.add(c.line());
            }
        }
        FarPositions.find(points).forEach((i, reason) -> late.put(lines.get(i), reason));
        Map<String, Long> firstLine = new HashMap<>();
        for (Candidate<T> c : ok) {
            if (late.containsKey(c.line())) continue;
            String id = idOf(c.record());
            Long first = firstLine.putIfAbsent(id, c.line());
            if (first != null)
                late.put(c.line(), "duplicate " + layer.idColumn() + " '" + id + "' (first on line " + first + ")");
        }
        return late;
    }

    private record Candidate<T>(long line, T record, boolean repaired) {}

    // ---- columns ----

    private void resolveColumns() {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String c : source.columns()) byKey.putIfAbsent(SourceRecord.key(c), c);
        for (String canonical : layer.columns()) {
            if (map.constant(canonical).isPresent()) continue;
            Optional<String> mapped = map.column(canonical);
            if (mapped.isPresent()) {
                String key = SourceRecord.key(mapped.get());
                if (!byKey.containsKey(key))
                    throw new UnreadableInputException(
                            path,
                            "column '" + mapped.get() + "' (--map " + canonical + "=" + mapped.get()
                                    + ") is not in the file; columns: " + columnList());
                sourceKeys.put(canonical, key);
                continue;
            }
            if (byKey.containsKey(canonical)) {
                sourceKeys.put(canonical, canonical);
                continue;
            }
            for (String alias : ALIASES.getOrDefault(canonical, List.of())) {
                if (byKey.containsKey(alias)) {
                    sourceKeys.put(canonical, alias);
                    break;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String c : required(source.format())) if (!present(c)) missing.add(c);
        if (!missing.isEmpty()) {
            StringBuilder example = new StringBuilder();
            for (String m : missing)
                example.append(example.length() == 0 ? "" : ",").append(m).append("=COLUMN");
            throw new UnreadableInputException(
                    path,
                    "no column for " + String.join(", ", missing) + " (" + layer.layerName() + "); the file has "
                            + columnList() + ". Name the columns with --map " + example
                            + " (or --map " + layer.layerName() + "." + missing.get(0)
                            + "=COLUMN for this layer only), or give a constant with --set");
        }
    }

    private String columnList() {
        return source.columns().isEmpty() ? "no columns" : "columns " + String.join(", ", source.columns());
    }

    private Set<String> blankKeys() {
        Set<String> out = new HashSet<>();
        for (String c : layer.columns()) {
            if (c.startsWith("owner_")) {
                out.add(c);
                if (sourceKeys.containsKey(c)) out.add(sourceKeys.get(c));
            }
        }
        return out;
    }

    /** True when the canonical column has a constant or a source column. */
    final boolean present(String canonical) {
        return map.constant(canonical).isPresent() || sourceKeys.containsKey(canonical);
    }

    /** The trimmed value of a canonical column in this row ("" when absent or empty). */
    final String value(SourceRecord r, String canonical) {
        Optional<String> k = map.constant(canonical);
        if (k.isPresent()) return k.get().trim();
        String key = sourceKeys.get(canonical);
        return key == null ? "" : r.get(key);
    }

    private String idFor(SourceRecord r) throws RowRejected {
        String col = layer.idColumn();
        if (present(col)) {
            String id = value(r, col);
            if (id.isEmpty() && !r.featureId().isBlank()) return r.featureId().trim();
            if (id.isEmpty()) throw new RowRejected("missing " + col);
            return id;
        }
        if (!r.featureId().isBlank()) return r.featureId().trim();
        syntheticIds++;
        return layer.layerName() + "-" + r.number();
    }

    // ---- positions and geometries ----

    private SourceCrs crsOf(SourceFile f) {
        if (f.crsName() != null) {
            try {
                return SourceCrs.of(f.crsName());
            } catch (IllegalArgumentException e) {
                throw new UnreadableInputException(path, "unknown \"crs\" '" + f.crsName() + "' in the file", e);
            }
        }
        return SourceCrs.of(options.inputCrs().orElse(null));
    }

    void markRepaired() {
        rowRepaired = true;
    }

    /** The row's position in WGS84: its GeoJSON Point, else its lon / lat columns. */
    final Point point(SourceRecord r) throws RowRejected {
        if (r.geometry() != null && !r.geometry().isNull()) {
            Geometry g = r.geometry().get();
            if (g.isEmpty()) throw new RowRejected("empty geometry");
            if (g instanceof MultiPoint mp && mp.getNumGeometries() == 1) g = mp.getGeometryN(0);
            if (!(g instanceof Point)) throw wrongType(g, "Point");
            Point p = (Point) crs.toWgs84(g);
            checkLonLat(p.getX(), p.getY());
            return p;
        }
        if (r.geometry() != null && !present("lon")) throw new RowRejected("missing geometry");
        String lonText = value(r, "lon");
        String latText = value(r, "lat");
        if (lonText.isEmpty() || latText.isEmpty())
            throw new RowRejected("missing coordinate ("
                    + (lonText.isEmpty() && latText.isEmpty() ? "lon, lat" : lonText.isEmpty() ? "lon" : "lat")
                    + ")");
        double x = Values.number(lonText, "coordinate lon");
        double y = Values.number(latText, "coordinate lat");
        Point p = org.sightline.engine.geo.Geometries.point(x, y);
        if (!crs.isWgs84()) p = (Point) crs.toWgs84(p);
        checkLonLat(p.getX(), p.getY());
        return p;
    }

    static void checkLonLat(double lon, double lat) throws RowRejected {
        if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90)
            throw new RowRejected("probably swapped lat/lon (lon " + Values.fmt(lon) + ", lat " + Values.fmt(lat)
                    + "): lat is out of range but would be a valid lon");
        if (Math.abs(lon) > 180) throw new RowRejected("lon " + Values.fmt(lon) + " out of range [-180, 180]");
        if (Math.abs(lat) > 90) throw new RowRejected("lat " + Values.fmt(lat) + " out of range [-90, 90]");
    }

    /** The row's GeoJSON geometry in WGS84, non-empty and within lon/lat range. */
    final Geometry geometry(SourceRecord r) throws RowRejected {
        if (r.geometry() == null) throw new RowRejected("missing geometry");
        Geometry g = r.geometry().get();
        if (r.geometry().closedRing()) markRepaired();
        if (g.isEmpty()) throw new RowRejected("empty geometry");
        g = crs.toWgs84(g);
        var e = g.getEnvelopeInternal();
        double lon = Math.abs(e.getMinX()) > Math.abs(e.getMaxX()) ? e.getMinX() : e.getMaxX();
        double lat = Math.abs(e.getMinY()) > Math.abs(e.getMaxY()) ? e.getMinY() : e.getMaxY();
        checkLonLat(lon, lat);
        return g;
    }

    /**
     * The row's (Multi)Polygon, valid. An invalid polygon is repaired with JTS {@link GeometryFixer}
     * when that is safe, and counted as repaired: the result is non-empty and polygonal, and its
     * area is within 1 % of the original's absolute ring area, and it is valid (Σ over polygons of |shell| − Σ |holes|,
     * each ring's unsigned shoelace area). A bow-tie ring, whose signed lobes cancel, fails that test
     * and is rejected rather than guessed at.
     */
    final Geometry polygonal(SourceRecord r) throws RowRejected {
        Geometry g = geometry(r);
        if (!(g instanceof Polygon || g instanceof MultiPolygon)) throw wrongType(g, "Polygon or MultiPolygon");
        if (SimplePolygons.isValid(g)) return g;
        IsValidOp op = new IsValidOp(g);
        if (op.isValid()) return g;
        TopologyValidationError err = op.getValidationError();
        String what = "invalid polygon (" + err.getMessage() + " at " + Values.fmt(err.getCoordinate().x) + " "
                + Values.fmt(err.getCoordinate().y) + ")";
        Geometry fixed;
        try {
            fixed = GeometryFixer.fix(g);
        } catch (RuntimeException e) {
            throw new RowRejected(what + ": repair failed");
        }
        if (fixed.isEmpty()) throw new RowRejected(what + ": nothing is left after repair");
        if (!(fixed instanceof Polygon || fixed instanceof MultiPolygon))
            throw new RowRejected(what + ": repair gives a " + fixed.getGeometryType());
        if (!fixed.isValid()) throw new RowRejected(what + ": repair does not give a valid polygon");
        double before = ringArea(g);
        double after = fixed.getArea();
        double change = before > 0 ? Math.abs(after - before) / before : Double.POSITIVE_INFINITY;
        if (!(change <= REPAIR_AREA_TOLERANCE))
            throw new RowRejected(what + ": repair would change its area by "
                    + (Double.isFinite(change)
                            ? String.format(java.util.Locale.ROOT, "%.1f %%", 100 * change)
                            : "100 %")
                    + " (limit 1 %)");
        markRepaired();
        return fixed;
    }

    static double ringArea(Geometry polygonal) {
        double sum = 0;
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            Polygon p = (Polygon) polygonal.getGeometryN(i);
            if (p.isEmpty()) continue;
            sum += Area.ofRing(p.getExteriorRing().getCoordinateSequence());
            for (int h = 0; h < p.getNumInteriorRing(); h++)
                sum -= Area.ofRing(p.getInteriorRingN(h).getCoordinateSequence());
        }
        return sum;
    }

    static RowRejected wrongType(Geometry g, String expected) {
        return new RowRejected("wrong geometry type " + g.getGeometryType() + " (expected " + expected + ")");
    }
}
