package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Times every request Javalin answers, in {@code http.server.requests} by {@code method}, {@code route} and
 * {@code status}: the route's template ({@code /api/v1/shipments/{tracking_number}}), never the path, which is the
 * client's text; {@value #UNMATCHED} for a request that matched no route (or was refused before it did); a method
 * outside HTTP's own, {@value #OTHER_METHOD}. So the series are bounded by the routes, methods and statuses there are.
 *
 * <p>Each route and method's timers are looked up once, then found by status in an array: recording a request costs
 * a map look-up and the timer's own work, no lock and no allocation beyond Javalin's. Requests that Jetty answers
 * before Javalin sees them (a body too large or too slow, a malformed request line) are not counted here.
 * Thread-safe.
 */
final class RequestMeters implements RequestLogger {

    static final String NAME = "http.server.requests";
    static final String UNMATCHED = "unmatched";
    static final String OTHER_METHOD = "OTHER";
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "QUERY");
    private static final int STATUSES = 600;

    private final MeterRegistry registry;
    private final Map<String, Map<String, RouteTimers>> byMethod = new ConcurrentHashMap<>();

    RequestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint == null ? UNMATCHED : endpoint.path;
        String method = ctx.method().name();
        timers(method, route).of(ctx.statusCode())
                .record((long) (executionTimeMs.doubleValue() * 1_000_000), TimeUnit.NANOSECONDS);
    }

    private RouteTimers timers(String method, String route) {
        Map<String, RouteTimers> routes = byMethod.get(method);
        if (routes == null) {
            routes = byMethod.computeIfAbsent(METHODS.contains(method) ? method : OTHER_METHOD,
                    known -> new ConcurrentHashMap<>());
        }
        RouteTimers timers = routes.get(route);
        return timers != null ? timers : routes.computeIfAbsent(route, template -> new RouteTimers(
                METHODS.contains(method) ? method : OTHER_METHOD, template));
    }

    /** One route and method's timers, by status, each registered on first use. */
    private final class RouteTimers {

        private final String method;
        private final String route;
        private final AtomicReferenceArray<Timer> byStatus = new AtomicReferenceArray<>(STATUSES);

        RouteTimers(String method, String route) {
            this.method = method;
            this.route = route;
        }

        Timer of(int status) {
            int index = status >= 100 && status < STATUSES ? status : 0;
            Timer timer = byStatus.get(index);
            if (timer == null) {
                // Registering twice at once is harmless: the registry hands both the same timer.
                timer = MicrometerMetrics.latencyTimer(NAME, "HTTP requests answered, by route template and status",
                        "method", method, "route", route, "status", index == 0 ? "other" : Integer.toString(status))
                        .register(registry);
                byStatus.set(index, timer);
            }
            return timer;
        }
    }
}
