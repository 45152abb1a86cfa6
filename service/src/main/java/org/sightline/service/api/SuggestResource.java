package org.sightline.service.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.sightline.engine.dispatch.DispatchOptions;
import org.sightline.engine.dispatch.Suggestion;
import org.sightline.engine.io.GeoJsonFeatureWriter;
import org.sightline.service.auth.Role;
import org.sightline.service.city.ServiceCity;

/**
 * {@code GET /api/suggest?lat=&lon=[&time=][&uncertainty=][&top=][&viewsheds=]}: the dispatch ranking
 * (DESIGN.md, "Dispatch ranking") for an incident at a point, with reasons. Dispatchers only: it
 * names resident cameras and their positions. {@code viewsheds=true} adds each ranked camera's
 * viewshed as GeoJSON (the map uses it).
 */
final class SuggestResource {
    private static final Set<String> PARAMS = Set.of("lat", "lon", "time", "uncertainty", "top", "viewsheds");
    private final ServiceCity city;
    private final double approachM;
    private final Clock clock;
    private final Envelope served;

    SuggestResource(ServiceCity city, double approachM, Clock clock) {
        this.city = city;
        this.approachM = approachM;
        this.clock = clock;
        Envelope e = city.extent();
        e.expandBy(0.05); // ~5 km: beyond this nothing can be suggested
        this.served = e;
    }

    void get(Context ctx) {
        Auth.require(ctx, Role.DISPATCHER);
        Params q = Params.of(ctx, PARAMS);
        double lat = q.requiredDouble("lat", -90, 90);
        double lon = q.requiredDouble("lon", -180, 180);
        Instant now = clock.instant();
        Instant time = q.optionalInstant("time").orElse(now);
        if (time.isAfter(now.plus(Duration.ofMinutes(5))))
            throw ApiError.badRequest("'time' is in the future: " + time);
        double u = q.optionalDouble("uncertainty", 0, 1000).orElse(DispatchOptions.DEFAULTS.uncertaintyM());
        int top = q.optionalInt("top", 1, 50).orElse(DispatchOptions.DEFAULTS.top());
        boolean withViewsheds = q.optionalBool("viewsheds").orElse(false);
        boolean inside = served.contains(lon, lat);
        List<Suggestion> ranked = inside
                ? city.dispatchIndex()
                        .rank("query", city.toMetric(lon, lat), time, now, new DispatchOptions(u, approachM, top))
                : List.of();
        Json.send(ctx, 200, Json.bytes(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("incident");
            g.writeNumberField("lat", lat);
            g.writeNumberField("lon", lon);
            g.writeStringField("time", time.toString());
            g.writeNumberField("uncertainty_m", u);
            g.writeEndObject();
            if (!inside) g.writeStringField("note", "the point is outside the served city: no cameras near it");
            g.writeArrayFieldStart("suggestions");
            for (Suggestion s : ranked) write(g, s);
            g.writeEndArray();
            if (withViewsheds) {
                g.writeFieldName("viewsheds");
                g.writeRawValue(new String(viewsheds(ranked), java.nio.charset.StandardCharsets.UTF_8));
            }
            g.writeEndObject();
        }));
    }

    private void write(JsonGenerator g, Suggestion s) throws IOException {
        var cam = city.camera(s.cameraId()).orElseThrow();
        g.writeStartObject();
        g.writeNumberField("rank", s.rank());
        g.writeStringField("camera_id", s.cameraId());
        g.writeStringField("kind", s.kind().code());
        g.writeStringField("access", s.access().code());
        g.writeStringField("role", s.role().code());
        g.writeNumberField("visible_share", Math.round(s.visibleShare() * 1000) / 1000.0);
        g.writeNumberField("distance_m", Math.round(s.distanceM() * 10) / 10.0);
        g.writeNumberField("off_axis_deg", Math.round(s.offAxisDeg() * 10) / 10.0);
        g.writeStringField("footage_until", s.footageUntil().toString());
        g.writeBooleanField("expired", s.expired());
        g.writeNumberField("score", Math.round(s.score() * 1000) / 1000.0);
        g.writeStringField("reason", s.reason());
        g.writeNumberField("lat", Math.round(cam.lat() * 1e7) / 1e7);
        g.writeNumberField("lon", Math.round(cam.lon() * 1e7) / 1e7);
        g.writeEndObject();
    }

    private byte[] viewsheds(List<Suggestion> ranked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoJsonFeatureWriter w = GeoJsonFeatureWriter.wgs84(out)) {
            for (Suggestion s : ranked)
                w.write(city.viewshedLonLat(s.cameraId()), Map.of("camera_id", s.cameraId(), "rank", s.rank()));
        }
        return out.toByteArray();
    }
}
