package io.waybill.bootstrap;

import io.waybill.adapters.cache.CacheSettings;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.adapters.http.MetricsSettings;
import io.waybill.adapters.http.RateLimitSettings;
import io.waybill.adapters.persistence.DatabaseSettings;
import io.waybill.domain.StatusMapping;
import io.waybill.domain.trackingnumber.PermutationKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Waybill is configured with, grouped by concern. Built from a map of settings: the environment in
 * production ({@link #fromEnvironment}), a plain map in tests and embedding applications.
 *
 * @param http where the HTTP API listens, and its API keys; empty to run without HTTP, as a library
 * @param database the database, embedded SQLite unless configured
 * @param cache Redis when configured, in-process otherwise
 * @param trackingKey the tracking-number permutation key; empty to use the database's, made on first start
 * @param statusMapping how carriers' status wordings map to canonical statuses
 * @param rateLimits the limits on HTTP routes anyone may use, kept in Redis when the cache is there
 * @param reports how status reports are made
 * @param weather where the weather at receivers comes from ({@link WeatherSettings#OFF} unless configured, but
 *     Open-Meteo by default in {@link #fromEnvironment})
 * @param clock where the service reads the time (when numbers are issued, shipments stored, events imported,
 *     idempotency keys expire); the system's UTC clock unless set with {@link #withClock}
 * @param metrics whether the service keeps metrics, served at {@code GET /metrics} (so kept only with HTTP), and the
 *     key that opens them; off unless set ({@link #withMetrics}), but on by default in {@link #fromEnvironment}
 * @param shutdownGrace how long {@link Waybill#shutDownGracefully} keeps serving HTTP once readiness says the
 *     instance is shutting down, so that load balancers move away before it stops taking connections
 *     ({@link #DEFAULT_SHUTDOWN_GRACE}; zero stops at once)
 * @param webhooks how webhook messages are delivered ({@link WebhookSettings#DEFAULTS} unless set)
 */
public record WaybillConfig(Optional<HttpSettings> http, DatabaseSettings database, CacheSettings cache,
        Optional<PermutationKey> trackingKey, StatusMapping statusMapping, RateLimitSettings rateLimits,
        WeatherSettings weather, ReportSettings reports, Clock clock, MetricsSettings metrics,
        Duration shutdownGrace, WebhookSettings webhooks) {

    /**
     * Long enough for a load balancer that checks {@code /ready} every second or two to see it fail twice (HAProxy's
     * {@code inter 1s fall 2}, a Kubernetes probe's {@code periodSeconds: 2}).
     */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private static final long MIB = 1024 * 1024;

    public WaybillConfig {
        Objects.requireNonNull(weather, "weather");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(webhooks, "webhooks");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("the shutdown grace must not be negative; got " + shutdownGrace);
        }
    }

    /** With the default webhook settings. */
    public WaybillConfig(Optional<HttpSettings> http, DatabaseSettings database, CacheSettings cache,
            Optional<PermutationKey> trackingKey, StatusMapping statusMapping, RateLimitSettings rateLimits,
            WeatherSettings weather, ReportSettings reports, Clock clock, MetricsSettings metrics,
            Duration shutdownGrace) {
        this(http, database, cache, trackingKey, statusMapping, rateLimits, weather, reports, clock, metrics,
                shutdownGrace, WebhookSettings.DEFAULTS);
    }

    /** Without metrics, with the default shutdown grace. */
    public WaybillConfig(Optional<HttpSettings> http, DatabaseSettings database, CacheSettings cache,
            Optional<PermutationKey> trackingKey, StatusMapping statusMapping, RateLimitSettings rateLimits,
            WeatherSettings weather, ReportSettings reports, Clock clock) {
        this(http, database, cache, trackingKey, statusMapping, rateLimits, weather, reports, clock,
                MetricsSettings.OFF, DEFAULT_SHUTDOWN_GRACE);
    }

    /** Without weather, on the system's UTC clock. */
    public WaybillConfig(Optional<HttpSettings> http, DatabaseSettings database, CacheSettings cache,
            Optional<PermutationKey> trackingKey, StatusMapping statusMapping, RateLimitSettings rateLimits) {
        this(http, database, cache, trackingKey, statusMapping, rateLimits, WeatherSettings.OFF, ReportSettings.DEFAULTS,
                Clock.systemUTC());
    }

    /** Without rate limits and weather, on the system's UTC clock. */
    public WaybillConfig(Optional<HttpSettings> http, DatabaseSettings database, CacheSettings cache,
            Optional<PermutationKey> trackingKey, StatusMapping statusMapping) {
        this(http, database, cache, trackingKey, statusMapping, RateLimitSettings.OFF);
    }

    /**
     * A database of its own, in a new temporary directory, and no HTTP: for embedding and tests. Its files are deleted
     * when the JVM exits. (SQLite's in-memory databases are each one connection's alone, so it is a file.)
     */
    public static WaybillConfig embedded() {
        DatabaseSettings database = DatabaseSettings.sqlite(temporaryDatabaseFile(), Settings.DEFAULT_POOL_SIZE,
                Settings.DEFAULT_COMMIT_TIMEOUT);
        return new WaybillConfig(Optional.empty(), database, CacheSettings.defaults(), Optional.empty(),
                StatusMapping.builtIn());
    }

    /**
     * The service's configuration from environment variables (see the README for each): HTTP on
     * {@code WAYBILL_HTTP_PORT} (8080), PostgreSQL when {@code WAYBILL_DATABASE_URL} or {@code DATABASE_URL} is
     * set, otherwise SQLite in {@code waybill.db} under {@code WAYBILL_DATA_DIR} ({@code ./data}); Redis when
     * {@code WAYBILL_REDIS_URL} or {@code REDIS_URL} is set; API keys from {@code WAYBILL_API_KEYS}, or one made
     * and logged when there are none; browsers on the origins in {@code WAYBILL_CORS_ORIGINS} (none) may call the
     * API; rate limits from {@code WAYBILL_RATE_LIMIT_*}, on by default; weather from {@code WAYBILL_WEATHER_*},
     * Open-Meteo by default; the shutdown grace from {@code WAYBILL_SHUTDOWN_GRACE_MS} (5000); metrics unless
     * {@code WAYBILL_METRICS} is {@code off}, behind {@code WAYBILL_METRICS_KEY} when it is set.
     *
     * @throws IllegalArgumentException naming the variable, when a value is malformed
     */
    public static WaybillConfig fromEnvironment(Map<String, String> environment) {
        Settings settings = new Settings(environment);
        String host = settings.text("WAYBILL_HTTP_HOST", "0.0.0.0");
        int port = settings.port("WAYBILL_HTTP_PORT", 8080);
        List<String> apiKeys = settings.apiKeys(new SecureRandom());
        long maxStrictImportBytes = settings.atLeast("WAYBILL_HTTP_STRICT_IMPORT_MAX_MB",
                (int) (HttpSettings.DEFAULT_MAX_STRICT_IMPORT_BYTES / MIB), 1) * MIB;
        HttpSettings.BodyLimits bodyDefaults = HttpSettings.BodyLimits.DEFAULTS;
        HttpSettings.BodyLimits bodyLimits = new HttpSettings.BodyLimits(
                Duration.ofMillis(settings.atLeast("WAYBILL_HTTP_BODY_TIMEOUT_MS",
                        (int) bodyDefaults.timeout().toMillis(), 1)),
                settings.atLeast("WAYBILL_HTTP_IMPORT_MIN_BYTES_PER_SECOND",
                        (int) bodyDefaults.minImportBytesPerSecond(), 0));
        List<String> keys = settings.parse("WAYBILL_API_KEYS", apiKeys,
                valid -> new HttpSettings(host, port, valid, maxStrictImportBytes).apiKeys());
        HttpSettings http = settings.parse("WAYBILL_CORS_ORIGINS", settings.list("WAYBILL_CORS_ORIGINS"),
                origins -> new HttpSettings(host, port, keys, maxStrictImportBytes, bodyLimits, origins));
        return storage(settings).withHttp(http).withRateLimits(settings.rateLimits()).withWeather(settings.weather())
                .withShutdownGrace(settings.shutdownGrace()).withMetrics(settings.metrics())
                .withWebhooks(settings.webhooks());
    }

    /**
     * Like {@link #fromEnvironment}, without HTTP and without reading its variables: for commands that serve nothing,
     * such as an import, which need no API key.
     */
    public static WaybillConfig fromEnvironmentWithoutHttp(Map<String, String> environment) {
        return storage(new Settings(environment));
    }

    private static WaybillConfig storage(Settings settings) {
        DatabaseSettings database = settings.database();
        CacheSettings cache = settings.cache();
        StatusMapping statusMapping = settings.statusMapping();
        Optional<PermutationKey> trackingKey = settings.optional("WAYBILL_TRACKING_KEY")
                .map(hex -> settings.parse("WAYBILL_TRACKING_KEY", hex, PermutationKey::parse));
        return new WaybillConfig(Optional.empty(), database, cache, trackingKey, statusMapping)
                .withReports(settings.reports(database));
    }

    /**
     * These settings, checked for a command that archives reports ({@code serve}, {@code report}).
     *
     * @throws IllegalArgumentException when reports have no store on PostgreSQL: instances on one database would each
     *     keep theirs in a directory of their own machine, so the store is to be chosen, not defaulted
     */
    public WaybillConfig requireReportStore() {
        if (database.isPostgres() && reports.store().isEmpty()) {
            throw new IllegalArgumentException("WAYBILL_REPORT_STORE must be set with PostgreSQL: a directory every"
                    + " instance shares, or s3://bucket/prefix");
        }
        return this;
    }

    public WaybillConfig withHttp(HttpSettings settings) {
        return new WaybillConfig(Optional.of(settings), database, cache, trackingKey, statusMapping, rateLimits, weather,
                reports, clock, metrics, shutdownGrace, webhooks);
    }

    public WaybillConfig withoutHttp() {
        return new WaybillConfig(Optional.empty(), database, cache, trackingKey, statusMapping, rateLimits, weather,
                reports, clock, metrics, shutdownGrace, webhooks);
    }

    public WaybillConfig withCache(CacheSettings settings) {
        return new WaybillConfig(http, database, settings, trackingKey, statusMapping, rateLimits, weather, reports, clock,
                metrics, shutdownGrace, webhooks);
    }

    public WaybillConfig withRateLimits(RateLimitSettings limits) {
        return new WaybillConfig(http, database, cache, trackingKey, statusMapping, limits, weather, reports, clock,
                metrics, shutdownGrace, webhooks);
    }

    public WaybillConfig withReports(ReportSettings settings) {
        return new WaybillConfig(http, database, cache, trackingKey, statusMapping, rateLimits, weather, settings, clock,
                metrics, shutdownGrace, webhooks);
    }

    public WaybillConfig withWeather(WeatherSettings settings) {
        return new WaybillConfig(http, database, cache, trackingKey, statusMapping, rateLimits, settings, reports, clock,
                metrics, shutdownGrace, webhooks);
    }

    public WaybillConfig withMetrics(MetricsSettings settings) {
        return new WaybillConfig(http, database, cache, trackingKey, statusMapping, rateLimits, weather, reports, clock,
                settings, shutdownGrace, webhooks);
    }

    /** These settings with {@link Waybill#shutDownGracefully} serving for {@code grace} before it stops. */
    public WaybillConfig withShutdownGrace(Duration grace) {
        return new WaybillConfig(http, database, cache, trackingKey, statusMapping, rateLimits, weather, reports, clock,
                metrics, grace, webhooks);
    }

    public WaybillConfig withWebhooks(WebhookSettings settings) {
        return new WaybillConfig(http, database, cache, trackingKey, statusMapping, rateLimits, weather, reports, clock,
                metrics, shutdownGrace, settings);
    }

    /** These settings with the service reading the time from {@code clock}: a test's, or an embedding application's. */
    public WaybillConfig withClock(Clock clock) {
        return new WaybillConfig(http, database, cache, trackingKey, statusMapping, rateLimits, weather, reports, clock,
                metrics, shutdownGrace, webhooks);
    }

    /** The embedded default: SQLite in {@code waybill.db} under {@code directory}. */
    static DatabaseSettings sqliteFile(Path directory, int poolSize, Duration commitTimeout) {
        return DatabaseSettings.sqlite(directory.resolve("waybill.db"), poolSize, commitTimeout);
    }

    // The file and its directory go when the JVM exits, the directory last (deleteOnExit deletes in reverse order).
    // SQLite removes its WAL and shared-memory files when the last connection closes.
    private static Path temporaryDatabaseFile() {
        try {
            Path directory = Files.createTempDirectory("waybill-embedded-");
            directory.toFile().deleteOnExit();
            Path file = directory.resolve("waybill.db");
            for (String suffix : List.of("-shm", "-wal", "")) {
                directory.resolve("waybill.db" + suffix).toFile().deleteOnExit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for the embedded database", e);
        }
    }
}
