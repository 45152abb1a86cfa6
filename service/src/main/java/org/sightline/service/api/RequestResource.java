package org.sightline.service.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sightline.service.auth.Principal;
import org.sightline.service.auth.Role;
import org.sightline.service.city.ServiceCity;
import org.sightline.service.requests.FootageRequest;
import org.sightline.service.requests.FootageRequests;
import org.sightline.service.requests.RequestStatus;

/**
 * Footage requests: {@code POST /api/requests} (dispatcher: camera, incident, time window and case
 * number all required) → 201 pending; {@code GET /api/requests[/{id}]}; the owner's {@code POST
 * /api/requests/{id}/decision} with the one-time token from their notification; {@code GET
 * /api/requests/{id}/footage}, granted only for approved requests.
 */
final class RequestResource {
    private static final Set<String> CREATE_FIELDS = Set.of("camera_id", "incident_id", "case_number", "from", "to");
    private static final Set<String> DECISION_FIELDS = Set.of("token", "decision");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern CASE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]*");
    private final ServiceCity city;
    private final FootageRequests requests;
    private final long maxBody;

    RequestResource(ServiceCity city, FootageRequests requests, long maxBody) {
        this.city = city;
        this.requests = requests;
        this.maxBody = maxBody;
    }

    void create(Context ctx) {
        Principal p = Auth.require(ctx, Role.DISPATCHER);
        Params.of(ctx, Set.of());
        Bodies b = Bodies.of(ctx, CREATE_FIELDS, maxBody);
        String cameraId = b.string("camera_id", 100, ID, "letters, digits and . _ : -");
        String incidentId = b.string("incident_id", 100, ID, "letters, digits and . _ : -");
        String caseNumber = b.string("case_number", 64, CASE, "letters, digits and / . _ - (e.g. 2025-004711)");
        Instant from = b.instant("from");
        Instant to = b.instant("to");
        var cam = city.camera(cameraId).orElseThrow(() -> ApiError.badRequest("unknown camera '" + cameraId + "'"));
        FootageRequest r = requests.create(
                new FootageRequests.Ask(cameraId, incidentId, caseNumber, from, to),
                cam.metric(),
                p,
                AuditTrail.entry(ctx, 201, ""));
        AuditTrail.markAudited(ctx);
        ctx.header("Location", "/api/requests/" + r.id());
        Json.send(ctx, 201, view(r));
    }

    void list(Context ctx) {
        Auth.require(ctx, Role.DISPATCHER);
        Params q = Params.of(ctx, Set.of("limit"));
        int limit = q.optionalInt("limit", 1, 1000).orElse(100);
        List<Map<String, Object>> out =
                requests.list(limit).stream().map(RequestResource::view).toList();
        Json.send(ctx, 200, Map.of("requests", out));
    }

    void get(Context ctx) {
        Auth.require(ctx, Role.DISPATCHER);
        Params.of(ctx, Set.of());
        Json.send(ctx, 200, view(find(ctx.pathParam("id"))));
    }

    void footage(Context ctx) {
        Auth.require(ctx, Role.DISPATCHER);
        Params.of(ctx, Set.of());
        FootageRequest r = find(ctx.pathParam("id"));
        if (r.status() != RequestStatus.APPROVED)
            throw new ApiError(
                    403,
                    "footage is available only for requests the owner approved; this request is "
                            + r.status().code());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request_id", r.id());
        m.put("camera_id", r.cameraId());
        m.put("case_number", r.caseNumber());
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("access", "granted");
        m.put("delivery", "the owner's upload for " + r.id() + " in the evidence store (outside Sightline)");
        Json.send(ctx, 200, m);
    }

    void decide(Context ctx) {
        Params.of(ctx, Set.of());
        String id = ctx.pathParam("id");
        Bodies b = Bodies.of(ctx, DECISION_FIELDS, maxBody);
        String token = b.string("token", 100, null, null);
        String d = b.string("decision", 10, Pattern.compile("approve|decline"), "approve or decline");
        String recorded = requests.decide(id, token, d.equals("approve"), AuditTrail.entry(ctx, 200, ""));
        AuditTrail.markAudited(ctx);
        Json.send(ctx, 200, Map.of("request_id", id, "decision", recorded));
    }

    private FootageRequest find(String id) {
        return requests.get(id).orElseThrow(() -> new ApiError(404, "no footage request '" + Params.clip(id) + "'"));
    }

    static Map<String, Object> view(FootageRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request_id", r.id());
        m.put("camera_id", r.cameraId());
        m.put("incident_id", r.incidentId());
        m.put("case_number", r.caseNumber());
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("deadline", r.deadline().toString());
        m.put("status", r.status().code());
        m.put("requested_by", r.requestedBy());
        m.put("created_at", r.createdAt().toString());
        return m;
    }
}
