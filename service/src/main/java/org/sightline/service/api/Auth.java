package org.sightline.service.api;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import org.sightline.service.auth.Principal;
import org.sightline.service.auth.Role;
import org.sightline.service.auth.Tokens;

/**
 * Bearer-token authentication at the edge: every {@code /api} request names a token in {@code
 * Authorization: Bearer <token>} (the owner's decision endpoint excepted, which takes a one-time
 * token in its body). No valid token: 401; a valid token of the wrong role: 403.
 */
final class Auth {
    static final String PRINCIPAL = "sightline.principal";
    private final Tokens tokens;

    Auth(Tokens tokens) {
        this.tokens = tokens;
    }

    /** Resolves the caller, if any (a before-handler: never refuses by itself). */
    void resolve(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return;
        tokens.authenticate(h.substring(7).trim()).ifPresent(p -> ctx.attribute(PRINCIPAL, p));
    }

    static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** The caller, who must hold one of {@code roles}. */
    static Principal require(Context ctx, Role... roles) {
        Principal p = principal(ctx).orElse(null);
        if (p == null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"sightline\"");
            throw new ApiError(401, "missing or invalid API token (send Authorization: Bearer <token>)");
        }
        if (Arrays.stream(roles).noneMatch(r -> r == p.role()))
            throw new ApiError(
                    403,
                    "role " + p.role().code() + " may not do this; allowed: "
                            + String.join(
                                    ", ", Arrays.stream(roles).map(Role::code).toList()));
        return p;
    }
}
