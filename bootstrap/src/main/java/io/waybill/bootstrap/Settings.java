package io.waybill.bootstrap;

import io.waybill.adapters.cache.CacheSettings;
import io.waybill.adapters.http.MetricsSettings;
import io.waybill.adapters.http.RateLimitSettings;
import io.waybill.adapters.http.weather.WeatherProviders;
import io.waybill.adapters.persistence.DatabaseSettings;
import io.waybill.adapters.persistence.archive.ReportArchives;
import io.waybill.domain.StatusMapping;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads named settings from a map, with messages that name the setting at fault. */
final class Settings {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    static final int DEFAULT_POOL_SIZE = 10;
    static final Duration DEFAULT_COMMIT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REPLICA_MAX_LAG = Duration.ofSeconds(5);
    /**
     * The variables that may name a read replica, the first set winning: Waybill's own (a JDBC or a
     * {@code postgres://} URL), then the {@code postgres://} forms that compose files and seed 001 use.
     */
    static final List<String> REPLICA_URLS =
            List.of("WAYBILL_DATABASE_REPLICA_URL", "DATABASE_REPLICA_URL", "SLAVE_DATABASE_URL");

    private final Map<String, String> values;

    Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    String text(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    int port(String name, int fallback) {
        int port = integer(name, fallback);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be a port number from 0 to 65535; got " + port);
        }
        return port;
    }

    int atLeast(String name, int fallback, int minimum) {
        int value = integer(name, fallback);
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + "; got " + value);
        }
        return value;
    }

    int integer(String name, int fallback) {
        return optional(name).map(value -> parse(name, value, Integer::parseInt)).orElse(fallback);
    }

    /** A comma-separated list; empty when the setting is absent. */
    List<String> list(String name) {
        return optional(name).stream()
                .flatMap(text -> Arrays.stream(text.split(",")))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /**
     * {@code WAYBILL_REPORT_*}: the days without an event after which a shipment under way is stalled (3); the schedule,
     * a cron expression or {@code none} ({@code 0 0,8,16 * * *}), in its zone ({@code UTC}); the store, a directory or
     * {@code s3://bucket/prefix} ({@code reports} beside the SQLite file, in the data directory by default; none on
     * PostgreSQL, where
     * {@code serve} requires one: {@link WaybillConfig#requireReportStore}); an S3-compatible endpoint.
     */
    ReportSettings reports(DatabaseSettings database) {
        int stalledDays = atLeast("WAYBILL_REPORT_STALLED_DAYS", ReportSettings.DEFAULT_STALLED_DAYS, 1);
        ZoneId zone = parse("WAYBILL_REPORT_ZONE", text("WAYBILL_REPORT_ZONE", "UTC"), Settings::zone);
        Optional<ReportArchives.Store> store = optional("WAYBILL_REPORT_STORE")
                .map(text -> parse("WAYBILL_REPORT_STORE", text, ReportArchives::parse))
                .or(() -> database.isPostgres() ? Optional.empty() : Optional.of(new ReportArchives.Store.Directory(
                        Path.of(DatabaseSettings.sqliteFile(database.jdbcUrl())).toAbsolutePath().resolveSibling(
                                "reports"))));
        Optional<URI> endpoint = optional("WAYBILL_REPORT_S3_ENDPOINT")
                .map(text -> parse("WAYBILL_REPORT_S3_ENDPOINT", text, Settings::httpUrl));
        String schedule = text("WAYBILL_REPORT_SCHEDULE", ReportSettings.DEFAULT_SCHEDULE);
        ReportSettings reports = parse("WAYBILL_REPORT_SCHEDULE", schedule, cron -> new ReportSettings(stalledDays, cron,
                zone, Optional.empty(), Optional.empty(), ReportSettings.DEFAULT_RETRIES));
        return parse("WAYBILL_REPORT_S3_ENDPOINT", reports, settings -> new ReportSettings(stalledDays,
                settings.schedule(), zone, store, endpoint, ReportSettings.DEFAULT_RETRIES));
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a time zone such as UTC or Europe/Berlin; got " + text, e);
        }
    }

    private static URI httpUrl(String text) {
        URI url = URI.create(text);
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("must be an http or https URL such as http://127.0.0.1:9000; got "
                    + text);
        }
        return url;
    }

    /**
     * {@code WAYBILL_WEATHER_*}: the provider ({@code open-meteo} by default), its key, its base URLs (the real ones
     * by default), the max age in minutes (120) and how long a lookup may wait for weather in milliseconds (300).
     */
    WeatherSettings weather() {
        WeatherSettings.Provider provider = parse("WAYBILL_WEATHER_PROVIDER", text("WAYBILL_WEATHER_PROVIDER",
                "open-meteo"), WeatherSettings.Provider::parse);
        Optional<String> apiKey = optional("WAYBILL_WEATHER_API_KEY");
        if (provider == WeatherSettings.Provider.OPEN_WEATHER_MAP && apiKey.isEmpty()) {
            throw new IllegalArgumentException(
                    "WAYBILL_WEATHER_API_KEY must be set when WAYBILL_WEATHER_PROVIDER is openweathermap");
        }
        URI url = url("WAYBILL_WEATHER_URL", provider == WeatherSettings.Provider.OPEN_WEATHER_MAP
                ? WeatherSettings.OPEN_WEATHER_MAP_URL : WeatherSettings.OPEN_METEO_URL);
        URI geocodingUrl = url("WAYBILL_WEATHER_GEOCODING_URL", WeatherSettings.OPEN_METEO_GEOCODING_URL);
        Duration maxAge = Duration.ofMinutes(atLeast("WAYBILL_WEATHER_MAX_AGE_MINUTES",
                (int) WeatherSettings.DEFAULT_MAX_AGE.toMinutes(), 1));
        Duration timeout = Duration.ofMillis(atLeast("WAYBILL_WEATHER_TIMEOUT_MS",
                (int) WeatherSettings.DEFAULT_TIMEOUT.toMillis(), 0));
        return new WeatherSettings(provider, apiKey, url, geocodingUrl, maxAge, timeout);
    }

    private URI url(String name, URI fallback) {
        return optional(name).map(text -> parse(name, text, value -> WeatherProviders.checkedUrl(URI.create(value))))
                .orElse(fallback);
    }

    <V, T> T parse(String name, V value, Function<V, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * {@code WAYBILL_API_KEYS}, comma-separated. Without any, one key is made for this run and logged once, so that
     * a newcomer can try every route; production sets its own.
     */
    List<String> apiKeys(RandomGenerator random) {
        List<String> keys = list("WAYBILL_API_KEYS");
        if (!keys.isEmpty()) {
            return keys;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String key = "wb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LOG.warn("WAYBILL_API_KEYS is not set, so this run made an API key: {} (send it as 'Authorization: Bearer"
                + " <key>'). Set WAYBILL_API_KEYS in production.", key);
        return List.of(key);
    }

    /**
     * {@code WAYBILL_METRICS}: {@code on} (the default) or {@code off}, which keeps no meter and times nothing, so that
     * a benchmark can measure what metrics cost; {@code WAYBILL_METRICS_KEY}: the key {@code GET /metrics} asks for
     * (open to anyone when unset).
     */
    MetricsSettings metrics() {
        String switched = text("WAYBILL_METRICS", "on").toLowerCase(Locale.ROOT);
        boolean on = switch (switched) {
            case "on", "true", "1" -> true;
            case "off", "false", "0" -> false;
            default -> throw new IllegalArgumentException("WAYBILL_METRICS must be on or off; got " + switched);
        };
        Optional<String> key = optional("WAYBILL_METRICS_KEY");
        return parse("WAYBILL_METRICS_KEY", key, present -> new MetricsSettings(on, present));
    }

    /**
     * {@code WAYBILL_WEBHOOK_RETRY_DELAYS}: the comma-separated, positive waits between a message's attempts after its
     * immediate first, such as {@code 5s,5m} (the Standard Webhooks schedule by default); {@code WAYBILL_WEBHOOK_ALLOW_PRIVATE}: {@code true} lets subscribers' URLs be on loopback,
     * private or link-local addresses (for tests and closed networks); {@code WAYBILL_WEBHOOK_RETENTION}: how long
     * messages delivered or given up are kept, such as {@code 30d}; {@code WAYBILL_WEBHOOK_WORKERS}: how many attempts
     * this instance makes at once (0: it delivers none, leaving that to the instances that do).
     */
    WebhookSettings webhooks() {
        WebhookSettings webhooks = WebhookSettings.DEFAULTS.withWorkers(
                atLeast("WAYBILL_WEBHOOK_WORKERS", WebhookSettings.DEFAULTS.workers(), 0));
        Optional<String> retention = optional("WAYBILL_WEBHOOK_RETENTION");
        if (retention.isPresent()) {
            webhooks = webhooks.withRetention(parse("WAYBILL_WEBHOOK_RETENTION", retention.get(),
                    io.waybill.domain.webhook.RetrySchedule::duration));
        }
        Optional<String> delays = optional("WAYBILL_WEBHOOK_RETRY_DELAYS");
        if (delays.isPresent()) {
            webhooks = webhooks.withRetries(
                    parse("WAYBILL_WEBHOOK_RETRY_DELAYS", delays.get(), io.waybill.domain.webhook.RetrySchedule::parse));
        }
        String allow = text("WAYBILL_WEBHOOK_ALLOW_PRIVATE", "false").toLowerCase(Locale.ROOT);
        return switch (allow) {
            case "true", "1", "on" -> webhooks.allowingPrivateTargets();
            case "false", "0", "off" -> webhooks;
            default -> throw new IllegalArgumentException("WAYBILL_WEBHOOK_ALLOW_PRIVATE must be true or false; got "
                    + allow);
        };
    }

    /** Redis when {@code WAYBILL_REDIS_URL} or {@code REDIS_URL} is set, the in-process cache otherwise. */
    CacheSettings cache() {
        CacheSettings defaults = CacheSettings.defaults();
        Optional<URI> redisUrl = optional("WAYBILL_REDIS_URL")
                .map(url -> parse("WAYBILL_REDIS_URL", url, CacheSettings::parseRedisUrl))
                .or(() -> optional("REDIS_URL").map(url -> parse("REDIS_URL", url, CacheSettings::parseRedisUrl)));
        return new CacheSettings(
                redisUrl,
                Duration.ofSeconds(atLeast("WAYBILL_CACHE_TTL_SECONDS", (int) defaults.ttl().toSeconds(), 1)),
                Duration.ofSeconds(atLeast(
                        "WAYBILL_CACHE_NEGATIVE_TTL_SECONDS", (int) defaults.negativeTtl().toSeconds(), 1)),
                Duration.ofMillis(atLeast("WAYBILL_REDIS_TIMEOUT_MS", (int) defaults.redisTimeout().toMillis(), 1)),
                defaults.retryAfter(),
                text("WAYBILL_REDIS_KEY_PREFIX", defaults.keyPrefix()),
                atLeast("WAYBILL_CACHE_MAX_ENTRIES", (int) defaults.maxEntries(), 0));
    }

    /**
     * {@code WAYBILL_RATE_LIMIT_PER_SECOND} and {@code _BURST} per client address, {@code WAYBILL_STAFF_RATE_LIMIT_*}
     * per API key (0 a second turns a limit off), and {@code WAYBILL_TRUSTED_PROXIES}, comma-separated addresses and
     * networks whose {@code X-Forwarded-For} is believed.
     */
    RateLimitSettings rateLimits() {
        List<String> proxies = Arrays.stream(text("WAYBILL_TRUSTED_PROXIES", "").split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
        RateLimitSettings limits = new RateLimitSettings(
                atLeast("WAYBILL_RATE_LIMIT_PER_SECOND", RateLimitSettings.DEFAULT_PER_SECOND, 0),
                atLeast("WAYBILL_RATE_LIMIT_BURST", RateLimitSettings.DEFAULT_BURST, 1),
                atLeast("WAYBILL_STAFF_RATE_LIMIT_PER_SECOND", RateLimitSettings.DEFAULT_STAFF_PER_SECOND, 0),
                atLeast("WAYBILL_STAFF_RATE_LIMIT_BURST", RateLimitSettings.DEFAULT_STAFF_BURST, 1),
                List.of());
        return parse("WAYBILL_TRUSTED_PROXIES", proxies, list -> new RateLimitSettings(limits.perSecond(),
                limits.burst(), limits.staffPerSecond(), limits.staffBurst(), list));
    }

    /** The built-in status mapping, extended by {@code WAYBILL_STATUS_MAPPING}: {@code wording=status,...}. */
    StatusMapping statusMapping() {
        return StatusMapping.builtIn().with(parse("WAYBILL_STATUS_MAPPING", text("WAYBILL_STATUS_MAPPING", ""),
                StatusMappingPairs::parse));
    }

    /**
     * {@code WAYBILL_DATABASE_URL} (JDBC), else {@code DATABASE_URL} ({@code postgres://...}), else SQLite in the data
     * directory, which has no schemas; with PostgreSQL, a read replica when one is named ({@link #replica}).
     */
    DatabaseSettings database() {
        DatabaseSettings primary = primaryDatabase();
        List<String> named = REPLICA_URLS.stream().filter(name -> optional(name).isPresent()).toList();
        if (named.isEmpty()) {
            return primary;
        }
        String variable = named.get(0);
        if (!primary.isPostgres()) {
            throw new IllegalArgumentException(variable + " names a read replica of PostgreSQL, but the database is the"
                    + " embedded SQLite one: set WAYBILL_DATABASE_URL or DATABASE_URL to the replica's primary");
        }
        Duration maxLag = Duration.ofMillis(atLeast("WAYBILL_DATABASE_REPLICA_MAX_LAG_MS",
                (int) DEFAULT_REPLICA_MAX_LAG.toMillis(), DatabaseSettings.Replica.MIN_MAX_LAG_MS));
        return parse(variable, optional(variable).orElseThrow(),
                url -> primary.withReplica(PostgresUrl.toReplica(url, primary, maxLag)));
    }

    private DatabaseSettings primaryDatabase() {
        int poolSize = atLeast("WAYBILL_DATABASE_POOL_SIZE", DEFAULT_POOL_SIZE, DatabaseSettings.MIN_POOL_SIZE);
        Duration commitTimeout = Duration.ofMillis(
                atLeast("WAYBILL_COMMIT_TIMEOUT_MS", (int) DEFAULT_COMMIT_TIMEOUT.toMillis(), 1));
        Optional<String> schema = optional("WAYBILL_DATABASE_SCHEMA")
                .map(name -> parse("WAYBILL_DATABASE_SCHEMA", name, DatabaseSettings::checkSchemaName));
        Optional<String> jdbcUrl = optional("WAYBILL_DATABASE_URL");
        if (jdbcUrl.isPresent()) {
            return parse("WAYBILL_DATABASE_URL", jdbcUrl.get(), url -> new DatabaseSettings(url,
                    text("WAYBILL_DATABASE_USER", ""), text("WAYBILL_DATABASE_PASSWORD", ""), schema, poolSize,
                    commitTimeout));
        }
        Optional<String> herokuUrl = optional("DATABASE_URL");
        if (herokuUrl.isPresent()) {
            return parse("DATABASE_URL", herokuUrl.get(), url -> PostgresUrl.toDatabaseSettings(url, schema, poolSize,
                    commitTimeout));
        }
        Path dataDirectory = dataDirectory();
        if (schema.isPresent()) {
            throw new IllegalArgumentException("WAYBILL_DATABASE_SCHEMA names a PostgreSQL schema, but no PostgreSQL is"
                    + " configured (WAYBILL_DATABASE_URL or DATABASE_URL); the embedded SQLite database has no schemas");
        }
        return WaybillConfig.sqliteFile(dataDirectory, poolSize, commitTimeout);
    }

    /**
     * {@code WAYBILL_SHUTDOWN_GRACE_MS}: how long a service stopped by SIGTERM keeps serving after {@code /ready}
     * turns 503 ({@link WaybillConfig#DEFAULT_SHUTDOWN_GRACE}); 0 stops at once.
     */
    Duration shutdownGrace() {
        return Duration.ofMillis(atLeast("WAYBILL_SHUTDOWN_GRACE_MS",
                (int) WaybillConfig.DEFAULT_SHUTDOWN_GRACE.toMillis(), 0));
    }

    /** {@code WAYBILL_DATA_DIR}: where the embedded default keeps its files ({@code ./data}). */
    Path dataDirectory() {
        return parse("WAYBILL_DATA_DIR", text("WAYBILL_DATA_DIR", "data"), Path::of);
    }
}
