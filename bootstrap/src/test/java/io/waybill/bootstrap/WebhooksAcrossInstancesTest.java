package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.HttpSettings;
import io.waybill.bootstrap.TrackingClient.Response;
import io.waybill.domain.webhook.RetrySchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's proof 3, on PostgreSQL (a schema of its own): two instances share the outbox, and a receiver counting
 * gets every message of 500 status changes, none from both instances at once; an instance killed mid-delivery leaves
 * its message to the other, which sends it once the dead one's claim has run out.
 */
class WebhooksAcrossInstancesTest {

    private static final String KEY = "webhook-cluster-key-0123456789abcdef";
    private static final int SHIPMENTS = 250;

    @TempDir
    Path directory;

    private TestDatabase database;
    private WebhookReceiver receiver;
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private Waybill instance() {
        Waybill waybill = Waybill.start(WaybillConfig.fromEnvironmentWithoutHttp(database.environment())
                .withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY)))
                .withWebhooks(WebhookSettings.DEFAULTS.withRetries(RetrySchedule.parse("1s,1s,1s,1s"))
                        .allowingPrivateTargets()));
        running.add(waybill);
        return waybill;
    }

    @Test
    void twoInstancesDeliverEveryMessageOfFiveHundredChangesAndNeverOneTogether() throws Exception {
        database = TestDatabase.postgres();
        receiver = new WebhookReceiver((id, attempt) -> 204);
        TrackingClient first = new TrackingClient(instance().httpPort().orElseThrow(), KEY);
        TrackingClient second = new TrackingClient(instance().httpPort().orElseThrow(), KEY);
        subscribe(first);

        for (int i = 0; i < SHIPMENTS; i++) {
            String number = "TN" + (10_000_000 + i);
            register(i % 2 == 0 ? first : second, number);
            record(first, number, "in_transit", 10);
            record(second, number, "out_for_delivery", 11);
        }

        receiver.awaitAccepted(2 * SHIPMENTS, 180);
        List<WebhookReceiver.Request> accepted = receiver.accepted();
        assertThat(accepted).hasSize(2 * SHIPMENTS);
        assertThat(accepted).allSatisfy(request -> assertThat(request.signed()).isTrue());
        Set<String> ids = new HashSet<>();
        accepted.forEach(request -> assertThat(ids.add(request.id())).as("delivered twice: " + request.id()).isTrue());
        assertThat(receiver.overlaps()).as("a message sent by two instances at once").isZero();
        // Each shipment's two changes in their order: in transit before out for delivery.
        Map<String, List<String>> byShipment = new HashMap<>();
        for (WebhookReceiver.Request request : accepted) {
            var data = TrackingClient.parse(request.body()).get("data");
            byShipment.computeIfAbsent(data.get("tracking_number").asText(), n -> new ArrayList<>())
                    .add(data.get("status").asText());
        }
        assertThat(byShipment).hasSize(SHIPMENTS)
                .allSatisfy((number, statuses) -> assertThat(statuses).containsExactly("in_transit",
                        "out_for_delivery"));
    }

    @Test
    void aMessageWhoseInstanceIsKilledMidDeliveryStillArrives() throws Exception {
        database = TestDatabase.postgres();
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        receiver = new WebhookReceiver((id, attempt) -> {
            if (attempt == 1) {
                arrived.countDown();
                try {
                    released.await(60, TimeUnit.SECONDS); // holds the first attempt open until its sender is dead
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 503;
            }
            return 204;
        });
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("WAYBILL_API_KEYS", KEY);
        environment.put("WAYBILL_WEBHOOK_ALLOW_PRIVATE", "true");
        environment.put("WAYBILL_WEBHOOK_RETRY_DELAYS", "1s,1s");
        ServiceProcess doomed = ServiceProcess.start(environment, Files.createTempFile(directory, "first", ".log"));
        running.add(doomed);
        TrackingClient client = new TrackingClient(doomed.port(), KEY);
        subscribe(client);
        register(client, "TN12345678");
        record(client, "TN12345678", "in_transit", 10);

        assertThat(arrived.await(30, TimeUnit.SECONDS)).as("the first attempt reached the receiver").isTrue();
        doomed.kill();
        released.countDown();
        running.add(ServiceProcess.start(environment, Files.createTempFile(directory, "second", ".log")));

        receiver.awaitAccepted(1, 120);
        List<WebhookReceiver.Request> requests = receiver.requests();
        assertThat(requests).extracting(WebhookReceiver.Request::id).containsOnly(requests.get(0).id());
        assertThat(requests).extracting(WebhookReceiver.Request::status).containsExactly(503, 204);
        assertThat(TrackingClient.parse(receiver.accepted().get(0).body()).get("data").get("status").asText())
                .isEqualTo("in_transit");
    }

    private void subscribe(TrackingClient client) {
        Response subscribed = client.post("/api/v1/webhooks", "{\"url\": \"" + receiver.uri() + "\", \"events\":"
                + " [\"shipment.status_changed\"]}", STAFF);
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        receiver.secret(subscribed.json().get("secret").asText());
    }

    private static void register(TrackingClient client, String number) {
        Response created = client.post("/api/v1/shipments", "{\"tracking_number\": \"" + number + "\", \"carrier\":"
                + " \"DHL\", \"origin_country\": \"TW\", \"destination_country\": \"DE\", \"events\": [{\"event_id\":"
                + " \"e-received\", \"time\": \"2026-12-01T08:00:00Z\", \"status\": \"received\"}]}", STAFF);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static void record(TrackingClient client, String number, String status, int hour) {
        Response recorded = client.post("/api/v1/shipments/" + number + "/events?carrier=DHL", "[{\"event_id\": \"e-"
                + status + "\", \"time\": \"2026-12-01T" + hour + ":00:00Z\", \"status\": \"" + status + "\"}]",
                STAFF);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }
}
