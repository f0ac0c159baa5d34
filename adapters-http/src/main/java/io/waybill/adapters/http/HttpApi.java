package io.waybill.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.json.JavalinJackson;
import io.waybill.application.port.in.CheckReadinessUseCase;
import io.waybill.application.port.in.FakeShipmentsUseCase;
import io.waybill.application.port.in.FindShipmentUseCase;
import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.port.in.IssueTrackingNumberOnceUseCase;
import io.waybill.application.port.in.IssueTrackingNumberUseCase;
import io.waybill.application.port.in.ListShipmentsUseCase;
import io.waybill.application.port.in.ManageWebhooksUseCase;
import io.waybill.application.port.in.MakeReportUseCase;
import io.waybill.application.port.in.PublishReportUseCase;
import io.waybill.application.port.in.ReadReportsUseCase;
import io.waybill.application.port.in.RecordTrackingEventsUseCase;
import io.waybill.application.port.in.RegisterShipmentUseCase;
import io.waybill.application.port.out.ReportFormat;
import io.waybill.application.port.out.TokenBuckets;
import io.waybill.application.port.out.WebhookPayloads;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP API, served by an embedded Javalin (Jetty) server.
 *
 * <p>Lifecycle: {@link #start} binds the port and serves requests before it returns; {@link #close} stops accepting
 * connections, lets the requests in progress finish (for at most ten seconds), then frees the port;
 * {@link #closeGracefully} does the same with more patience for clients that pause in the middle of a request. A
 * closed API cannot be started again: start a new one.
 *
 * <p>Thread-safety: requests are served concurrently (on virtual threads on JDK 21 and later), so the use cases given
 * to {@link #start} must be thread-safe. The methods of this class may be called from any thread.
 */
public final class HttpApi implements AutoCloseable {

    // Room for long query strings (the default is 8 KiB), so that oversized values are answered as a 400 naming
    // the parameter rather than rejected by Jetty with a 414.
    private static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;

    // Javalin's own bound on a body read whole, enforced here before Javalin sees the request.
    private static final int MAX_JSON_BODY_BYTES = 1_000_000;

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_IDLE_TIMEOUT = Duration.ofMillis(100);
    // The same for closeGracefully: a request in progress whose client pauses for longer than this (an upload on a
    // slow link) is cut off. Behind a load balancer that has moved away during the grace, its kept-alive connections
    // have long been idle by then and close at once, so this delays nothing there.
    private static final Duration GRACEFUL_SHUTDOWN_IDLE_TIMEOUT = Duration.ofSeconds(2);

    /**
     * The key under which the id of the request being served is in SLF4J's MDC, for what is logged while serving it:
     * the request's {@code X-Request-Id} when it was 1 to 128 visible ASCII characters, a new UUID otherwise; either
     * way echoed in the answer's {@code X-Request-Id}.
     */
    public static final String REQUEST_ID_LOG_KEY = RequestIds.LOG_KEY;

    private final Javalin javalin;
    private final Server server;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpApi(Javalin javalin, Server server) {
        this.javalin = javalin;
        this.server = server;
        this.port = javalin.port();
    }

    /** The use cases the API serves; none may be null. */
    public record UseCases(IssueTrackingNumberUseCase issueTrackingNumber,
            IssueTrackingNumberOnceUseCase issueTrackingNumberOnce, CheckReadinessUseCase checkReadiness,
            RegisterShipmentUseCase registerShipment, RecordTrackingEventsUseCase recordTrackingEvents,
            FindShipmentUseCase findShipment, ListShipmentsUseCase listShipments,
            ImportShipmentsUseCase importShipments, FakeShipmentsUseCase fakeShipments,
            FindWeatherUseCase findWeather, MakeReportUseCase makeReport, PublishReportUseCase publishReport,
            ReadReportsUseCase readReports, ManageWebhooksUseCase manageWebhooks) {

        public UseCases {
            Objects.requireNonNull(issueTrackingNumber, "issueTrackingNumber");
            Objects.requireNonNull(issueTrackingNumberOnce, "issueTrackingNumberOnce");
            Objects.requireNonNull(checkReadiness, "checkReadiness");
            Objects.requireNonNull(registerShipment, "registerShipment");
            Objects.requireNonNull(recordTrackingEvents, "recordTrackingEvents");
            Objects.requireNonNull(findShipment, "findShipment");
            Objects.requireNonNull(listShipments, "listShipments");
            Objects.requireNonNull(importShipments, "importShipments");
            Objects.requireNonNull(fakeShipments, "fakeShipments");
            Objects.requireNonNull(findWeather, "findWeather");
            Objects.requireNonNull(makeReport, "makeReport");
            Objects.requireNonNull(publishReport, "publishReport");
            Objects.requireNonNull(readReports, "readReports");
            Objects.requireNonNull(manageWebhooks, "manageWebhooks");
        }
    }

    /**
     * How status reports are written down: the JSON that the archive keeps and {@code GET /api/v1/reports/{id}}
     * answers, the seed's keys first. No server needed.
     */
    public static ReportFormat reportFormat() {
        return ReportJson::document;
    }

    /** How webhook messages carry a shipment: its staff view, as {@code GET /api/v1/shipments/{n}} shows it. */
    public static WebhookPayloads webhookPayloads() {
        return new WebhookData();
    }

    /** Without rate limits, on the system's UTC clock. */
    public static HttpApi start(HttpSettings settings, UseCases useCases) {
        return start(settings, useCases, RateLimitSettings.OFF, (bucket, limit) -> {
            throw new IllegalStateException("no limits, no buckets");
        }, Clock.systemUTC());
    }

    /** Without metrics. */
    public static HttpApi start(HttpSettings settings, UseCases useCases, RateLimitSettings limits,
            TokenBuckets buckets, Clock clock) {
        return start(settings, useCases, limits, buckets, clock, Monitoring.open(MetricsSettings.OFF));
    }

    /**
     * With the rate limits of {@code limits}, kept in {@code buckets}; {@code clock} gives the time where a route
     * needs it (the end of generated histories). With {@code monitoring} on, every request is timed
     * ({@link RequestMeters}) and {@code GET /metrics} serves its meters ({@link MetricsHandler}); the caller closes
     * {@code monitoring}, after this API.
     */
    public static HttpApi start(HttpSettings settings, UseCases useCases, RateLimitSettings limits,
            TokenBuckets buckets, Clock clock, Monitoring monitoring) {
        Objects.requireNonNull(monitoring, "monitoring");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(buckets, "buckets");
        Objects.requireNonNull(clock, "clock");
        ApiKeys keys = new ApiKeys(settings.apiKeys());
        ObjectMapper mapper = JsonWriter.newMapper();
        JsonWriter json = new JsonWriter(mapper);
        AtomicReference<Server> jetty = new AtomicReference<>();
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
            config.jetty.modifyServer(server -> {
                jetty.set(server);
                server.setErrorHandler(new JettyErrorHandler(json));
                // Each inserted handler wraps the ones before: the request id's scope right around Javalin, as a
                // request with a body reaches Javalin on another thread than it came in on.
                server.insertHandler(new RequestIds());
                // Inside the graceful handler, which counts its requests.
                server.insertHandler(new BodyReadingHandler(MAX_JSON_BODY_BYTES, settings.bodyLimits(),
                        new BodyAnswers(json)));
                server.insertHandler(gracefulHandler());
                // Outermost: the id is given before anything can answer.
                server.insertHandler(new RequestIds());
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
            });
            config.router.ignoreTrailingSlashes = true;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = MAX_JSON_BODY_BYTES;
            config.http.compressionStrategy = CompressionStrategy.NONE; // bodies are small; Content-Length is exact
            config.jsonMapper(new JavalinJackson(mapper, true));
            monitoring.registry().ifPresent(registry -> config.requestLogger.http(new RequestMeters(registry)));
            config.routes.before(ResponseHeaders::defaults);
            if (!settings.corsOrigins().isEmpty()) {
                config.routes.before(new Cors(settings.corsOrigins())::before);
            }
            Routes.register(config.routes, useCases, new Access(keys), new RateLimiting(limits, buckets, keys),
                    new JsonBody(mapper), json, settings.maxStrictImportBytes(), clock);
            monitoring.registry().ifPresent(registry -> config.routes.get(MetricsHandler.PATH,
                    new MetricsHandler(registry, monitoring.settings().key())));
            ExceptionMapping.register(config, json);
        });
        return new HttpApi(javalin.start(), jetty.get());
    }

    private static GracefulHandler gracefulHandler() {
        GracefulHandler graceful = new GracefulHandler();
        // Idle keep-alive connections are closed this soon on close(), not after Jetty's default second; requests
        // in progress are not idle and still finish.
        graceful.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT.toMillis());
        return graceful;
    }

    /** The port bound at start, useful when the settings asked for port 0; unchanged by {@link #close}. */
    public int port() {
        return port;
    }

    /**
     * Every route registered with Javalin, as {@code METHOD path} ({@code GET /api/v1/shipments/{tracking_number}}),
     * read from its router: for the test that holds openapi.json to them.
     */
    List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    /**
     * Like {@link #close}, for a stop that a load balancer was warned of: connections idle for
     * {@link #GRACEFUL_SHUTDOWN_IDLE_TIMEOUT} (not {@link #SHUTDOWN_IDLE_TIMEOUT}) are closed, so that a request in
     * progress whose client pauses a moment, such as an import's body on a slow link, still finishes.
     */
    public void closeGracefully() {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector abstractConnector) {
                abstractConnector.setShutdownIdleTimeout(GRACEFUL_SHUTDOWN_IDLE_TIMEOUT.toMillis());
            }
        }
        close();
    }

    /** Stops the server; a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            javalin.stop();
        }
    }
}
