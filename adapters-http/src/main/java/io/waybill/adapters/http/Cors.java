package io.waybill.adapters.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cross-origin requests from the origins allowed, and from no other: an allowed origin gets
 * {@code Access-Control-Allow-Origin} naming it, and its preflight a 204 naming the methods and headers the API
 * takes. Keys travel in headers, never in cookies, so credentials are not allowed. With CORS on, every answer says
 * {@code Vary: Origin}, so that a cache never hands an answer made for one origin to another. Immutable, thread-safe.
 */
final class Cors {

    static final String ALLOW_METHODS = "GET, HEAD, POST, OPTIONS";
    static final String ALLOW_HEADERS = "Authorization, X-API-Key, Content-Type, Idempotency-Key, X-Request-Id";
    static final String EXPOSE_HEADERS = "Location, Link, Retry-After, WWW-Authenticate, RateLimit, RateLimit-Policy, Idempotent-Replayed, X-Request-Id";
    static final String MAX_AGE_SECONDS = "600";

    // scheme://host[:port], as a browser sends it in Origin: no path, no user, no trailing slash.
    private static final Pattern ORIGIN = Pattern.compile(
            "https?://([a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+])(:[0-9]{1,5})?");

    private final Set<String> origins;

    Cors(List<String> origins) {
        this.origins = origins.stream().map(Cors::normalised).collect(Collectors.toUnmodifiableSet());
    }

    /** The origin in lower case; refused unless it is {@code scheme://host[:port]} with http or https. */
    static String normalised(String origin) {
        String lower = origin.strip().toLowerCase(Locale.ROOT);
        if (!ORIGIN.matcher(lower).matches()) {
            throw new IllegalArgumentException("a CORS origin must be http(s)://host[:port], without a path; got '"
                    + (origin.length() > 100 ? origin.substring(0, 100) + "..." : origin) + "'");
        }
        return lower;
    }

    /** Before every request, when CORS is on. */
    void before(Context ctx) {
        ResponseHeaders.vary(ctx.res(), "Origin");
        String origin = ctx.header("Origin");
        if (origin == null || !origins.contains(origin.toLowerCase(Locale.ROOT))) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        if (ctx.method().name().equals("OPTIONS") && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
            ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
            ctx.status(204);
            ctx.skipRemainingHandlers();
        } else {
            ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
    }
}
