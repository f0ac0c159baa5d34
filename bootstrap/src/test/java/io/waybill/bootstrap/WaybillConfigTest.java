package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.adapters.cache.CacheSettings;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.adapters.http.MetricsSettings;
import io.waybill.adapters.http.RateLimitSettings;
import io.waybill.adapters.persistence.DatabaseSettings;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.StatusMapping;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.adapters.persistence.archive.ReportArchives;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaybillConfigTest {

    @Test
    void defaultsToHttpOn8080AndSqliteUnderData() {
        WaybillConfig config = WaybillConfig.fromEnvironment(Map.of());

        HttpSettings http = config.http().orElseThrow();
        assertThat(http.host()).isEqualTo("0.0.0.0");
        assertThat(http.port()).isEqualTo(8080);
        assertThat(http.apiKeys()).singleElement().asString().startsWith("wb_").hasSizeGreaterThan(30);
        assertThat(config.cache()).isEqualTo(CacheSettings.defaults());
        assertThat(config.statusMapping().canonical("inbound-scan")).contains(ShipmentStatus.RECEIVED);
        assertThat(config.database().jdbcUrl()).startsWith("jdbc:sqlite:/").endsWith("/data/waybill.db");
        assertThat(config.trackingKey()).isEmpty();
    }

    @Test
    void metricsAreOnAndOpenByDefaultOffWhenAskedAndBehindTheKeyWhenOneIsSet() {
        assertThat(WaybillConfig.fromEnvironment(Map.of()).metrics()).isEqualTo(MetricsSettings.ON);
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_METRICS", "off")).metrics().on()).isFalse();
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_METRICS", "ON")).metrics().on()).isTrue();
        MetricsSettings keyed = WaybillConfig.fromEnvironment(Map.of("WAYBILL_METRICS_KEY", "scrape-key-0123456789"))
                .metrics();
        assertThat(keyed.key()).contains("scrape-key-0123456789");
        assertThat(keyed.toString()).doesNotContain("scrape-key");
        assertThat(WaybillConfig.embedded().metrics().on()).as("an embedding application serves no /metrics").isFalse();
        assertThat(WaybillConfig.fromEnvironmentWithoutHttp(Map.of()).metrics().on()).isFalse();
    }

    @Test
    void webhooksRetryOnTheStandardScheduleToPublicTargetsUnlessTold() {
        WebhookSettings defaults = WaybillConfig.fromEnvironment(Map.of()).webhooks();
        assertThat(defaults.retries()).isEqualTo(io.waybill.domain.webhook.RetrySchedule.STANDARD);
        assertThat(defaults.allowPrivate()).isFalse();

        WebhookSettings set = WaybillConfig.fromEnvironment(Map.of("WAYBILL_WEBHOOK_RETRY_DELAYS", "1s,2s,5s",
                "WAYBILL_WEBHOOK_ALLOW_PRIVATE", "true")).webhooks();
        assertThat(set.retries().delays()).containsExactly(java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5));
        assertThat(set.allowPrivate()).isTrue();
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_WEBHOOK_RETRY_DELAYS", "1s,soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WAYBILL_WEBHOOK_RETRY_DELAYS").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_WEBHOOK_RETRY_DELAYS", "0s,5s")))
                .as("the first attempt is immediate, unlisted: a zero delay is a mistake")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WAYBILL_WEBHOOK_RETRY_DELAYS").hasMessageContaining("'0s'");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_WEBHOOK_ALLOW_PRIVATE", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WAYBILL_WEBHOOK_ALLOW_PRIVATE");
    }

    @Test
    void webhooksAreDeliveredByThirtyTwoWorkersAnInstanceOrNoneIfTold() {
        assertThat(WaybillConfig.fromEnvironment(Map.of()).webhooks().workers()).isEqualTo(32);
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_WEBHOOK_WORKERS", "4")).webhooks().workers())
                .isEqualTo(4);
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_WEBHOOK_WORKERS", "0")).webhooks().workers())
                .as("an instance that writes messages and leaves their delivery to others").isZero();
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_WEBHOOK_WORKERS", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WAYBILL_WEBHOOK_WORKERS");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_WEBHOOK_WORKERS", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WAYBILL_WEBHOOK_WORKERS");
    }

    @Test
    void webhookMessagesAreKeptThirtyDaysUnlessTold() {
        assertThat(WaybillConfig.fromEnvironment(Map.of()).webhooks().retention())
                .isEqualTo(java.time.Duration.ofDays(30));
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_WEBHOOK_RETENTION", "36h")).webhooks().retention())
                .isEqualTo(java.time.Duration.ofHours(36));
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_WEBHOOK_RETENTION", "0d")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WAYBILL_WEBHOOK_RETENTION").hasMessageContaining("'0d'");
    }

    @Test
    void refusesAMalformedMetricsSettingNamingItButNotTheKey() {
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_METRICS", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WAYBILL_METRICS");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_METRICS_KEY", "short-key")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WAYBILL_METRICS_KEY")
                .hasMessageNotContaining("short-key");
    }

    @Test
    void weatherComesFromOpenMeteoByDefaultAtMostEveryTwoHoursAndALookupWaits300Ms() {
        WeatherSettings weather = WaybillConfig.fromEnvironment(Map.of()).weather();

        assertThat(weather.provider()).isEqualTo(WeatherSettings.Provider.OPEN_METEO);
        assertThat(weather.url()).isEqualTo(URI.create("https://api.open-meteo.com"));
        assertThat(weather.geocodingUrl()).isEqualTo(URI.create("https://geocoding-api.open-meteo.com"));
        assertThat(weather.maxAge()).isEqualTo(Duration.ofHours(2));
        assertThat(weather.timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(WaybillConfig.embedded().weather().provider()).isEqualTo(WeatherSettings.Provider.NONE);
    }

    @Test
    void readsEveryWeatherSetting() {
        WeatherSettings weather = WaybillConfig.fromEnvironment(Map.of(
                "WAYBILL_WEATHER_PROVIDER", "openweathermap",
                "WAYBILL_WEATHER_API_KEY", "k3y",
                "WAYBILL_WEATHER_MAX_AGE_MINUTES", "30",
                "WAYBILL_WEATHER_TIMEOUT_MS", "0")).weather();
        WeatherSettings proxied = WaybillConfig.fromEnvironment(Map.of(
                "WAYBILL_WEATHER_URL", "http://127.0.0.1:8081/forecast",
                "WAYBILL_WEATHER_GEOCODING_URL", "http://127.0.0.1:8081/geocoding")).weather();

        assertThat(weather.provider()).isEqualTo(WeatherSettings.Provider.OPEN_WEATHER_MAP);
        assertThat(weather.apiKey()).contains("k3y");
        assertThat(weather.url()).isEqualTo(URI.create("https://api.openweathermap.org"));
        assertThat(weather.maxAge()).isEqualTo(Duration.ofMinutes(30));
        assertThat(weather.timeout()).isZero();
        assertThat(proxied.url()).isEqualTo(URI.create("http://127.0.0.1:8081/forecast"));
        assertThat(proxied.geocodingUrl()).isEqualTo(URI.create("http://127.0.0.1:8081/geocoding"));
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_WEATHER_PROVIDER", "None")).weather().provider())
                .isEqualTo(WeatherSettings.Provider.NONE);
    }

    @Test
    void aMalformedWeatherSettingStopsTheStartNamingIt() {
        Map<Map<String, String>, String> malformed = Map.of(
                Map.of("WAYBILL_WEATHER_PROVIDER", "accuweather"), "WAYBILL_WEATHER_PROVIDER is malformed",
                Map.of("WAYBILL_WEATHER_PROVIDER", "openweathermap"), "WAYBILL_WEATHER_API_KEY must be set",
                Map.of("WAYBILL_WEATHER_URL", "ftp://example.com"), "WAYBILL_WEATHER_URL is malformed",
                Map.of("WAYBILL_WEATHER_GEOCODING_URL", "not a url"), "WAYBILL_WEATHER_GEOCODING_URL is malformed",
                Map.of("WAYBILL_WEATHER_URL", "https://example.com/?q=1"), "WAYBILL_WEATHER_URL is malformed",
                Map.of("WAYBILL_WEATHER_MAX_AGE_MINUTES", "0"), "WAYBILL_WEATHER_MAX_AGE_MINUTES must be at least 1",
                Map.of("WAYBILL_WEATHER_MAX_AGE_MINUTES", "two"), "WAYBILL_WEATHER_MAX_AGE_MINUTES is malformed",
                Map.of("WAYBILL_WEATHER_TIMEOUT_MS", "-1"), "WAYBILL_WEATHER_TIMEOUT_MS must be at least 0");
        malformed.forEach((environment, message) ->
                assertThatThrownBy(() -> WaybillConfig.fromEnvironment(environment))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(message));
    }

    @Test
    void aStoppedServiceKeepsServingFiveSecondsUnlessConfiguredAndZeroIsAllowed() {
        assertThat(WaybillConfig.fromEnvironment(Map.of()).shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(WaybillConfig.embedded().shutdownGrace()).isEqualTo(WaybillConfig.DEFAULT_SHUTDOWN_GRACE);
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_SHUTDOWN_GRACE_MS", "1500")).shutdownGrace())
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_SHUTDOWN_GRACE_MS", "0")).shutdownGrace()).isZero();
        assertThat(WaybillConfig.embedded().withShutdownGrace(Duration.ofMillis(200)).withClock(Clock.systemDefaultZone())
                .shutdownGrace()).as("kept by the other withers").isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aMalformedShutdownGraceStopsTheStartNamingIt() {
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_SHUTDOWN_GRACE_MS", "5s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("WAYBILL_SHUTDOWN_GRACE_MS is malformed");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_SHUTDOWN_GRACE_MS", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WAYBILL_SHUTDOWN_GRACE_MS must be at least 0; got -1");
        assertThatThrownBy(() -> WaybillConfig.embedded().withShutdownGrace(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShipmentUnderWayIsStalledAfterThreeDaysWithoutAnEventUnlessConfigured() {
        assertThat(WaybillConfig.fromEnvironment(Map.of()).reports().stalledDays()).isEqualTo(3);
        assertThat(WaybillConfig.fromEnvironmentWithoutHttp(Map.of("WAYBILL_REPORT_STALLED_DAYS", "7")).reports()
                .stalledDays()).isEqualTo(7);
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_REPORT_STALLED_DAYS", "0")))
                .hasMessage("WAYBILL_REPORT_STALLED_DAYS must be at least 1; got 0");
    }

    @Test
    void reportsAreMadeAtZeroEightAndSixteenUtcIntoTheDataDirectoryUnlessConfigured() {
        ReportSettings defaults = WaybillConfig.fromEnvironment(Map.of("WAYBILL_DATA_DIR", "/var/lib/waybill")).reports();

        assertThat(defaults.schedule()).isEqualTo("0 0,8,16 * * *");
        assertThat(defaults.scheduled()).isTrue();
        assertThat(defaults.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(defaults.store()).contains(new ReportArchives.Store.Directory(Path.of("/var/lib/waybill/reports")));
        assertThat(defaults.s3Endpoint()).isEmpty();

        ReportSettings configured = WaybillConfig.fromEnvironmentWithoutHttp(Map.of(
                "WAYBILL_REPORT_SCHEDULE", "*/15 6-18 * * MON-FRI", "WAYBILL_REPORT_ZONE", "Europe/Berlin",
                "WAYBILL_REPORT_STORE", "s3://waybill-reports/eu/daily",
                "WAYBILL_REPORT_S3_ENDPOINT", "http://127.0.0.1:9000")).reports();
        assertThat(configured.calendar().next(Instant.parse("2026-12-06T12:00:00Z"))).as("Sunday, then Monday 06:00 CET")
                .contains(Instant.parse("2026-12-07T05:00:00Z"));
        assertThat(configured.store()).contains(new ReportArchives.Store.S3("waybill-reports", "eu/daily"));
        assertThat(configured.s3Endpoint()).contains(URI.create("http://127.0.0.1:9000"));

        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_DATABASE_URL", "jdbc:sqlite:/srv/waybill/main.db"))
                .reports().store()).as("beside a SQLite file of one's own")
                .contains(new ReportArchives.Store.Directory(Path.of("/srv/waybill/reports")));

        ReportSettings off = WaybillConfig.fromEnvironment(Map.of("WAYBILL_REPORT_SCHEDULE", "None")).reports();
        assertThat(off.scheduled()).isFalse();
        assertThat(off.calendar().latest(Instant.parse("2026-12-06T21:13:05Z")))
                .as("the default's times still bound a report made on demand")
                .contains(Instant.parse("2026-12-06T16:00:00Z"));
    }

    @Test
    void onPostgresReportsHaveNoStoreUnlessOneIsSetAndServeRequiresOne() {
        Map<String, String> postgres = Map.of("WAYBILL_DATABASE_URL", "jdbc:postgresql://db:5432/waybill");

        WaybillConfig unset = WaybillConfig.fromEnvironment(postgres);

        assertThat(unset.reports().store()).isEmpty();
        assertThatThrownBy(unset::requireReportStore).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WAYBILL_REPORT_STORE must be set with PostgreSQL");
        Map<String, String> withStore = new HashMap<>(postgres);
        withStore.put("WAYBILL_REPORT_STORE", "/srv/shared/reports");
        assertThat(WaybillConfig.fromEnvironment(withStore).requireReportStore().reports().store())
                .contains(new ReportArchives.Store.Directory(Path.of("/srv/shared/reports")));
        assertThat(WaybillConfig.fromEnvironment(Map.of()).requireReportStore().reports().store()).isPresent();
    }

    @Test
    void aMalformedReportSettingIsNamed() {
        Map<Map<String, String>, String> malformed = Map.of(
                Map.of("WAYBILL_REPORT_SCHEDULE", "0 0 8 * *  * *"), "WAYBILL_REPORT_SCHEDULE is malformed",
                Map.of("WAYBILL_REPORT_SCHEDULE", "0 25 * * *"), "WAYBILL_REPORT_SCHEDULE is malformed",
                Map.of("WAYBILL_REPORT_ZONE", "Mars/Olympus"), "WAYBILL_REPORT_ZONE is malformed",
                Map.of("WAYBILL_REPORT_STORE", "s3://Not_A_Bucket"), "WAYBILL_REPORT_STORE is malformed",
                Map.of("WAYBILL_REPORT_S3_ENDPOINT", "ftp://example.com"), "WAYBILL_REPORT_S3_ENDPOINT is malformed",
                Map.of("WAYBILL_REPORT_S3_ENDPOINT", "http://127.0.0.1:9000"),
                "WAYBILL_REPORT_S3_ENDPOINT is malformed: an S3 endpoint (http://127.0.0.1:9000) is for a report store"
                        + " in S3");
        malformed.forEach((environment, message) ->
                assertThatThrownBy(() -> WaybillConfig.fromEnvironment(environment)).as(environment.toString())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(message));
    }

    @Test
    void readsAJdbcUrlWithCredentialsSchemaAndPool() {
        DatabaseSettings database = WaybillConfig.fromEnvironment(Map.of(
                        "WAYBILL_DATABASE_URL", "jdbc:postgresql://db:5432/waybill",
                        "WAYBILL_DATABASE_USER", "app",
                        "WAYBILL_DATABASE_PASSWORD", "secret",
                        "WAYBILL_DATABASE_SCHEMA", "tracking",
                        "WAYBILL_DATABASE_POOL_SIZE", "20"))
                .database();

        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/waybill");
        assertThat(database.user()).isEqualTo("app");
        assertThat(database.password()).isEqualTo("secret");
        assertThat(database.schema()).contains("tracking");
        assertThat(database.poolSize()).isEqualTo(20);
    }

    @Test
    void readsAHerokuStyleDatabaseUrl() {
        DatabaseSettings database = WaybillConfig.fromEnvironment(
                        Map.of("DATABASE_URL", "postgres://app:p%40ss:w+rd@db.example:6543/waybill?sslmode=require"))
                .database();

        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/waybill?sslmode=require");
        assertThat(database.user()).isEqualTo("app");
        assertThat(database.password()).isEqualTo("p@ss:w+rd");
    }

    @Test
    void neverRepeatsTheDatabasePassword() {
        for (String url : List.of("postgres://app:s3cret@db/waybill extra", "mysql://app:s3cret@db/waybill",
                "postgres://app:s3cret@/")) {
            assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("DATABASE_URL", url)))
                    .hasMessageStartingWith("DATABASE_URL is malformed")
                    .hasMessageNotContaining("s3cret");
        }
        assertThat(WaybillConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://app:s3cret@db/waybill"))
                        .database().toString())
                .doesNotContain("s3cret");
    }

    @Test
    void theJdbcUrlWinsOverDatabaseUrl() {
        DatabaseSettings database = WaybillConfig.fromEnvironment(Map.of(
                        "WAYBILL_DATABASE_URL", "jdbc:postgresql://first/db",
                        "DATABASE_URL", "postgres://u:p@second/db"))
                .database();

        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://first/db");
    }

    @Test
    void readsAReplicaAsSeed001NamedItWithThePrimarysCredentialsUnlessItsOwnAreGiven() {
        DatabaseSettings seed = WaybillConfig.fromEnvironment(Map.of(
                        "DATABASE_URL", "postgres://app:s3cret@primary:5432/waybill",
                        "SLAVE_DATABASE_URL", "postgres://replica:5433/waybill"))
                .database();
        DatabaseSettings.Replica jdbc = WaybillConfig.fromEnvironment(Map.of(
                        "WAYBILL_DATABASE_URL", "jdbc:postgresql://primary/waybill",
                        "WAYBILL_DATABASE_USER", "app",
                        "WAYBILL_DATABASE_REPLICA_URL", "jdbc:postgresql://replica/waybill",
                        "WAYBILL_DATABASE_REPLICA_MAX_LAG_MS", "250"))
                .database().replica().orElseThrow();
        DatabaseSettings.Replica own = WaybillConfig.fromEnvironment(Map.of(
                        "DATABASE_URL", "postgres://app:s3cret@primary/waybill",
                        "DATABASE_REPLICA_URL", "postgres://reader:r%40d@replica/waybill",
                        "SLAVE_DATABASE_URL", "postgres://ignored/waybill"))
                .database().replica().orElseThrow();

        assertThat(seed.replica()).hasValue(new DatabaseSettings.Replica("jdbc:postgresql://replica:5433/waybill", "app",
                "s3cret", Duration.ofSeconds(5)));
        assertThat(jdbc).isEqualTo(new DatabaseSettings.Replica("jdbc:postgresql://replica/waybill", "app", "",
                Duration.ofMillis(250)));
        assertThat(own).isEqualTo(new DatabaseSettings.Replica("jdbc:postgresql://replica/waybill", "reader", "r@d",
                Duration.ofSeconds(5)));
        assertThat(seed.toString()).doesNotContain("s3cret");
    }

    @Test
    void refusesAReplicaWithoutAPostgresPrimaryOrWithAMalformedUrlOrLag() {
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("SLAVE_DATABASE_URL", "postgres://r/waybill")))
                .hasMessage("SLAVE_DATABASE_URL names a read replica of PostgreSQL, but the database is the embedded"
                        + " SQLite one: set WAYBILL_DATABASE_URL or DATABASE_URL to the replica's primary");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://p/waybill",
                        "DATABASE_REPLICA_URL", "mysql://app:s3cret@r/waybill")))
                .hasMessageStartingWith("DATABASE_REPLICA_URL is malformed")
                .message().doesNotContain("s3cret");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://p/waybill",
                        "WAYBILL_DATABASE_REPLICA_URL", "jdbc:sqlite:/tmp/replica.db")))
                .hasMessageStartingWith("WAYBILL_DATABASE_REPLICA_URL is malformed: a replica is a PostgreSQL database");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://p/waybill",
                        "SLAVE_DATABASE_URL", "postgres://r/waybill", "WAYBILL_DATABASE_REPLICA_MAX_LAG_MS", "99")))
                .hasMessage("WAYBILL_DATABASE_REPLICA_MAX_LAG_MS must be at least 100; got 99");
    }

    @Test
    void readsPortHostAndKey() {
        WaybillConfig config = WaybillConfig.fromEnvironment(Map.of(
                "WAYBILL_HTTP_PORT", "9090",
                "WAYBILL_HTTP_HOST", "127.0.0.1",
                "WAYBILL_TRACKING_KEY", "000102030405060708090a0b0c0d0e0f"));

        assertThat(config.http().map(HttpSettings::host)).contains("127.0.0.1");
        assertThat(config.http().map(HttpSettings::port)).contains(9090);
        assertThat(config.trackingKey()).contains(new PermutationKey(0x0001020304050607L, 0x08090a0b0c0d0e0fL));
    }

    @Test
    void boundsAStrictImportsBodyAt512MibUnlessConfigured() {
        assertThat(WaybillConfig.fromEnvironment(Map.of()).http().orElseThrow().maxStrictImportBytes())
                .isEqualTo(512L * 1024 * 1024);
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_HTTP_STRICT_IMPORT_MAX_MB", "4096")).http()
                .orElseThrow().maxStrictImportBytes()).isEqualTo(4096L * 1024 * 1024);
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_HTTP_STRICT_IMPORT_MAX_MB", "0")))
                .hasMessageStartingWith("WAYBILL_HTTP_STRICT_IMPORT_MAX_MB must be at least 1");
    }

    @Test
    void boundsHowSlowlyABodyMayArrive() {
        HttpSettings.BodyLimits defaults = WaybillConfig.fromEnvironment(Map.of()).http().orElseThrow().bodyLimits();
        HttpSettings.BodyLimits configured = WaybillConfig.fromEnvironment(Map.of("WAYBILL_HTTP_BODY_TIMEOUT_MS", "2500",
                "WAYBILL_HTTP_IMPORT_MIN_BYTES_PER_SECOND", "0")).http().orElseThrow().bodyLimits();

        assertThat(defaults).isEqualTo(new HttpSettings.BodyLimits(Duration.ofSeconds(15), 4096));
        assertThat(configured).isEqualTo(new HttpSettings.BodyLimits(Duration.ofMillis(2500), 0));
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_HTTP_BODY_TIMEOUT_MS", "0")))
                .hasMessageStartingWith("WAYBILL_HTTP_BODY_TIMEOUT_MS must be at least 1");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_HTTP_IMPORT_MIN_BYTES_PER_SECOND", "-1")))
                .hasMessageStartingWith("WAYBILL_HTTP_IMPORT_MIN_BYTES_PER_SECOND must be at least 0");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_HTTP_BODY_TIMEOUT_MS", "soon")))
                .hasMessageStartingWith("WAYBILL_HTTP_BODY_TIMEOUT_MS is malformed");
    }

    @Test
    void allowsNoOriginUnlessConfiguredAndRefusesAMalformedOne() {
        assertThat(WaybillConfig.fromEnvironment(Map.of()).http().orElseThrow().corsOrigins()).isEmpty();
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_CORS_ORIGINS",
                        " https://shop.example.com, ,http://localhost:3000")).http().orElseThrow().corsOrigins())
                .containsExactly("https://shop.example.com", "http://localhost:3000");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_CORS_ORIGINS", "https://a.example/,*")))
                .hasMessageStartingWith("WAYBILL_CORS_ORIGINS is malformed")
                .hasMessageContaining("https://a.example/");
    }

    @Test
    void makesAnApiKeyPerRunUnlessKeysAreConfigured() {
        assertThat(WaybillConfig.fromEnvironment(Map.of()).http().orElseThrow().apiKeys())
                .isNotEqualTo(WaybillConfig.fromEnvironment(Map.of()).http().orElseThrow().apiKeys());
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_API_KEYS", " first-key-0123456789 ,,second-key-0123456789"))
                        .http().orElseThrow().apiKeys())
                .containsExactly("first-key-0123456789", "second-key-0123456789");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_API_KEYS", "short,secret-key-0123456789")))
                .hasMessageStartingWith("WAYBILL_API_KEYS is malformed")
                .hasMessageNotContaining("secret-key");
    }

    @Test
    void usesRedisWhenAUrlIsGivenAndReadsTheCacheSettings() {
        CacheSettings cache = WaybillConfig.fromEnvironment(Map.of(
                        "REDIS_URL", "redis://cache.example:6380",
                        "WAYBILL_CACHE_TTL_SECONDS", "60",
                        "WAYBILL_CACHE_NEGATIVE_TTL_SECONDS", "5",
                        "WAYBILL_REDIS_TIMEOUT_MS", "250",
                        "WAYBILL_REDIS_KEY_PREFIX", "tracking:",
                        "WAYBILL_CACHE_MAX_ENTRIES", "0"))
                .cache();

        assertThat(cache.redisUrl()).contains(URI.create("redis://cache.example:6380"));
        assertThat(cache.ttl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(cache.negativeTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cache.redisTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(cache.keyPrefix()).isEqualTo("tracking:");
        assertThat(cache.maxEntries()).isZero();
        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_REDIS_URL", "redis://first", "REDIS_URL",
                        "redis://second")).cache().redisUrl())
                .contains(URI.create("redis://first"));
    }

    // One rule, the cache's: URI schemes are case-insensitive (RFC 3986), so REDIS:// is accepted here as there.
    @Test
    void takesTheRedisUrlAsTheCacheSettingsDo() {
        assertThat(WaybillConfig.fromEnvironment(Map.of("REDIS_URL", "REDIS://cache.example:6380")).cache().redisUrl())
                .contains(URI.create("REDIS://cache.example:6380"))
                .isEqualTo(CacheSettings.defaults().withRedisUrl(URI.create("REDIS://cache.example:6380")).redisUrl());
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_REDIS_URL", "redis://u:hunter2@cache/x")))
                .hasMessageStartingWith("WAYBILL_REDIS_URL is malformed: redisUrl may end in a database number")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("REDIS_URL", "redis://u:hunter2@cache name")))
                .hasMessageStartingWith("REDIS_URL is malformed: redisUrl is not a URL")
                .hasMessageNotContaining("hunter2");
    }

    // One bound, the database settings': the variable is held to it, with the variable's name in the message.
    @Test
    void holdsThePoolSizeToTheDatabaseSettingsMinimum() {
        int least = DatabaseSettings.MIN_POOL_SIZE;

        assertThat(WaybillConfig.fromEnvironment(Map.of("WAYBILL_DATABASE_POOL_SIZE", Integer.toString(least)))
                .database().poolSize()).isEqualTo(least);
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(
                        Map.of("WAYBILL_DATABASE_POOL_SIZE", Integer.toString(least - 1))))
                .hasMessage("WAYBILL_DATABASE_POOL_SIZE must be at least " + least + "; got " + (least - 1));
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:sqlite:/tmp/x.db", "", "", Optional.empty(),
                        least - 1, Duration.ofSeconds(1)))
                .hasMessageContaining("at least " + least);
    }

    @Test
    void extendsTheStatusMapping() {
        StatusMapping mapping = WaybillConfig.fromEnvironment(
                        Map.of("WAYBILL_STATUS_MAPPING", "zugestellt=delivered, handed over = received"))
                .statusMapping();

        assertThat(mapping.canonical("Zugestellt")).contains(ShipmentStatus.DELIVERED);
        assertThat(mapping.canonical("handed-over")).contains(ShipmentStatus.RECEIVED);
        assertThat(mapping.canonical("in_transit")).contains(ShipmentStatus.IN_TRANSIT);
    }

    @Test
    void malformedValuesNameTheirSetting() {
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_HTTP_PORT", "http")))
                .hasMessageStartingWith("WAYBILL_HTTP_PORT is malformed");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_HTTP_PORT", "70000")))
                .hasMessageStartingWith("WAYBILL_HTTP_PORT must be a port number");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_TRACKING_KEY", "short")))
                .hasMessageStartingWith("WAYBILL_TRACKING_KEY is malformed").hasMessageContaining("32 hexadecimal");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("DATABASE_URL", "mysql://u:p@h/db")))
                .hasMessageStartingWith("DATABASE_URL is malformed");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_DATABASE_URL", "jdbc:mysql://h/db")))
                .hasMessageStartingWith("WAYBILL_DATABASE_URL is malformed");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_DATABASE_SCHEMA", "Bad-Name")))
                .hasMessageStartingWith("WAYBILL_DATABASE_SCHEMA is malformed");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_DATABASE_POOL_SIZE", "1")))
                .hasMessageStartingWith("WAYBILL_DATABASE_POOL_SIZE must be at least 2");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_COMMIT_TIMEOUT_MS", "0")))
                .hasMessageStartingWith("WAYBILL_COMMIT_TIMEOUT_MS must be at least 1");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_DATA_DIR", "bad\0dir")))
                .hasMessageStartingWith("WAYBILL_DATA_DIR is malformed");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("REDIS_URL", "http://u:hunter2@cache")))
                .hasMessageStartingWith("REDIS_URL is malformed").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_CACHE_TTL_SECONDS", "0")))
                .hasMessageStartingWith("WAYBILL_CACHE_TTL_SECONDS must be at least 1");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_STATUS_MAPPING", "zugestellt=done")))
                .hasMessageStartingWith("WAYBILL_STATUS_MAPPING is malformed").hasMessageContaining("in_transit");
    }

    @Test
    void rateLimitsAreOnByDefaultAndReadFromTheirVariables() {
        assertThat(WaybillConfig.fromEnvironment(Map.of()).rateLimits()).isEqualTo(RateLimitSettings.defaults())
                .isEqualTo(new RateLimitSettings(50, 100, 1000, 2000, List.of()));
        RateLimitSettings limits = WaybillConfig.fromEnvironment(Map.of(
                        "WAYBILL_RATE_LIMIT_PER_SECOND", "0",
                        "WAYBILL_RATE_LIMIT_BURST", "7",
                        "WAYBILL_STAFF_RATE_LIMIT_PER_SECOND", "300",
                        "WAYBILL_STAFF_RATE_LIMIT_BURST", "600",
                        "WAYBILL_TRUSTED_PROXIES", " 10.0.0.0/8, ,fd00::/8,192.0.2.1 "))
                .rateLimits();
        assertThat(limits).isEqualTo(new RateLimitSettings(0, 7, 300, 600, List.of("10.0.0.0/8", "fd00::/8",
                "192.0.2.1")));
        assertThat(WaybillConfig.embedded().rateLimits()).isEqualTo(RateLimitSettings.OFF);
        assertThat(WaybillConfig.fromEnvironmentWithoutHttp(Map.of()).rateLimits()).isEqualTo(RateLimitSettings.OFF);
    }

    @Test
    void malformedRateLimitsNameTheirSetting() {
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_RATE_LIMIT_PER_SECOND", "-1")))
                .hasMessageStartingWith("WAYBILL_RATE_LIMIT_PER_SECOND must be at least 0");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_RATE_LIMIT_PER_SECOND", "fifty")))
                .hasMessageStartingWith("WAYBILL_RATE_LIMIT_PER_SECOND is malformed");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_RATE_LIMIT_BURST", "0")))
                .hasMessageStartingWith("WAYBILL_RATE_LIMIT_BURST must be at least 1");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_STAFF_RATE_LIMIT_PER_SECOND", "1e3")))
                .hasMessageStartingWith("WAYBILL_STAFF_RATE_LIMIT_PER_SECOND is malformed");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_STAFF_RATE_LIMIT_BURST", "0")))
                .hasMessageStartingWith("WAYBILL_STAFF_RATE_LIMIT_BURST must be at least 1");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_TRUSTED_PROXIES", "10.0.0.0/8,lb.internal")))
                .hasMessageStartingWith("WAYBILL_TRUSTED_PROXIES is malformed").hasMessageContaining("'lb.internal'");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_TRUSTED_PROXIES", "10.0.0.0/40")))
                .hasMessageStartingWith("WAYBILL_TRUSTED_PROXIES is malformed").hasMessageContaining("prefix length");
    }

    @Test
    void refusesASchemaWithoutPostgresAndAnH2Url() {
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_DATABASE_SCHEMA", "waybill")))
                .hasMessageContaining("WAYBILL_DATABASE_SCHEMA").hasMessageContaining("no PostgreSQL is configured");
        assertThatThrownBy(() -> WaybillConfig.fromEnvironment(Map.of("WAYBILL_DATABASE_URL", "jdbc:h2:file:./data/waybill")))
                .hasMessageContaining("WAYBILL_DATABASE_URL").hasMessageContaining("H2 is no longer supported");
    }

    @Test
    void embeddedHasNoHttpAndATemporaryDatabaseOfItsOwn() {
        WaybillConfig first = WaybillConfig.embedded();

        assertThat(first.http()).isEmpty();
        assertThat(first.database().jdbcUrl()).startsWith("jdbc:sqlite:").contains("waybill-embedded-");
        assertThat(WaybillConfig.embedded().database().jdbcUrl()).isNotEqualTo(first.database().jdbcUrl());
        assertThat(first.withHttp(new HttpSettings("127.0.0.1", 0, List.of("a-test-key-of-enough-length"))).http()).isPresent();
        assertThat(first.withHttp(new HttpSettings("127.0.0.1", 0, List.of("a-test-key-of-enough-length"))).withoutHttp().http()).isEqualTo(Optional.empty());
    }
}
