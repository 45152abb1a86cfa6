package org.sightline.service.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sightline.service.audit.AuditLog;
import org.sightline.service.audit.AuditVerifier;
import org.sightline.service.auth.Role;
import org.sightline.service.auth.Tokens;
import org.sightline.service.requests.FootageRequests;
import org.sightline.service.store.Database;

/**
 * Admin only: {@code POST /api/admin/tokens} issues a token for a role (shown once); {@code GET
 * /api/admin/audit} writes and copies what is queued and verifies the hash chain (table and journal); {@code GET
 * /api/admin/outbox} (demo mode only) shows the decrypted owner notifications a mail/SMS gateway
 * would send, so the consent workflow can be tried end to end.
 */
final class AdminResource {
    private final Tokens tokens;
    private final AuditLog audit;
    private final Database db;
    private final FootageRequests requests;
    private final boolean demo;
    private final long maxBody;

    AdminResource(Tokens tokens, AuditLog audit, Database db, FootageRequests requests, boolean demo, long maxBody) {
        this.tokens = tokens;
        this.audit = audit;
        this.db = db;
        this.requests = requests;
        this.demo = demo;
        this.maxBody = maxBody;
    }

    void issue(Context ctx) {
        Auth.require(ctx, Role.ADMIN);
        Params.of(ctx, Set.of());
        Bodies b = Bodies.of(ctx, Set.of("role", "name"), maxBody);
        String roleText = b.string(
                "role",
                16,
                Pattern.compile("dispatcher|planner|analyst|admin"),
                "one of dispatcher, planner, analyst, admin");
        String name = b.string("name", 100, Pattern.compile("[\\p{L}\\p{N} ._@-]+"), "a plain name");
        Tokens.Issued t = tokens.issue(Role.parse(roleText).orElseThrow(), name);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", t.token());
        m.put("token_id", t.principal().tokenId());
        m.put("role", t.principal().role().code());
        m.put("name", name);
        Json.send(ctx, 201, m);
    }

    void verify(Context ctx) {
        Auth.require(ctx, Role.ADMIN);
        Params.of(ctx, Set.of());
        audit.flush();
        AuditVerifier.Report r = AuditVerifier.verify(db, audit.journalDir());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intact", r.intact());
        m.put("entries", r.entries());
        m.put("head_seq", r.headSeq());
        m.put("head_hash", r.headHash());
        r.problem().ifPresent(pr -> m.put("problem", pr));
        m.put("written_since_start", audit.written()); // with commits: entries per group commit
        m.put("commits_since_start", audit.commits());
        Json.send(ctx, 200, m);
    }

    void outbox(Context ctx) {
        Auth.require(ctx, Role.ADMIN);
        if (!demo)
            throw new ApiError(
                    404, "the outbox is read by the notification gateway; this view exists in demo mode only");
        Params q = Params.of(ctx, Set.of("limit"));
        Json.send(
                ctx,
                200,
                Map.of(
                        "messages",
                        requests.outbox(q.optionalInt("limit", 1, 1000).orElse(50))));
    }
}
