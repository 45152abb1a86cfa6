package org.sightline.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A JSON request body, checked strictly: it must be one JSON object of at most the configured size
 * whose fields are all known; each field is read with its type, length and pattern, and any problem
 * is a 400 naming the field.
 */
final class Bodies {
    private final ObjectNode node;

    private Bodies(ObjectNode node) {
        this.node = node;
    }

    static Bodies of(Context ctx, Set<String> allowed, long maxBytes) {
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
            throw ApiError.badRequest(
                    "the body must be JSON (Content-Type: application/json), was " + Params.clip(type));
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBytes)
            throw ApiError.badRequest("the body has " + body.length + " bytes; the limit is " + maxBytes);
        if (body.length == 0) throw ApiError.badRequest("the body is empty; expected a JSON object");
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("the body cannot be read");
        }
        if (!(n instanceof ObjectNode o)) throw ApiError.badRequest("the body must be a JSON object");
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f))
                throw ApiError.badRequest("unknown field '" + Params.clip(f) + "'; allowed: "
                        + String.join(", ", new TreeSet<>(allowed)));
        }
        return new Bodies(o);
    }

    String string(String field, int maxLength, Pattern pattern, String patternText) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw ApiError.badRequest("missing field '" + field + "'");
        if (!v.isTextual()) throw ApiError.badRequest("field '" + field + "' must be a string");
        String s = v.textValue().trim();
        if (s.isEmpty()) throw ApiError.badRequest("field '" + field + "' must not be empty");
        if (s.length() > maxLength)
            throw ApiError.badRequest("field '" + field + "' is longer than " + maxLength + " characters");
        if (pattern != null && !pattern.matcher(s).matches())
            throw ApiError.badRequest(
                    "field '" + field + "' must be " + patternText + ", was '" + Params.clip(s) + "'");
        return s;
    }

    Instant instant(String field) {
        return Params.instant(field, string(field, 40, null, null));
    }
}
