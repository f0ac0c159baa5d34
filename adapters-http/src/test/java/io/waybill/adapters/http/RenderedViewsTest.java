package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.domain.Location;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Views are made once per version of a shipment, and never answered for another version, view or route. */
class RenderedViewsTest {

    private final AtomicReference<Shipment> stored = new AtomicReference<>(TestShipments.PUBLIC);
    private final TestServer server = TestServer.start(TestUseCases.builder()
            .findShipment(query -> Optional.of(stored.get()))
            .build());

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aNewVersionIsAnsweredAtOnce() {
        assertThat(status(server.get("/api/v1/shipments/TN12345678").body())).isEqualTo("in_transit");
        assertThat(json(server.get("/query?sno=TN12345678").body()).get("data").get("tracking_status").asText())
                .isEqualTo("In Transit");

        Shipment delivered = TestShipments.PUBLIC.record(List.of(TestShipments.event("e4", "2026-11-22T10:00:00+08:00",
                ShipmentStatus.DELIVERED, (Location) null, null))).shipment().withVersion(1);
        stored.set(delivered);

        assertThat(status(server.get("/api/v1/shipments/TN12345678").body())).isEqualTo("delivered");
        assertThat(status(server.get("/api/v1/shipments/TN12345678", STAFF).body())).isEqualTo("delivered");
        assertThat(json(server.get("/query?sno=TN12345678").body()).get("data").get("tracking_status").asText())
                .isEqualTo("Delivered");
    }

    @Test
    void eachAudienceAndRouteHasItsOwnViewOfOneVersion() {
        for (int round = 0; round < 2; round++) {
            JsonNode anyone = json(server.get("/api/v1/shipments/TN12345678").body());
            JsonNode staff = json(server.get("/api/v1/shipments/TN12345678", STAFF).body());
            JsonNode legacy = json(server.get("/query?sno=TN12345678").body());

            assertThat(anyone.get("articles").get(0).has("price")).as("round " + round).isFalse();
            assertThat(staff.get("articles").get(0).get("price").asText()).as("round " + round).isEqualTo("450.75");
            assertThat(legacy.get("status").asText()).as("round " + round).isEqualTo("success");
            assertThat(legacy.get("data").get("sno").asText()).as("round " + round).isEqualTo("TN12345678");
        }
    }

    private static String status(byte[] body) {
        return json(body).get("status").asText();
    }
}
