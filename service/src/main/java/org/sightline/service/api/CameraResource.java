package org.sightline.service.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.io.GeoJsonFeatureWriter;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.privacy.CameraCells;
import org.sightline.service.auth.Principal;
import org.sightline.service.auth.Role;
import org.sightline.service.city.ServiceCity;

/**
 * {@code GET /api/cameras?bbox=minLon,minLat,maxLon,maxLat}: exact camera positions for dispatchers;
 * for every other role, H3 cells ({@code res} 6 … 9, default 8) with whole-cell resident, business
 * and live counts, cells holding 1 … k − 1 resident cameras suppressed (DESIGN.md, "Privacy").
 *
 * <p>{@code GET /api/cameras/{id}/live}: a live feed, only for business cameras whose owner shares
 * one, only for dispatchers.
 */
final class CameraResource {
    private static final Set<String> PARAMS = Set.of("bbox", "res");
    private final ServiceCity city;
    private final String publicUrl;

    CameraResource(ServiceCity city, String publicUrl) {
        this.city = city;
        this.publicUrl = publicUrl;
    }

    void list(Context ctx) {
        Principal p = Auth.require(ctx, Role.values());
        Params q = Params.of(ctx, PARAMS);
        Envelope bbox = bbox(q.required("bbox"));
        if (p.role() == Role.DISPATCHER) {
            if (q.string("res").isPresent()) throw ApiError.badRequest("'res' applies to aggregated cells only");
            ctx.status(200).contentType(Json.GEOJSON).result(exact(bbox));
        } else {
            int res = q.optionalInt("res", 6, 9).orElse(8);
            ctx.status(200).contentType(Json.GEOJSON).result(cells(bbox, city.cells(res)));
        }
    }

    static Envelope bbox(String s) {
        String[] parts = s.split(",", -1);
        if (parts.length != 4)
            throw ApiError.badRequest("'bbox' must be minLon,minLat,maxLon,maxLat, was '" + Params.clip(s) + "'");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest(
                        "'bbox' must be four numbers minLon,minLat,maxLon,maxLat, was '" + Params.clip(s) + "'");
            }
        }
        if (!(v[0] >= -180 && v[2] <= 180 && v[1] >= -90 && v[3] <= 90))
            throw ApiError.badRequest("'bbox' longitudes must be in [-180, 180] and latitudes in [-90, 90]");
        if (!(v[0] <= v[2] && v[1] <= v[3])) throw ApiError.badRequest("'bbox' minimum must not exceed maximum");
        return new Envelope(v[0], v[2], v[1], v[3]);
    }

    private byte[] exact(Envelope bbox) {
        return geoJson(w -> {
            for (ServiceCity.CameraRecord r : city.cameras()) {
                if (!bbox.contains(r.lon(), r.lat())) continue;
                Camera c = r.metric();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("camera_id", c.id());
                m.put("kind", c.kind().code());
                m.put("live_feed", c.liveFeed());
                m.put("active", c.active());
                m.put("heading_deg", c.headingDeg());
                m.put("fov_deg", c.fovDeg());
                m.put("range_m", c.rangeM());
                m.put("retention_days", c.retentionDays());
                m.put("low_confidence", c.lowConfidence());
                w.write(Geometries.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(r.lon(), r.lat())), m);
            }
        });
    }

    private static byte[] cells(Envelope bbox, CameraCells cells) {
        return geoJson(w -> {
            for (CameraCells.Cell c : cells.cells()) {
                if (!bbox.intersects(c.lonLatOutline().getEnvelopeInternal())) continue;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("h3", c.h3());
                m.put("resident", c.resident());
                m.put("business", c.business());
                m.put("live", c.live());
                m.put("k_anon", cells.k());
                w.write(c.lonLatOutline(), m);
            }
        });
    }

    void live(Context ctx) {
        Auth.require(ctx, Role.DISPATCHER);
        Params.of(ctx, Set.of());
        String id = ctx.pathParam("id");
        var cam = city.camera(id).orElseThrow(() -> new ApiError(404, "unknown camera '" + Params.clip(id) + "'"));
        Camera c = cam.metric();
        if (c.kind() != CameraKind.BUSINESS || !c.liveFeed() || !c.active())
            throw new ApiError(
                    404,
                    "camera " + c.id() + " has no live feed: only active business cameras whose"
                            + " owner shares one do");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("camera_id", c.id());
        m.put("kind", c.kind().code());
        m.put("stream_url", publicUrl + "/live/" + c.id());
        m.put("note", "the stream itself is served by the business's video gateway, not by Sightline");
        Json.send(ctx, 200, m);
    }

    interface Features {
        void write(GeoJsonFeatureWriter w) throws IOException;
    }

    static byte[] geoJson(Features f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoJsonFeatureWriter w = GeoJsonFeatureWriter.wgs84(out)) {
            f.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
