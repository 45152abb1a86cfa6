package org.sightline.service.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.sightline.service.auth.Principal;
import org.sightline.service.auth.Role;
import org.sightline.service.city.ServiceCity;

/**
 * The map's aggregate layers, for every role: {@code GET /api/coverage} (areas with their covered
 * shares), {@code GET /api/hotspots} (Gi* hot cells), {@code GET /api/gaps} (hot cells with
 * uncovered incidents), plus {@code GET /api/me} and {@code GET /api/city} for the page.
 */
final class LayerResource {
    private final ServiceCity city;
    private final boolean demo;

    LayerResource(ServiceCity city, boolean demo) {
        this.city = city;
        this.demo = demo;
    }

    void coverage(Context ctx) {
        layer(ctx, city::areasGeoJson);
    }

    void hotspots(Context ctx) {
        layer(ctx, city::hotspotsGeoJson);
    }

    void gaps(Context ctx) {
        layer(ctx, city::gapsGeoJson);
    }

    private static void layer(Context ctx, Supplier<byte[]> json) {
        Auth.require(ctx, Role.values());
        Params.of(ctx, Set.of());
        ctx.status(200).contentType(Json.GEOJSON).result(json.get());
    }

    void me(Context ctx) {
        Principal p = Auth.require(ctx, Role.values());
        Params.of(ctx, Set.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token_id", p.tokenId());
        m.put("role", p.role().code());
        m.put("name", p.name());
        Json.send(ctx, 200, m);
    }

    void info(Context ctx) {
        Auth.require(ctx, Role.values());
        Params.of(ctx, Set.of());
        Envelope e = city.extent();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bbox", new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
        m.put("cameras", city.cameras().size());
        m.put("areas", city.city().areas().size());
        m.put("k_anon", city.kAnon());
        m.put("demo", demo);
        Json.send(ctx, 200, m);
    }
}
