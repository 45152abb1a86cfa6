package org.sightline.service.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The map page and its assets from the class path ({@code web/}): index.html, app.js, app.css and the
 * vendored Leaflet under {@code vendor/}. No CDN, no tile server.
 */
final class WebAssets {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_-]+)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "md", "text/plain; charset=utf-8");
    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    void index(Context ctx) {
        serve(ctx, "index.html");
    }

    void asset(Context ctx) {
        serve(ctx, ctx.path().substring(1));
    }

    private void serve(Context ctx, String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        if (!SAFE.matcher(name).matches() || name.contains("..") || !TYPES.containsKey(ext))
            throw new ApiError(404, "not found");
        byte[] b = cache.computeIfAbsent(name, WebAssets::load)
                .orElseThrow(() -> new ApiError(404, "not found: /" + Params.clip(name)));
        ctx.header("Cache-Control", name.startsWith("vendor/") ? "max-age=86400" : "no-cache");
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.status(200).contentType(TYPES.get(ext)).result(b);
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream("web/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
