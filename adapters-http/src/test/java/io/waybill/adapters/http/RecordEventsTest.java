package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestJson.invalidParameters;
import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.AmbiguousShipmentException;
import io.waybill.application.port.in.ShipmentNotFoundException;
import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.domain.Carrier;
import io.waybill.domain.Shipment;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/shipments/{tracking_number}/events}, recording into {@link TestShipments#PUBLIC}. */
class RecordEventsTest {

    private static final String PATH = "/api/v1/shipments/TN12345678/events";
    private static final String OUT = "{\"event_id\": \"e4\", \"time\": \"2026-11-22T09:00:00+08:00\","
            + " \"status\": \"out_for_delivery\", \"location\": {\"city\": \"台北市\"}, \"description\": \"派送中\"}";
    private static final String DELIVERED = "{\"event_id\": \"e5\", \"time\": \"2026-11-22T14:00:00+08:00\","
            + " \"carrier_status\": \"Delivered\"}";
    private static final AtomicReference<Shipment> STORED = new AtomicReference<>();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder().recordTrackingEvents(command -> {
            switch (command.number().value()) {
                case "TN00000000" -> throw new ShipmentNotFoundException("No shipment has tracking number TN00000000");
                case "TN40900000" -> throw new ConcurrentUpdateException(TestShipments.PUBLIC.key());
                case "TN55555555" -> {
                    if (command.carrier().isEmpty()) {
                        throw new AmbiguousShipmentException(command.number(),
                                List.of(new Carrier("DHL"), new Carrier("UPS")));
                    }
                }
                default -> { }
            }
            Shipment.Recording recording =
                    STORED.get().record(command.events().stream().map(TestUseCases::event).toList());
            STORED.set(recording.shipment());
            return recording;
        }).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetTheShipment() {
        STORED.set(TestShipments.PUBLIC);
    }

    @Test
    void recordsOneEventWith201AndTheSameAgainWith200AsADuplicate() {
        HttpResponse<byte[]> first = server.post(PATH, OUT, STAFF);
        HttpResponse<byte[]> again = server.post(PATH, OUT, STAFF);

        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode body = json(first.body());
        assertThat(body.get("tracking_number").asText()).isEqualTo("TN12345678");
        assertThat(body.get("carrier").asText()).isEqualTo("DHL");
        assertThat(body.get("status").asText()).isEqualTo("out_for_delivery");
        assertThat(body.get("estimated_delivery").asText()).isEqualTo("2026-11-22");
        assertThat(body.get("events")).hasSize(1);
        JsonNode event = body.get("events").get(0);
        assertThat(event.get("event_id").asText()).isEqualTo("e4");
        assertThat(event.get("time").asText()).isEqualTo("2026-11-22T09:00:00+08:00");
        assertThat(event.get("location").get("city").asText()).isEqualTo("台北市");
        assertThat(event.get("duplicate").asBoolean()).isFalse();
        assertThat(text(first.body())).contains("派送中");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).get("events").get(0).get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void acceptsAnArrayOfEvents() {
        HttpResponse<byte[]> response = server.post(PATH, "[" + OUT + ", " + DELIVERED + "]", STAFF);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response.body());
        assertThat(body.get("status").asText()).isEqualTo("delivered");
        assertThat(body.get("events").findValuesAsText("event_id")).containsExactly("e4", "e5");
        assertThat(body.get("events").get(1).get("carrier_status").asText()).isEqualTo("Delivered");
    }

    @Test
    void acceptsEventsWrappedInAnObjectAndReportsOldOnesAsDuplicates() {
        String oldOne = "{\"event_id\": \"e1\", \"time\": \"2026-11-20T09:00:00+08:00\", \"status\": \"created\"}";

        HttpResponse<byte[]> response = server.post(PATH + "?carrier=dhl", "{\"events\": [" + oldOne + ", " + OUT + "]}",
                STAFF);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response.body()).get("events").findValuesAsText("duplicate")).containsExactly("true", "false");
    }

    @Test
    void refusesAnEventAfterAFinalStatusWith409() {
        String inTransit = "{\"time\": \"2026-11-23T09:00:00+08:00\", \"status\": \"in_transit\"}";

        HttpResponse<byte[]> response = server.post(PATH, "[" + DELIVERED + ", " + inTransit + "]", STAFF);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response.body()).get("detail").asText())
                .contains("cannot move from delivered to in transit (delivered is final)");
    }

    @Test
    void refusesAnUnknownCarrierStatusWith422() {
        HttpResponse<byte[]> response = server.post(PATH,
                "{\"time\": \"2026-11-22T09:00:00Z\", \"carrier_status\": \"teleported\"}", STAFF);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response.body()).get("detail").asText()).startsWith("Unknown carrier status 'teleported'");
    }

    @Test
    void mapsAMissingAmbiguousOrConcurrentlyChangedShipment() {
        HttpResponse<byte[]> missing = server.post("/api/v1/shipments/TN00000000/events", OUT, STAFF);
        HttpResponse<byte[]> ambiguous = server.post("/api/v1/shipments/TN55555555/events", OUT, STAFF);
        HttpResponse<byte[]> conflict = server.post("/api/v1/shipments/TN40900000/events", OUT, STAFF);
        HttpResponse<byte[]> badNumber = server.post("/api/v1/shipments/TN!/events?carrier=-", OUT, STAFF);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(ambiguous.statusCode()).isEqualTo(409);
        assertThat(json(ambiguous.body()).get("carriers").toString()).isEqualTo("[\"DHL\",\"UPS\"]");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict.body()).get("detail").asText()).isEqualTo("The shipment changed concurrently; retry");
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(invalidParameters(json(badNumber.body()))).containsExactly("tracking_number", "carrier");
    }
}
