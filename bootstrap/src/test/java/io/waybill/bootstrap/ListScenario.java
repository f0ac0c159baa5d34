package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.bootstrap.TrackingClient.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The shipments of the list step: eleven FedEx shipments from TW in transit, and one each that misses the filters
 * by carrier, status, origin, or by being registered before or after the creation range. The range is taken from
 * the creation times the service answered, so the expected set holds however close together they are.
 */
final class ListScenario {

    private record Listed(String number, Instant createdAt, boolean matchesAllButTime) {}

    private final List<Listed> shipments;
    private final Instant from;
    private final Instant before;

    private ListScenario(List<Listed> shipments, Instant from, Instant before) {
        this.shipments = shipments;
        this.from = from;
        this.before = before;
    }

    /** Registers the shipments with {@code register}, which answers the 201 of each. */
    static ListScenario register(Function<String, Response> register) {
        List<Listed> shipments = new ArrayList<>();
        shipments.add(registered(register, "FX00000001", "FedEx", "TW", "in_transit"));
        shipments.add(registered(register, "FX00000002", "FedEx", "TW", "created"));
        shipments.add(registered(register, "FX00000003", "UPS", "TW", "in_transit"));
        shipments.add(registered(register, "FX00000004", "FedEx", "MY", "in_transit"));
        shipments.add(registered(register, "FX00000005", "FedEx", "TW", "delivered"));
        for (int i = 10; i <= 20; i++) {
            shipments.add(registered(register, "FX000000" + i, "FedEx", "TW", "in_transit"));
        }
        Listed last = registered(register, "FX00000099", "FedEx", "TW", "in_transit");
        shipments.add(last);
        return new ListScenario(shipments, shipments.get(5).createdAt(), last.createdAt());
    }

    String filters() {
        return "/api/v1/shipments?carrier=fedex&status=in_transit&origin_country=TW&created_from=" + from
                + "&created_before=" + before + "&limit=5";
    }

    /** In the order of listing: creation time, newest first, then number, descending (the carrier is one). */
    List<String> expectedNewestFirst() {
        return shipments.stream()
                .filter(shipment -> shipment.matchesAllButTime() && !shipment.createdAt().isBefore(from)
                        && shipment.createdAt().isBefore(before))
                .sorted(Comparator.comparing(Listed::createdAt).thenComparing(Listed::number).reversed())
                .map(Listed::number)
                .toList();
    }

    private static Listed registered(Function<String, Response> register, String number, String carrier,
            String origin, String status) {
        Response response = register.apply(TrackingRequests.shipment(number, carrier, origin, status));
        assertThat(response.json().get("status").asText()).isEqualTo(status);
        return new Listed(number, Instant.parse(response.json().get("created_at").asText()),
                carrier.equals("FedEx") && origin.equals("TW") && status.equals("in_transit"));
    }
}
