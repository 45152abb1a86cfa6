package org.sightline.service.api;

import io.javalin.http.Context;
import org.sightline.service.audit.AuditEntry;
import org.sightline.service.audit.AuditLog;
import org.sightline.service.auth.Principal;

/**
 * Writes one audit entry per request (an after-handler): who (token id, or {@code anonymous}),
 * role, method and path, the query string, the status, and the error message if any. Handlers that
 * write their entry durably themselves (footage requests, decisions) mark the request audited.
 */
final class AuditTrail {
    static final String ERROR = "sightline.error";
    private static final String AUDITED = "sightline.audited";
    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    void after(Context ctx) {
        if (ctx.attribute(AUDITED) != null) return;
        String err = ctx.attribute(ERROR);
        log.append(entry(ctx, ctx.statusCode(), err == null ? "" : err));
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
