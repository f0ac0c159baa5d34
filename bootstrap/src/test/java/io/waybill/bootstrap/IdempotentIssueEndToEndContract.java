package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.adapters.persistence.DatabaseSettings;
import io.waybill.application.contract.MovableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on {@code GET /next-tracking-number} end to end: the real service through
 * {@link Waybill#start} with a clock the test moves, driven over HTTP, its rows read from the database. Each backend
 * runs it in a subclass.
 */
abstract class IdempotentIssueEndToEndContract {

    static final String QUERY = "/next-tracking-number?origin_country_id=MY&destination_country_id=ID&weight=1.234"
            + "&created_at=2018-11-20T19:29:32%2B08:00&customer_id=de619854-b59b-425e-9db4-943979e1bd49"
            + "&customer_name=RedBox%20Logistics&customer_slug=redbox-logistics";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // One client for every test: on JDK 17 an HttpClient cannot be closed, only dropped.
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private final String key = UUID.randomUUID().toString();
    private WaybillConfig config;
    private Waybill waybill;

    /** This backend's configuration, of a database of its own that outlives a restart of the service. */
    protected abstract WaybillConfig backend() throws Exception;

    /** Removes the backend's database; runs after the service stopped. */
    protected abstract void cleanUp() throws Exception;

    @BeforeEach
    void startTheService() throws Exception {
        config = backend().withHttp(new HttpSettings("127.0.0.1", 0, List.of("e2e-staff-key-0123456789abcdef")))
                .withClock(clock);
        waybill = Waybill.start(config);
    }

    @AfterEach
    void stopTheService() throws Exception {
        try {
            if (waybill != null) {
                waybill.close();
            }
        } finally {
            cleanUp();
        }
    }

    @Test
    void theSameKeyTwiceGetsTheSameNumberAndStoresOneShipment() throws Exception {
        HttpResponse<String> first = get(QUERY, key);
        HttpResponse<String> again = get(QUERY, key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(shipmentCount()).isOne();
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", key)).isOne();
    }

    @Test
    void theSameKeyWithOtherParametersIs422AndStoresNothing() throws Exception {
        get(QUERY, key);

        HttpResponse<String> other = get(QUERY.replace("weight=1.234", "weight=1.235"), key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(shipmentCount()).isOne();
    }

    @Test
    void aKeyOlderThan24HoursGetsANewNumber() throws Exception {
        String first = number(get(QUERY, key));
        clock.advance(Duration.ofHours(24));
        assertThat(number(get(QUERY, key))).as("24 hours on, still the same").isEqualTo(first);
        clock.advance(Duration.ofMillis(1));

        HttpResponse<String> later = get(QUERY, key);

        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(number(later)).isNotEqualTo(first);
        assertThat(shipmentCount()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", key)).isOne();
    }

    @Test
    void requestsWithoutAKeyEachGetANewNumber() throws Exception {
        assertThat(number(get(QUERY, null))).isNotEqualTo(number(get(QUERY, null)));
        assertThat(shipmentCount()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE ? IS NOT NULL", "any")).isZero();
    }

    @Test
    void concurrentRequestsWithOneKeyAllGetTheOneNumberStored() throws Exception {
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            requests.add(() -> get(QUERY, key));
        }
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        List<String> numbers = new ArrayList<>();
        try {
            for (Future<HttpResponse<String>> response : pool.invokeAll(requests)) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                numbers.add(number(response.get()));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(numbers).containsOnly(numbers.get(0));
        assertThat(shipmentCount()).isOne();
    }

    @Test
    void theKeyOutlivesARestart() throws Exception {
        String first = number(get(QUERY, key));
        waybill.close();
        waybill = null;
        waybill = Waybill.start(config);

        HttpResponse<String> again = get(QUERY, key);

        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(number(again)).isEqualTo(first);
        assertThat(shipmentCount()).isOne();
    }

    private HttpResponse<String> get(String pathAndQuery, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + waybill.httpPort().orElseThrow() + pathAndQuery))
                .timeout(Duration.ofSeconds(20));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String number(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            JsonNode body = MAPPER.readTree(response.body());
            return body.get("tracking_number").asText();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private int shipmentCount() throws SQLException {
        return count("SELECT count(*) FROM shipments WHERE ? IS NOT NULL", "any");
    }

    private int count(String sql, String parameter) throws SQLException {
        DatabaseSettings database = config.database();
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            if (database.schema().isPresent()) {
                connection.setSchema(database.schema().get());
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, parameter);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        }
    }
}
