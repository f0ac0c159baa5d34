package io.waybill.domain;

import static io.waybill.domain.Histories.START;
import static io.waybill.domain.Histories.empty;
import static io.waybill.domain.Histories.event;
import static io.waybill.domain.ShipmentStatus.DELIVERED;
import static io.waybill.domain.ShipmentStatus.EXCEPTION;
import static io.waybill.domain.ShipmentStatus.IN_TRANSIT;
import static io.waybill.domain.ShipmentStatus.OUT_FOR_DELIVERY;
import static io.waybill.domain.ShipmentStatus.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.domain.webhook.WebhookEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEventTest {

    private static Shipment after(Shipment before, TrackingEvent... events) {
        return before.record(List.of(events)).shipment();
    }

    @Test
    void aNewStatusIsAStatusChange() {
        Shipment before = after(empty(), event("a", START, RECEIVED));
        Shipment after = after(before, event("b", START.plusHours(1), IN_TRANSIT));

        assertThat(WebhookEvent.between(before, after)).contains(WebhookEvent.STATUS_CHANGED)
                .doesNotContain(WebhookEvent.DELIVERED, WebhookEvent.EXCEPTION);
    }

    @Test
    void deliveryAndExceptionFollowTheStatusChange() {
        Shipment out = after(empty(), event("a", START, OUT_FOR_DELIVERY));

        assertThat(WebhookEvent.between(out, after(out, event("b", START.plusHours(1), DELIVERED))))
                .startsWith(WebhookEvent.STATUS_CHANGED, WebhookEvent.DELIVERED);
        assertThat(WebhookEvent.between(out, after(out, event("c", START.plusHours(1), EXCEPTION))))
                .startsWith(WebhookEvent.STATUS_CHANGED, WebhookEvent.EXCEPTION);
    }

    @Test
    void aScanOfTheSameStatusChangesNothing() {
        Shipment before = after(empty(), event("a", START, IN_TRANSIT));
        Shipment after = after(before, event("b", START.plusHours(1), IN_TRANSIT));

        assertThat(after.estimatedDelivery()).isEqualTo(before.estimatedDelivery());
        assertThat(WebhookEvent.between(before, after)).isEmpty();
    }

    @Test
    void aNewEstimateIsAnEtaChange() {
        Shipment before = empty();
        Shipment after = after(before, event("a", START, IN_TRANSIT));

        assertThat(WebhookEvent.between(before, after).contains(WebhookEvent.ETA_CHANGED))
                .isEqualTo(!after.estimatedDelivery().equals(before.estimatedDelivery()));
    }

    @Test
    void typesNameTheEvents() {
        for (WebhookEvent event : WebhookEvent.values()) {
            assertThat(event.type()).startsWith("shipment.");
            assertThat(WebhookEvent.ofType(event.type())).contains(event);
        }
        assertThat(WebhookEvent.ofType("shipment.lost")).isEmpty();
    }
}
