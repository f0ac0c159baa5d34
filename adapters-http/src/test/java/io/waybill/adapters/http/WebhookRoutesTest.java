package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.OTHER_KEY;
import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The webhooks' routes: subscriptions with their secret shown once, each key's own, deliveries and replays. */
class WebhookRoutesTest {

    private static final String[] OTHER = {"X-API-Key", OTHER_KEY};
    private static final InMemoryWebhooks WEBHOOKS = new InMemoryWebhooks();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder().manageWebhooks(WEBHOOKS).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static JsonNode subscribe() {
        HttpResponse<byte[]> response = server.post(WebhookHandlers.PATH,
                "{\"url\":\"https://shop.example/hooks\",\"events\":[\"shipment.delivered\",\"shipment.exception\"]}",
                STAFF);
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response.body());
        assertThat(response.headers().firstValue("Location")).hasValue(WebhookHandlers.PATH + "/" + body.get("id")
                .textValue());
        return body;
    }

    @Test
    void aSubscriptionShowsItsSecretOnlyWhenMade() {
        JsonNode made = subscribe();
        assertThat(made.get("secret").textValue()).startsWith("whsec_");
        assertThat(made.get("events")).hasSize(2);
        assertThat(made.get("state").textValue()).isEqualTo("active");

        HttpResponse<byte[]> read = server.get(WebhookHandlers.PATH + "/" + made.get("id").textValue(), STAFF);

        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode body = json(read.body());
        assertThat(body.has("secret")).isFalse();
        assertThat(body.get("url").textValue()).isEqualTo("https://shop.example/hooks");
        assertThat(json(server.get(WebhookHandlers.PATH, STAFF).body()).get("webhooks").findValuesAsText("id"))
                .contains(made.get("id").textValue());
    }

    @Test
    void anotherKeySeesNothingOfIt() {
        String path = WebhookHandlers.PATH + "/" + subscribe().get("id").textValue();

        assertThat(server.get(path, OTHER).statusCode()).isEqualTo(404);
        assertThat(server.get(path + "/deliveries", OTHER).statusCode()).isEqualTo(404);
        assertThat(server.send("DELETE", path, OTHER).statusCode()).isEqualTo(404);
        assertThat(server.post(path + "/deliveries/msg_1/replay", "", OTHER).statusCode()).isEqualTo(404);
        assertThat(json(server.get(WebhookHandlers.PATH, OTHER).body()).get("webhooks").findValuesAsText("id"))
                .doesNotContain(path.substring(path.lastIndexOf('/') + 1));
        assertThat(server.get(path, STAFF).statusCode()).isEqualTo(200);
        assertThat(server.get(path).statusCode()).as("no key").isEqualTo(401);

        assertThat(server.send("DELETE", path, STAFF).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> gone = server.get(path, STAFF);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void deliveriesListEveryAttemptAndAMessageCanBeReplayed() {
        String path = WebhookHandlers.PATH + "/" + subscribe().get("id").textValue();

        JsonNode deliveries = json(server.get(path + "/deliveries", STAFF).body()).get("deliveries");

        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(0).get("status").intValue()).isEqualTo(200);
        assertThat(deliveries.get(0).get("duration_ms").doubleValue()).isEqualTo(15.0);
        assertThat(deliveries.get(0).get("error").isNull()).isTrue();
        assertThat(deliveries.get(1).get("status").isNull()).isTrue();
        assertThat(deliveries.get(1).get("error").textValue()).isEqualTo("ConnectException");
        assertThat(deliveries.get(1).get("message_id").textValue()).isEqualTo("msg_1");

        HttpResponse<byte[]> replay = server.post(path + "/deliveries/msg_1/replay", "", STAFF);
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(WEBHOOKS.replayed).contains("msg_1");
        assertThat(server.post(path + "/deliveries/msg_2/replay", "", STAFF).statusCode()).isEqualTo(404);
    }

    @Test
    void deliveriesComeAPageAtATimeAsTheShipmentList() {
        String path = WebhookHandlers.PATH + "/" + subscribe().get("id").textValue() + "/deliveries";

        JsonNode first = json(server.get(path + "?limit=1", STAFF).body());
        assertThat(first.get("deliveries")).hasSize(1);
        assertThat(first.get("next_cursor").textValue()).isEqualTo("2");
        JsonNode second = json(server.get(path + "?limit=1&cursor=2", STAFF).body());
        assertThat(second.get("deliveries").get(0).get("error").textValue()).isEqualTo("ConnectException");
        assertThat(second.get("next_cursor").isNull()).isTrue();

        HttpResponse<byte[]> bad = server.get(path + "?limit=101&cursor=soon", STAFF);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("limit", "cursor");
    }

    @Test
    void aDisabledSubscriptionIsEnabledExplicitlyNotByAReplay() {
        HttpResponse<byte[]> made = server.post(WebhookHandlers.PATH,
                "{\"url\":\"https://disabled.example/\",\"events\":[\"shipment.delivered\"]}", STAFF);
        String path = WebhookHandlers.PATH + "/" + json(made.body()).get("id").textValue();
        assertThat(json(made.body()).get("state").textValue()).isEqualTo("disabled");

        HttpResponse<byte[]> refused = server.post(path + "/deliveries/msg_1/replay", "", STAFF);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused.body()).get("detail").textValue()).contains("disabled");
        assertThat(server.post(path + "/enable", "", OTHER).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> enabled = server.post(path + "/enable", "", STAFF);
        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(json(enabled.body()).get("state").textValue()).isEqualTo("active");
        assertThat(json(enabled.body()).has("secret")).isFalse();
        assertThat(server.post(path + "/deliveries/msg_1/replay", "", STAFF).statusCode()).isEqualTo(202);
    }

    @Test
    void aBadSubscriptionIsAProblemNamingEachField() {
        HttpResponse<byte[]> response = server.post(WebhookHandlers.PATH,
                "{\"url\":5,\"events\":[\"shipment.lost\",\"shipment.delivered\"],\"secret\":\"x\"}", STAFF);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).contains("\"url\"", "events[0]", "shipment.status_changed", "\"secret\"");

        HttpResponse<byte[]> empty = server.post(WebhookHandlers.PATH, "{\"url\":\"https://a.example/\",\"events\":[]}",
                STAFF);
        assertThat(empty.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> refused = server.post(WebhookHandlers.PATH,
                "{\"url\":\"https://refused.example/\",\"events\":[\"shipment.delivered\"]}", STAFF);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused.body()).get("errors").get(0).toString()).contains("\"url\"", "private address");
    }
}
