package org.sightline.service.requests;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Owner;
import org.sightline.service.audit.AuditEntry;
import org.sightline.service.audit.AuditLog;
import org.sightline.service.auth.Principal;
import org.sightline.service.auth.Tokens;
import org.sightline.service.store.Database;
import org.sightline.service.store.FieldCipher;
import org.sightline.service.store.Registry;
import org.sightline.service.store.StoreException;

/**
 * The footage-request workflow: a dispatcher asks (camera, incident, time window, case number), the
 * owner is notified through the outbox with a one-time token, the owner approves or declines with
 * it, and only an approved request grants footage access. A request not approved by its retention
 * deadline (window start + the camera's retention) expires. See {@link RequestStatus} for what
 * police see.
 *
 * <p>Every change is written through {@link AuditLog#appendDurably} in one transaction with its audit
 * entry, and the call returns only after the commit: an acknowledged request is on disk.
 */
public final class FootageRequests {
    /** The longest window one request may ask for. */
    public static final Duration MAX_WINDOW = Duration.ofHours(24);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final Registry registry;
    private final Clock clock;
    private final String publicUrl;

    public FootageRequests(
            Database db, AuditLog audit, FieldCipher cipher, Registry registry, Clock clock, String publicUrl) {
        this.db = db;
        this.audit = audit;
        this.cipher = cipher;
        this.registry = registry;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** What a dispatcher asks for (validated by the HTTP edge for shape, here for meaning). */
    public record Ask(String cameraId, String incidentId, String caseNumber, Instant from, Instant to) {}

    /**
     * Creates a pending request and its outbox message, durably, with the audit entry {@code entry}
     * (its detail is filled in here).
     */
    public FootageRequest create(Ask ask, Camera camera, Principal by, AuditEntry entry) {
        Instant now = clock.instant();
        if (!camera.active()) invalid("camera " + camera.id() + " is inactive");
        if (!ask.to().isAfter(ask.from())) invalid("'to' must be after 'from'");
        if (Duration.between(ask.from(), ask.to()).compareTo(MAX_WINDOW) > 0)
            invalid("the time window may span at most " + MAX_WINDOW.toHours() + " hours");
        if (ask.to().isAfter(now.plus(Duration.ofMinutes(5))))
            invalid("'to' is in the future: footage does not exist yet");
        Instant deadline = ask.from().plus(Duration.ofDays(camera.retentionDays()));
        if (!deadline.isAfter(now))
            invalid("camera " + camera.id() + " keeps footage for " + camera.retentionDays() + " days: footage from "
                    + ask.from() + " was overwritten on " + deadline);
        String id = "req_" + Tokens.random(12);
        String ownerToken = Tokens.random(32);
        String messageId = "msg_" + Tokens.random(12);
        Owner owner = registry.owner(camera.id()).orElse(Owner.NONE);
        String payload =
                cipher.encrypt(notification(id, camera.id(), owner, ownerToken, ask, deadline), outboxWhere(messageId));
        FootageRequest req = new FootageRequest(
                id,
                camera.id(),
                ask.incidentId(),
                ask.caseNumber(),
                ask.from(),
                ask.to(),
                deadline,
                by.tokenId(),
                now,
                RequestStatus.PENDING);
        AuditEntry e = new AuditEntry(
                entry.atMs(),
                entry.actor(),
                entry.role(),
                entry.action(),
                "camera=" + camera.id() + " incident=" + ask.incidentId() + " case=" + ask.caseNumber(),
                201,
                "created " + id);
        await(audit.appendDurably(e, c -> {
            insertRequest(c, req, Tokens.sha256Hex(ownerToken));
            insertOutbox(c, messageId, id, payload, now);
        }));
        return req;
    }

    private String notification(String id, String cameraId, Owner o, String token, Ask ask, Instant deadline) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("to", Map.of("name", o.name(), "phone", o.phone(), "email", o.email()));
        m.put("request_id", id);
        m.put("camera_id", cameraId);
        m.put("from", ask.from().toString());
        m.put("to_time", ask.to().toString());
        m.put("answer_by", deadline.toString());
        m.put("decision_url", publicUrl + "/api/requests/" + id + "/decision");
        m.put("token", token);
        m.put(
                "text",
                "The police ask for footage of your camera " + cameraId + " from " + ask.from() + " to " + ask.to()
                        + ". You decide: approve or decline with the link below before " + deadline
                        + ". Police are not told if you decline or do not answer.");
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void insertRequest(Connection c, FootageRequest r, String tokenHash) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO footage_requests(request_id, camera_id,"
                + " incident_id, case_number, window_from, window_to, deadline, requested_by, created_at, status,"
                + " decision_token_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, r.id());
            p.setString(2, r.cameraId());
            p.setString(3, r.incidentId());
            p.setString(4, r.caseNumber());
            p.setObject(5, odt(r.from()));
            p.setObject(6, odt(r.to()));
            p.setObject(7, odt(r.deadline()));
            p.setString(8, r.requestedBy());
            p.setObject(9, odt(r.createdAt()));
            p.setString(10, "pending");
            p.setString(11, tokenHash);
            p.executeUpdate();
        }
    }

    private static void insertOutbox(Connection c, String messageId, String requestId, String payload, Instant now)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO outbox(message_id, request_id, kind, payload_enc, created_at) VALUES (?,?,?,?,?)")) {
            p.setString(1, messageId);
            p.setString(2, requestId);
            p.setString(3, "footage_request");
            p.setString(4, payload);
            p.setObject(5, odt(now));
            p.executeUpdate();
        }
    }

    /** A request as police see it. */
    public Optional<FootageRequest> get(String id) {
        return db.with(c -> {
            try (PreparedStatement p = c.prepareStatement(SELECT + " WHERE request_id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.<FootageRequest>empty();
                }
            }
        });
    }

    /** The newest requests first. */
    public List<FootageRequest> list(int limit) {
        return db.with(c -> {
            try (PreparedStatement p = c.prepareStatement(SELECT + " ORDER BY created_at DESC, request_id LIMIT ?")) {
                p.setInt(1, limit);
                List<FootageRequest> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(read(r));
                }
                return out;
            }
        });
    }

    private static final String SELECT = "SELECT request_id, camera_id, incident_id, case_number, window_from,"
            + " window_to, deadline, requested_by, created_at, status FROM footage_requests";

    private FootageRequest read(ResultSet r) throws SQLException {
        Instant deadline = instant(r, 7);
        return new FootageRequest(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                instant(r, 5),
                instant(r, 6),
                deadline,
                r.getString(8),
                instant(r, 9),
                RequestStatus.visible(r.getString(10), deadline, clock.instant()));
    }

    /**
     * The owner's answer with their one-time token. Returns the decision recorded ({@code approved}
     * or {@code declined}), which only the owner sees.
     *
     * @throws WorkflowException FORBIDDEN for an unknown request or a wrong or used token (the same
     *     answer, so a token cannot be probed), GONE past the deadline
     */
    public String decide(String id, String token, boolean approve, AuditEntry entry) {
        String hash = Tokens.sha256Hex(token == null ? "" : token);
        record Row(String tokenHash, Instant deadline) {}
        Row row = db.with(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT decision_token_hash, deadline FROM footage_requests WHERE request_id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? new Row(r.getString(1), instant(r, 2)) : null;
                }
            }
        });
        if (row == null || !Tokens.sameHash(row.tokenHash(), hash))
            throw new WorkflowException(WorkflowException.Kind.FORBIDDEN, "invalid or already used decision token");
        Instant now = clock.instant();
        if (now.isAfter(row.deadline()))
            throw new WorkflowException(
                    WorkflowException.Kind.GONE,
                    "this request expired on " + row.deadline() + ": the footage is overwritten");
        String decision = approve ? "approved" : "declined";
        AuditEntry e = new AuditEntry(
                entry.atMs(), "owner", "owner", entry.action(), "request=" + id, 200, "decision recorded");
        try {
            await(audit.appendDurably(e, c -> {
                try (PreparedStatement p = c.prepareStatement("UPDATE footage_requests SET status = ?, decided_at = ?,"
                        + " decision_token_hash = NULL WHERE request_id = ? AND decision_token_hash = ?")) {
                    p.setString(1, decision);
                    p.setObject(2, odt(now));
                    p.setString(3, id);
                    p.setString(4, hash);
                    if (p.executeUpdate() != 1) throw new SQLException("token already used");
                }
            }));
        } catch (StoreException ex) {
            throw new WorkflowException(WorkflowException.Kind.FORBIDDEN, "invalid or already used decision token");
        }
        return decision;
    }

    /** Outbox messages not yet handed to the gateway, decrypted: the gateway's (and demo's) view. */
    public List<Map<String, Object>> outbox(int limit) {
        return db.with(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT message_id, request_id, kind, payload_enc, created_at"
                    + " FROM outbox WHERE sent_at IS NULL ORDER BY created_at DESC, message_id LIMIT ?")) {
                p.setInt(1, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("message_id", r.getString(1));
                        m.put("request_id", r.getString(2));
                        m.put("kind", r.getString(3));
                        try {
                            m.put(
                                    "payload",
                                    JSON.readValue(
                                            cipher.decrypt(r.getString(4), outboxWhere(r.getString(1))), Map.class));
                        } catch (java.io.IOException ex) {
                            throw new SQLException("outbox payload is not JSON", ex);
                        }
                        m.put("created_at", instant(r, 5).toString());
                        out.add(m);
                    }
                }
            }
            return out;
        });
    }

    static String outboxWhere(String messageId) {
        return "outbox.payload_enc:" + messageId;
    }

    private static void invalid(String message) {
        throw new WorkflowException(WorkflowException.Kind.INVALID, message);
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the commit", e);
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause() instanceof StoreException s ? s : new StoreException("commit failed", e.getCause());
        } catch (TimeoutException e) {
            throw new StoreException("the commit took longer than 30 s", e);
        }
    }

    private static OffsetDateTime odt(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int col) throws SQLException {
        OffsetDateTime t = r.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
