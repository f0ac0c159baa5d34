package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format (version 0.0.4). Open to anyone, or, with a metrics key
 * set, only to a request that carries it ({@code Authorization: Bearer <key>} or {@code X-API-Key}): 401 without, 403
 * with another. The key is compared as the API keys are ({@link ApiKeys}), in constant time; staff's API keys do not
 * open it, so that the scraper holds a secret that opens nothing else.
 *
 * <p>Not rate-limited, like the probes: a scraper asks from one address every few seconds, and a limit shared with
 * the public would fail its scrapes when the service is busiest, which is when they matter.
 */
final class MetricsHandler implements Handler {

    static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final Optional<ApiKeys> key;

    MetricsHandler(PrometheusMeterRegistry registry, Optional<String> key) {
        this.registry = registry;
        this.key = key.map(present -> new ApiKeys(List.of(present)));
    }

    @Override
    public void handle(Context ctx) {
        key.ifPresent(expected -> check(ctx, expected));
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the scrape could not be sent", e);
        }
    }

    private static void check(Context ctx, ApiKeys expected) {
        ResponseHeaders.dependsOnKey(ctx);
        ResponseHeaders.staffOnly(ctx);
        List<String> presented = Access.presentedKeys(ctx.header("Authorization"), ctx.header("X-API-Key"));
        if (presented.isEmpty()) {
            throw new UnauthorizedResponse("The metrics key is required: send it as 'Authorization: Bearer <key>' or"
                    + " 'X-API-Key: <key>'");
        }
        boolean valid = true;
        for (String candidate : presented) {
            valid &= expected.matches(candidate);
        }
        if (!valid) {
            throw new ForbiddenResponse("The metrics key is not valid");
        }
    }
}
