package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.HttpSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outage of issue 10, defect 12: PostgreSQL commits a keyed number, its answer is lost on the way back, so the
 * client is told 503; the retry with the same key must answer the stored number, and store nothing more.
 */
class LostCommitOutcomeTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestDatabase database;
    private CommitLosingProxy proxy;
    private Waybill waybill;

    @BeforeEach
    void startTheServiceBehindTheProxy() throws IOException {
        database = TestDatabase.postgres();
        URI postgres = URI.create(TestDatabase.POSTGRES_URL.substring("jdbc:".length()));
        proxy = new CommitLosingProxy(postgres.getHost(), postgres.getPort());
        Map<String, String> environment = new HashMap<>(database.environment());
        // Every statement's text on the wire, COMMIT included, so that the proxy can recognise it.
        environment.put("WAYBILL_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:" + proxy.port() + postgres.getPath() + "?prepareThreshold=0");
        waybill = Waybill.start(WaybillConfig.fromEnvironmentWithoutHttp(environment)
                .withHttp(new HttpSettings("127.0.0.1", 0, List.of("e2e-staff-key-0123456789abcdef"))));
    }

    @AfterEach
    void stopAll() throws Exception {
        try (TestDatabase schema = database; CommitLosingProxy closed = proxy) {
            if (waybill != null) {
                waybill.close();
            }
        }
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheNumberStoredThoughTheFirstAttemptGot503() throws Exception {
        String key = UUID.randomUUID().toString();
        // The issued number's commit, not one of the background jobs' (webhook claims, retention, reports).
        proxy.loseNextCommitAnswerAfter("INSERT INTO shipments");

        HttpResponse<String> first = get(key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(503);
        assertThat(proxy.awaitLostCommit(Duration.ofSeconds(10))).as("the database answered the commit").isTrue();
        assertThat(database.storedTrackingNumbers()).as("stored though answered 503").hasSize(1);
        String stored = database.storedTrackingNumbers().iterator().next();

        HttpResponse<String> retry = get(key);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(TrackingClient.parse(retry.body()).get("tracking_number").asText()).isEqualTo(stored);
        assertThat(database.storedTrackingNumbers()).containsExactly(stored);
    }

    private HttpResponse<String> get(String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + waybill.httpPort().orElseThrow()
                        + IdempotentIssueEndToEndContract.QUERY))
                .header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
