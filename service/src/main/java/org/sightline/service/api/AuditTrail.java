package org.sightline.service.api;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.sightline.service.audit.AuditEntry;
import org.sightline.service.audit.AuditLog;
import org.sightline.service.auth.Principal;
import org.sightline.service.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one audit entry per request (an after-handler): who (token id, or {@code anonymous}),
 * role, method and path, the query string, the status, and the error message if any. It waits for
 * the entry's commit (group commit, see {@link AuditLog}) before the response goes out: Javalin
 * writes the response only after the after-handlers, so no answer leaves the service before its
 * audit entry is on disk. If the entry cannot be written, the prepared answer is replaced by a 500.
 * Handlers that write their entry durably themselves (footage requests, decisions) mark the request
 * audited.
 */
final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    static final String ERROR = "sightline.error";
    private static final String AUDITED = "sightline.audited";
    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    void after(Context ctx) {
        if (ctx.attribute(AUDITED) != null) return;
        String err = ctx.attribute(ERROR);
        try {
            log.append(entry(ctx, ctx.statusCode(), err == null ? "" : err)).join();
        } catch (CompletionException | StoreException e) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error(
                    "[{}] no audit entry for {} {}, answer withheld: {}", ref, ctx.method(), ctx.path(), e.toString());
            Json.error(ctx, 500, "internal error (reference " + ref + "; the details are in the service log)");
        }
    }

    static AuditEntry entry(Context ctx, int status, String detail) {
        Principal p = Auth.principal(ctx).orElse(null);
        String q = ctx.queryString();
        return new AuditEntry(
                System.currentTimeMillis(),
                p == null ? "anonymous" : p.tokenId(),
                p == null ? "" : p.role().code(),
                ctx.method().name() + " " + ctx.path(),
                q == null ? "" : q,
                status,
                detail);
    }

    static void markAudited(Context ctx) {
        ctx.attribute(AUDITED, Boolean.TRUE);
    }
}
