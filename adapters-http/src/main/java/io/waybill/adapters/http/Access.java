package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import io.waybill.application.port.in.FindShipmentUseCase.Audience;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is asking, from the API key a request carries as {@code Authorization: Bearer <key>} or {@code X-API-Key}:
 * staff with a valid key, the public with none. A wrong key is refused (403) on every route that looks at keys, so
 * a misconfigured client learns of it at once rather than silently getting the public view. Thread-safe.
 */
final class Access {

    static final String CHALLENGE = "Bearer";
    private static final String BEARER = "Bearer";

    /** A handler for a route anyone may use, told who asks. */
    interface AudienceHandler {
        void handle(Context ctx, Audience audience);
    }

    private final ApiKeys keys;

    Access(ApiKeys keys) {
        this.keys = keys;
    }

    /** Anyone may use the route; the handler is told whether staff or the public asks. */
    Handler anyone(AudienceHandler handler) {
        return ctx -> {
            ResponseHeaders.dependsOnKey(ctx);
            handler.handle(ctx, audience(ctx));
        };
    }

    /** Only staff may use the route: 401 without a key, 403 with a wrong one. */
    Handler staff(Handler handler) {
        return ctx -> {
            ResponseHeaders.dependsOnKey(ctx);
            ResponseHeaders.staffOnly(ctx);
            if (audience(ctx) != Audience.STAFF) {
                throw new UnauthorizedResponse("An API key is required: send it as 'Authorization: Bearer <key>'"
                        + " or 'X-API-Key: <key>'");
            }
            handler.handle(ctx);
        };
    }

    /**
     * Whether the request carries valid keys, for a route that tells staff more but refuses nobody (a probe): a wrong
     * key is the public's, not a 403, so that a load balancer's check never fails for a key.
     */
    boolean isStaff(Context ctx) {
        try {
            return audience(ctx) == Audience.STAFF;
        } catch (ForbiddenResponse wrongKey) {
            return false;
        }
    }

    /**
     * Whose resources a staff request's are (its webhook subscriptions): the SHA-256, in hex, of the key it presents,
     * never the key itself. Only for a route behind {@link #staff}, which has checked the key.
     */
    String owner(Context ctx) {
        List<String> presented = presentedKeys(ctx.header("Authorization"), ctx.header("X-API-Key"));
        return java.util.HexFormat.of().formatHex(ApiKeys.sha256(presented.get(0)));
    }

    private Audience audience(Context ctx) {
        List<String> presented = presentedKeys(ctx.header("Authorization"), ctx.header("X-API-Key"));
        if (presented.isEmpty()) {
            return Audience.PUBLIC;
        }
        boolean valid = true;
        for (String key : presented) {
            valid &= keys.matches(key);
        }
        if (!valid) {
            throw new ForbiddenResponse("The API key is not valid");
        }
        return Audience.STAFF;
    }

    /** An Authorization header of another scheme than Bearer carries no API key. */
    static List<String> presentedKeys(String authorization, String apiKey) {
        List<String> presented = new ArrayList<>(2);
        String credentials = authorization == null ? "" : authorization.strip();
        boolean bearer = credentials.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && (credentials.length() == BEARER.length() || credentials.charAt(BEARER.length()) == ' ');
        if (bearer) {
            presented.add(credentials.substring(BEARER.length()).strip());
        }
        if (apiKey != null) {
            presented.add(apiKey.strip());
        }
        return presented;
    }
}
