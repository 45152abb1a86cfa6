package org.sightline.engine.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.model.Owner;

/**
 * Reads a camera registry: CSV (columns {@code lon}, {@code lat}), a JSON array of such objects, or
 * GeoJSON points. Columns and defaults are those of DESIGN.md ("Input contract"): {@code height_m}
 * 3, {@code kind} resident (the privacy-safe choice; a warning says so when the file has no kind
 * column), {@code live_feed} false, {@code retention_days} 7, {@code status} active.
 *
 * <p>Unknown heading or FOV (empty) is normal modelling, not a repair: the camera becomes a 360°
 * camera with range min(range_m, low-confidence range) and {@code lowConfidence = true}. A known
 * heading and FOV with an unknown range keeps its sector with the low-confidence range, also flagged.
 * A 360° FOV needs no heading.
 *
 * <p>Rejects: missing / non-numeric / out-of-range / swapped coordinates, positions far outside the
 * layer ({@link FarPositions}), duplicate ids, heading outside [0, 360), FOV outside (0, 360], range
 * outside (0, 500], negative height or retention, unknown kind, bad live_feed or status.
 */
public final class CameraReader extends LayerReader<Camera> {
    private CameraReader(Path path, ColumnMap map, ReadOptions options) {
        super(Layer.CAMERAS, path, map, options);
    }

    /** Never throws on a bad row; throws {@link UnreadableInputException} when the file cannot be used. */
    public static LayerResult<Camera> read(Path path, ColumnMap map, ReadOptions options) {
        return new CameraReader(path, map, options).readLayer();
    }

    @Override
    List<String> required(SourceFile.Format format) {
        return format == SourceFile.Format.GEOJSON ? List.of() : List.of("lon", "lat");
    }

    @Override
    void checkConstants() throws RowRejected {
        for (String c : List.of(
                "heading_deg", "fov_deg", "range_m", "height_m", "kind", "live_feed", "retention_days", "status")) {
            Optional<String> k = map.constant(c);
            if (k.isEmpty() || k.get().isBlank()) continue;
            switch (c) {
                case "kind" -> kind(k.get());
                case "live_feed" -> Values.bool(k.get(), c);
                case "status" -> active(k.get());
                case "retention_days" -> Values.count(k.get(), c);
                default -> Values.number(k.get(), c);
            }
        }
        if (!present("kind"))
            warnings.add("no kind column: every camera is taken as resident (the privacy-safe default);"
                    + " give --set cameras.kind=business for a business registry");
    }

    @Override
    Camera parse(SourceRecord r, String id) throws RowRejected {
        Point p = point(r);
        double heading = optional(r, "heading_deg");
        double fov = optional(r, "fov_deg");
        double range = optional(r, "range_m");
        if (!Double.isNaN(heading) && !(heading >= 0 && heading < 360))
            throw new RowRejected("heading_deg " + Values.fmt(heading) + " outside [0, 360)");
        if (!Double.isNaN(fov) && !(fov > 0 && fov <= 360))
            throw new RowRejected("fov_deg " + Values.fmt(fov) + " outside (0, 360]");
        if (!Double.isNaN(range) && !(range > 0 && range <= 500))
            throw new RowRejected("range_m " + Values.fmt(range) + " outside (0, 500]");
        double height = optional(r, "height_m");
        if (Double.isNaN(height)) height = Camera.DEFAULT_HEIGHT_M;
        else if (height < 0) throw new RowRejected("height_m " + Values.fmt(height) + " is negative");
        String kindText = value(r, "kind");
        CameraKind kind = kindText.isEmpty() ? CameraKind.RESIDENT : kind(kindText);
        String live = value(r, "live_feed");
        boolean liveFeed = !live.isEmpty() && Values.bool(live, "live_feed");
        String ret = value(r, "retention_days");
        int retention = ret.isEmpty() ? Camera.DEFAULT_RETENTION_DAYS : Values.count(ret, "retention_days");
        String st = value(r, "status");
        boolean active = st.isEmpty() || active(st);

        double lowRange = options.lowConfidenceRangeM();
        boolean low;
        if (!Double.isNaN(fov) && fov >= 360) {
            heading = Double.isNaN(heading) ? 0 : heading;
            low = Double.isNaN(range);
            range = low ? lowRange : range;
        } else if (Double.isNaN(heading) || Double.isNaN(fov)) {
            low = true;
            heading = 0;
            fov = 360;
            range = Double.isNaN(range) ? lowRange : Math.min(range, lowRange);
        } else {
            low = Double.isNaN(range);
            range = low ? lowRange : range;
        }
        Owner owner = new Owner(value(r, "owner_name"), value(r, "owner_phone"), value(r, "owner_email"));
        return new Camera(id, p, heading, fov, range, height, kind, liveFeed, retention, active, low, owner);
    }

    private double optional(SourceRecord r, String column) throws RowRejected {
        String t = value(r, column);
        return t.isEmpty() ? Double.NaN : Values.number(t, column);
    }

    private static CameraKind kind(String text) throws RowRejected {
        return CameraKind.parse(text)
                .orElseThrow(() -> new RowRejected("unknown kind '" + text.trim() + "' (use resident or business)"));
    }

    private static boolean active(String text) throws RowRejected {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "active" -> true;
            case "inactive" -> false;
            default -> throw new RowRejected("bad status '" + text.trim() + "' (use active or inactive)");
        };
    }

    @Override
    String idOf(Camera c) {
        return c.id();
    }

    @Override
    Optional<Point> pointOf(Camera c) {
        return Optional.of(c.position());
    }

    @Override
    boolean lowConfidence(Camera c) {
        return c.lowConfidence();
    }
}
