package org.sightline.service.audit;

/**
 * One audited request: who (token id or {@code anonymous} / {@code owner}), their role, what
 * ({@code GET /api/suggest}) on which target (parameters, request id), when, and the outcome (HTTP
 * status) with a short detail. Never holds a secret (tokens) or personal data.
 */
public record AuditEntry(
        long atMs, String actor, String role, String action, String target, int outcome, String detail) {
    public AuditEntry {
        actor = clip(actor, 64);
        role = clip(role, 16);
        action = clip(action, 200);
        target = clip(target, 500);
        detail = clip(detail, 500);
    }

    private static String clip(String s, int n) {
        if (s == null) return "";
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
