package org.sightline.service.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.UUID;
import org.sightline.service.audit.AuditLog;
import org.sightline.service.auth.Tokens;
import org.sightline.service.city.ServiceCity;
import org.sightline.service.requests.FootageRequests;
import org.sightline.service.requests.WorkflowException;
import org.sightline.service.store.Database;
import org.sightline.service.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: routes to the resources, bearer-token resolution before, one audit entry after
 * every request, and every error as a JSON body {@code {"error": ..., "status": n}}; an unexpected
 * exception is logged with a reference and the client gets only the reference, never a stack trace.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private final Javalin app;

    /** Everything the routes need. */
    public record Wiring(
            ServiceCity city,
            Database db,
            Tokens tokens,
            AuditLog audit,
            FootageRequests requests,
            Clock clock,
            double approachM,
            long maxBodyBytes,
            boolean demo,
            String publicUrl) {}

    private ApiServer(Javalin app) {
        this.app = app;
    }

    public static ApiServer start(Wiring w, String host, int port) {
        Auth auth = new Auth(w.tokens());
        AuditTrail trail = new AuditTrail(w.audit());
        SuggestResource suggest = new SuggestResource(w.city(), w.approachM(), w.clock());
        CameraResource cameras = new CameraResource(w.city(), w.publicUrl());
        RequestResource requests = new RequestResource(w.city(), w.requests(), w.maxBodyBytes());
        LayerResource layers = new LayerResource(w.city(), w.demo());
        AdminResource admin =
                new AdminResource(w.tokens(), w.audit(), w.db(), w.requests(), w.demo(), w.maxBodyBytes());
        WebAssets web = new WebAssets();
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = w.maxBodyBytes();
            cfg.http.defaultContentType = Json.TYPE;
            // Javalin copies every result through a fresh buffer of this size (32 KB by default, ≈ 14 % of
            // a /api/suggest request's CPU in JFR); answers are mostly < 1 KB, large layers go out in pieces
            cfg.http.responseBufferSize = 8192;
            cfg.router.ignoreTrailingSlashes = true;
            var r = cfg.routes;
            r.before(ctx -> {
                long n = ctx.contentLength();
                if (n > w.maxBodyBytes())
                    throw ApiError.badRequest("the body has " + n + " bytes; the limit is " + w.maxBodyBytes());
                auth.resolve(ctx);
            });
            r.get("/api/suggest", suggest::get);
            r.get("/api/cameras", cameras::list);
            r.get("/api/cameras/{id}/live", cameras::live);
            r.post("/api/requests", requests::create);
            r.get("/api/requests", requests::list);
            r.get("/api/requests/{id}", requests::get);
            r.post("/api/requests/{id}/decision", requests::decide);
            r.get("/api/requests/{id}/footage", requests::footage);
            r.get("/api/coverage", layers::coverage);
            r.get("/api/hotspots", layers::hotspots);
            r.get("/api/gaps", layers::gaps);
            r.get("/api/me", layers::me);
            r.get("/api/city", layers::info);
            r.post("/api/admin/tokens", admin::issue);
            r.get("/api/admin/audit", admin::verify);
            r.get("/api/admin/outbox", admin::outbox);
            r.get("/", web::index);
            r.get("/app.js", web::asset);
            r.get("/app.css", web::asset);
            r.get("/vendor/<path>", web::asset);
            r.after(trail::after);
            r.exception(ApiError.class, (e, ctx) -> fail(ctx, e.status(), e.getMessage()));
            r.exception(WorkflowException.class, (e, ctx) -> fail(ctx, status(e.kind()), e.getMessage()));
            r.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(), e.getMessage()));
            r.exception(Exception.class, (e, ctx) -> internal(ctx, e));
            r.error(404, ctx -> {
                if (ctx.attribute(AuditTrail.ERROR) == null)
                    fail(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
            });
            r.error(405, ctx -> {
                if (ctx.attribute(AuditTrail.ERROR) == null)
                    fail(ctx, 405, "method not allowed: " + ctx.method() + " " + ctx.path());
            });
        });
        app.start(host, port);
        return new ApiServer(app);
    }

    private static int status(WorkflowException.Kind k) {
        return switch (k) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case GONE -> 410;
        };
    }

    private static void fail(Context ctx, int status, String message) {
        ctx.attribute(AuditTrail.ERROR, message);
        Json.error(ctx, status, message);
    }

    private static void internal(Context ctx, Exception e) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        if (e instanceof StoreException)
            LOG.error("[{}] store failure on {} {}: {}", ref, ctx.method(), ctx.path(), e.toString());
        else LOG.error("[{}] unexpected failure on {} {}", ref, ctx.method(), ctx.path(), e);
        fail(ctx, 500, "internal error (reference " + ref + "; the details are in the service log)");
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
