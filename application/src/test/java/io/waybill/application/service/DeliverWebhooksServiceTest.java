package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.WebhookSender;
import io.waybill.application.port.out.WebhookSender.Answer;
import io.waybill.application.port.out.WebhookStore;
import io.waybill.domain.webhook.RetrySchedule;
import io.waybill.domain.webhook.WebhookEvent;
import io.waybill.domain.webhook.WebhookSecret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliverWebhooksServiceTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final WebhookSecret SECRET = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final WebhookStore.Subscription SUBSCRIPTION = new WebhookStore.Subscription("whk_1", "owner",
            URI.create("https://example.com/hook"), Set.of(WebhookEvent.DELIVERED), SECRET, NOW, Optional.empty());

    /** One message, claimed once per call, and what became of it. */
    private static class OneMessage extends RecordingStore {
        final WebhookStore.Message message;

        OneMessage(int attempts) {
            message = new WebhookStore.Message("msg_7", "whk_1", WebhookEvent.DELIVERED, "{\"status\":\"delivered\"}",
                    Instant.parse("2024-05-01T09:59:00Z"), attempts);
        }

        @Override
        public List<WebhookStore.Claim> claimDue(Instant now, Duration lease, int limit) {
            return List.of(new WebhookStore.Claim(message, SUBSCRIPTION, "lease", now.plus(lease)));
        }
    }

    private final List<Map<String, String>> sent = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();

    private WebhookSender answering(OptionalInt status) {
        return new WebhookSender() {
            @Override
            public Optional<String> refusal(URI url) {
                return Optional.empty();
            }

            @Override
            public Answer post(URI url, Map<String, String> headers, byte[] body) {
                sent.add(headers);
                bodies.add(body);
                return new Answer(status, status.isPresent() && status.getAsInt() < 300 ? Optional.empty()
                        : Optional.of("HTTP " + status));
            }
        };
    }

    private static DeliverWebhooksService service(OneMessage store, WebhookSender sender) {
        return new DeliverWebhooksService(store, sender, RetrySchedule.parse("5s,1m"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void postsTheSignedBodyWithTheStandardHeaders() {
        OneMessage store = new OneMessage(0);

        assertThat(service(store, answering(OptionalInt.of(204))).deliverDue()).isEqualTo(1);

        assertThat(store.outcomes).containsExactly("delivered");
        Map<String, String> headers = sent.get(0);
        assertThat(headers).containsEntry("webhook-id", "msg_7")
                .containsEntry("webhook-timestamp", Long.toString(NOW.getEpochSecond()));
        assertThat(new String(bodies.get(0), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"shipment.delivered\","
                + "\"timestamp\":\"2024-05-01T09:59:00Z\",\"data\":{\"status\":\"delivered\"}}");
        assertThat(headers.get("webhook-signature"))
                .isEqualTo(WebhookSignature.sign(SECRET, "msg_7", NOW.getEpochSecond(), bodies.get(0)));
        assertThat(store.attempts.get(0).status()).hasValue(204);
    }

    @Test
    void aFailureIsTriedAgainAfterTheNextDelay() {
        OneMessage store = new OneMessage(1);

        service(store, answering(OptionalInt.of(500))).deliverDue();

        assertThat(store.outcomes).containsExactly("retry at " + NOW.plusSeconds(60));
        assertThat(store.attempts.get(0).error()).contains("HTTP OptionalInt[500]");
    }

    @Test
    void theLastFailureDisablesTheSubscriptionWithTheReason() {
        OneMessage store = new OneMessage(2);

        service(store, answering(OptionalInt.empty())).deliverDue();

        assertThat(store.outcomes).singleElement().asString()
                .startsWith("give up: Message msg_7 failed 3 attempts; the last: HTTP OptionalInt.empty");
    }

    @Test
    void aClaimThatWouldRunOutDuringTheAttemptIsLeftAlone() {
        OneMessage store = new OneMessage(0) {
            @Override
            public List<WebhookStore.Claim> claimDue(Instant now, Duration lease, int limit) {
                return List.of(new WebhookStore.Claim(message, SUBSCRIPTION, "lease", now.plusSeconds(19)));
            }
        };

        assertThat(service(store, answering(OptionalInt.of(204))).deliverDue()).isOne();

        assertThat(sent).isEmpty();
        assertThat(store.outcomes).as("given back at once, not held until its lease ends").containsExactly("released");
    }

    @Test
    void anAttemptInterruptedByShutdownIsGivenBackUncounted() {
        OneMessage store = new OneMessage(2);
        WebhookSender stopping = new WebhookSender() {
            @Override
            public Optional<String> refusal(URI url) {
                return Optional.empty();
            }

            @Override
            public Answer post(URI url, Map<String, String> headers, byte[] body) {
                Thread.currentThread().interrupt();
                return new Answer(OptionalInt.empty(), Optional.of("interrupted: the instance is stopping"));
            }
        };

        try {
            service(store, stopping).deliverDue();

            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(store.outcomes).as("the last attempt's stop neither counts nor disables").containsExactly("released");
    }

    @Test
    void goneDisablesTheSubscriptionAtOnce() {
        OneMessage store = new OneMessage(0);

        service(store, answering(OptionalInt.of(410))).deliverDue();

        assertThat(store.outcomes).singleElement().asString().contains("410 Gone");
    }
}
