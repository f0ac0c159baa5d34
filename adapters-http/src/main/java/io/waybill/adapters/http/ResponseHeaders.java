package io.waybill.adapters.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;

/**
 * What caches and browsers may do with an answer. Every answer gets {@code X-Content-Type-Options: nosniff}, a
 * Content-Security-Policy that lets a browser run or embed nothing (the API answers JSON and CSV only) and
 * {@code Cache-Control: no-store}, or {@code private, no-store} when the request carried a key; the routes then say
 * more: those that look at keys add {@code Vary: Authorization, X-API-Key}, staff-only routes are private whoever
 * asks, and a public lookup's view may be kept but must be revalidated ({@code no-cache}).
 *
 * <p>Why not a short {@code max-age} on public lookups: a shipment's status must show as soon as it changes (a cached
 * copy would outlive the caches' own invalidation), a 404 for a number issued a moment later would be kept, and some
 * CDNs ignore {@code Vary}, so they would hand the public view to staff for that long. The views are small and served
 * from the cache in memory, so revalidating costs little.
 */
final class ResponseHeaders {

    static final String CACHE_CONTROL = "Cache-Control";
    static final String NO_STORE = "no-store";
    static final String PRIVATE = "private, no-store";
    static final String REVALIDATE = "no-cache";
    static final String VARY = "Vary";
    static final String KEY_HEADERS = "Authorization, X-API-Key";
    static final String NOSNIFF = "nosniff";
    static final String POLICY = "default-src 'none'; frame-ancestors 'none'";

    private ResponseHeaders() {}

    /** Before every request Javalin handles: the strict defaults. */
    static void defaults(Context ctx) {
        HttpServletResponse response = ctx.res();
        response.setHeader("X-Content-Type-Options", NOSNIFF);
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader(CACHE_CONTROL, carriesKey(ctx.req()) ? PRIVATE : NO_STORE);
    }

    /**
     * For what Jetty refuses itself, before Javalin sees the request: always private, as Jetty may refuse a request
     * before it has read the headers that would tell whether it carried a key.
     */
    static void defaults(HttpFields.Mutable response) {
        response.put("X-Content-Type-Options", NOSNIFF);
        response.put("Content-Security-Policy", POLICY);
        response.put(CACHE_CONTROL, PRIVATE);
    }

    /** The answer depends on the key, if any, that the request carried: staff's view, the public's, 401 or 403. */
    static void dependsOnKey(Context ctx) {
        vary(ctx.res(), KEY_HEADERS);
    }

    /** Staff-only routes: never stored, even their 401 to a request without a key. */
    static void staffOnly(Context ctx) {
        ctx.res().setHeader(CACHE_CONTROL, PRIVATE);
    }

    /** A public view of a shipment: may be kept, but asked for again before each use. */
    static void publicLookup(Context ctx) {
        ctx.res().setHeader(CACHE_CONTROL, REVALIDATE);
    }

    /** Adds {@code tokens} to the response's {@code Vary}, in one header. */
    static void vary(HttpServletResponse response, String tokens) {
        String present = response.getHeader(VARY);
        if (present == null || present.isBlank()) {
            response.setHeader(VARY, tokens);
        } else if (!present.toLowerCase(Locale.ROOT).contains(tokens.toLowerCase(Locale.ROOT))) {
            response.setHeader(VARY, present + ", " + tokens);
        }
    }

    private static boolean carriesKey(HttpServletRequest request) {
        return request.getHeader("Authorization") != null || request.getHeader("X-API-Key") != null;
    }
}
