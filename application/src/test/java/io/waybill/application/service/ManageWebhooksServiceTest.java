package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.in.InvalidCommandException;
import io.waybill.application.port.in.ManageWebhooksUseCase;
import io.waybill.application.port.in.ManageWebhooksUseCase.Subscribe;
import io.waybill.application.port.in.ManageWebhooksUseCase.WebhookConflictException;
import io.waybill.application.port.in.ManageWebhooksUseCase.WebhookNotFoundException;
import io.waybill.application.port.out.WebhookSender;
import io.waybill.application.port.out.WebhookStore.Subscription;
import io.waybill.domain.webhook.WebhookEvent;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManageWebhooksServiceTest {

    private final RecordingStore store = new RecordingStore() {};
    private final ManageWebhooksService service = new ManageWebhooksService(store, new WebhookSender() {
        @Override
        public Optional<String> refusal(URI url) {
            return url.getHost().equals("127.0.0.1") ? Optional.of("a loopback address") : Optional.empty();
        }

        @Override
        public Answer post(URI url, Map<String, String> headers, byte[] body) {
            throw new AssertionError("subscribing sends nothing");
        }
    }, new SecureRandom(), Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void subscribesWithANewSecretForTheOwner() {
        var subscription = service.subscribe(
                new Subscribe("alice", "https://shop.example/hooks", Set.of(WebhookEvent.DELIVERED)));

        assertThat(subscription.id()).startsWith("whk_");
        assertThat(subscription.secret().key()).hasSize(32);
        assertThat(store.added).containsExactly(subscription);
        assertThat(service.find("alice", subscription.id())).isEqualTo(subscription);
        assertThatThrownBy(() -> service.find("bob", subscription.id())).isInstanceOf(WebhookNotFoundException.class);
        assertThatThrownBy(() -> service.delete("bob", subscription.id()))
                .isInstanceOf(WebhookNotFoundException.class);
        service.delete("alice", subscription.id());
        assertThat(service.list("alice")).isEmpty();
    }

    @Test
    void refusesWhatIsNoReceiver() {
        Set<WebhookEvent> events = Set.of(WebhookEvent.DELIVERED);
        assertThatThrownBy(() -> service.subscribe(new Subscribe("a", "ftp://shop.example/", events)))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("http or https")
                .extracting(e -> ((InvalidCommandException) e).field()).isEqualTo(Optional.of("url"));
        assertThatThrownBy(() -> service.subscribe(new Subscribe("a", "https://shop.example/" + "x".repeat(2000),
                events))).isInstanceOf(InvalidCommandException.class).hasMessageContaining("2000")
                .extracting(e -> ((InvalidCommandException) e).field()).isEqualTo(Optional.of("url"));
        assertThatThrownBy(() -> service.subscribe(new Subscribe("a", "/hooks", events)))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> service.subscribe(new Subscribe("a", "https://u:p@shop.example/", events)))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("credentials");
        assertThatThrownBy(() -> service.subscribe(new Subscribe("a", "http://127.0.0.1/", events)))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("loopback")
                .extracting(e -> ((InvalidCommandException) e).field()).isEqualTo(Optional.of("url"));
        assertThatThrownBy(() -> service.subscribe(new Subscribe("a", "https://shop.example/", Set.of())))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("event");
        assertThat(store.added).isEmpty();
    }

    @Test
    void replaysOnlyTheOwnersMessages() {
        var subscription = service.subscribe(
                new Subscribe("alice", "https://shop.example/hooks", Set.of(WebhookEvent.DELIVERED)));

        service.replay("alice", subscription.id(), "msg_3");

        assertThat(store.outcomes).containsExactly("replay msg_3");
        assertThatThrownBy(() -> service.replay("alice", subscription.id(), "other"))
                .isInstanceOf(WebhookNotFoundException.class);
        assertThatThrownBy(() -> service.replay("bob", subscription.id(), "msg_3"))
                .isInstanceOf(WebhookNotFoundException.class);
    }

    @Test
    void aKeyHasAtMostSoManySubscriptions() {
        for (int i = 0; i < ManageWebhooksUseCase.MAX_SUBSCRIPTIONS; i++) {
            service.subscribe(new Subscribe("alice", "https://shop.example/" + i, Set.of(WebhookEvent.DELIVERED)));
        }

        assertThatThrownBy(() -> service.subscribe(
                new Subscribe("alice", "https://shop.example/more", Set.of(WebhookEvent.DELIVERED))))
                .isInstanceOf(WebhookConflictException.class)
                .hasMessageContaining(Integer.toString(ManageWebhooksUseCase.MAX_SUBSCRIPTIONS));
        service.subscribe(new Subscribe("bob", "https://shop.example/bob", Set.of(WebhookEvent.DELIVERED)));
    }

    @Test
    void aReplayNeitherEnablesADisabledSubscriptionNorTakesAMessageUnderWay() {
        Subscription disabled = new Subscription("whk_off", "alice", URI.create("https://shop.example/hooks"),
                Set.of(WebhookEvent.DELIVERED), io.waybill.domain.webhook.WebhookSecret.generate(new SecureRandom()),
                Instant.parse("2024-05-01T09:00:00Z"), Optional.of("The receiver answered 410 Gone"));
        store.add(disabled);

        assertThatThrownBy(() -> service.replay("alice", "whk_off", "msg_3"))
                .isInstanceOf(WebhookConflictException.class)
                .hasMessageContaining("disabled").hasMessageContaining("410 Gone").hasMessageContaining("enable");
        assertThat(store.find("alice", "whk_off").orElseThrow().active()).isFalse();

        assertThat(service.enable("alice", "whk_off").active()).isTrue();
        service.replay("alice", "whk_off", "msg_3");
        assertThat(store.outcomes).containsExactly("enable whk_off", "replay msg_3");

        assertThatThrownBy(() -> service.replay("alice", "whk_off", "msg_busy"))
                .isInstanceOf(WebhookConflictException.class).hasMessageContaining("being delivered");
        assertThatThrownBy(() -> service.enable("bob", "whk_off")).isInstanceOf(WebhookNotFoundException.class);
    }

    @Test
    void pagesTheOwnersDeliveries() {
        var subscription = service.subscribe(
                new Subscribe("alice", "https://shop.example/hooks", Set.of(WebhookEvent.DELIVERED)));

        service.deliveries("alice", subscription.id(), OptionalLong.of(17), 20);

        assertThat(store.outcomes).containsExactly("attempts OptionalLong[17] 20");
        assertThatThrownBy(() -> service.deliveries("bob", subscription.id(), OptionalLong.empty(), 20))
                .isInstanceOf(WebhookNotFoundException.class);
    }
}
