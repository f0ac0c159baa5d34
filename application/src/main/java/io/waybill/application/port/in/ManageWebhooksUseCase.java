package io.waybill.application.port.in;

import io.waybill.application.port.out.WebhookStore.Attempt;
import io.waybill.application.port.out.WebhookStore.Subscription;
import io.waybill.domain.webhook.WebhookEvent;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Webhook subscriptions, each its owner's alone: another owner's is answered as if it did not exist
 * ({@link WebhookNotFoundException}). Owners are digests of API keys, never keys.
 */
public interface ManageWebhooksUseCase {

    int MAX_DELIVERIES = 1000;

    /**
     * Subscribes {@code url} to {@code events}, with a new secret.
     *
     * @throws InvalidCommandException when the URL is not an absolute http(s) URL, or is one Waybill will not reach
     *     (a private address), or no event is named
     */
    Subscription subscribe(Subscribe command);

    /** @throws WebhookNotFoundException when {@code owner} has no subscription {@code id} */
    Subscription find(String owner, String id);

    List<Subscription> list(String owner);

    /** @throws WebhookNotFoundException when {@code owner} has no subscription {@code id} */
    void delete(String owner, String id);

    /**
     * Every attempt at the subscription's messages, newest first, up to {@link #MAX_DELIVERIES}.
     *
     * @throws WebhookNotFoundException when {@code owner} has no subscription {@code id}
     */
    List<Attempt> deliveries(String owner, String id);

    /**
     * Sends a message again, with the same id, after the subscription's earlier messages.
     *
     * @throws WebhookNotFoundException when {@code owner} has no subscription {@code id}, or it no such message
     */
    void replay(String owner, String id, String messageId);

    record Subscribe(String owner, String url, Set<WebhookEvent> events) {

        public Subscribe {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(url, "url");
            events = Set.copyOf(events);
        }
    }

    /** No such subscription, or message, for this owner. */
    final class WebhookNotFoundException extends RuntimeException {

        public WebhookNotFoundException(String message) {
            super(message);
        }
    }
}
