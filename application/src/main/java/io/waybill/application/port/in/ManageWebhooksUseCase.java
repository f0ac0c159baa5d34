package io.waybill.application.port.in;

import io.waybill.application.port.out.WebhookStore.AttemptPage;
import io.waybill.application.port.out.WebhookStore.Subscription;
import io.waybill.domain.webhook.WebhookEvent;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Webhook subscriptions, each its owner's alone: another owner's is answered as if it did not exist
 * ({@link WebhookNotFoundException}). Owners are digests of API keys, never keys.
 */
public interface ManageWebhooksUseCase {

    /** How many subscriptions one owner may have: each adds a row to every change that causes its events. */
    int MAX_SUBSCRIPTIONS = 25;
    /** The longest URL a subscription may have. */
    int MAX_URL_LENGTH = 2000;
    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 100;

    /**
     * Subscribes {@code url} to {@code events}, with a new secret.
     *
     * @throws InvalidCommandException when the URL is not an absolute http(s) URL, or is one Waybill will not reach
     *     (a private address), or no event is named
     * @throws WebhookConflictException when the owner has {@link #MAX_SUBSCRIPTIONS} already
     */
    Subscription subscribe(Subscribe command);

    /** @throws WebhookNotFoundException when {@code owner} has no subscription {@code id} */
    Subscription find(String owner, String id);

    List<Subscription> list(String owner);

    /** @throws WebhookNotFoundException when {@code owner} has no subscription {@code id} */
    void delete(String owner, String id);

    /**
     * Makes a disabled subscription active again (an active one stays so): its pending messages go on, in order.
     *
     * @throws WebhookNotFoundException when {@code owner} has no subscription {@code id}
     */
    Subscription enable(String owner, String id);

    /**
     * A page of the attempts at the subscription's messages, newest first: {@code limit} (1 to {@link #MAX_LIMIT})
     * of the latest, or of those older than the page whose next cursor was {@code before}.
     *
     * @throws WebhookNotFoundException when {@code owner} has no subscription {@code id}
     */
    AttemptPage deliveries(String owner, String id, OptionalLong before, int limit);

    /**
     * Sends a message again, once, with the same id, after the subscription's earlier pending messages.
     *
     * @throws WebhookNotFoundException when {@code owner} has no subscription {@code id}, or it no such message
     * @throws WebhookConflictException when the subscription is disabled (it is not enabled by a replay), or the message
     *     is being attempted right now
     */
    void replay(String owner, String id, String messageId);

    record Subscribe(String owner, String url, Set<WebhookEvent> events) {

        public Subscribe {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(url, "url");
            events = Set.copyOf(events);
        }
    }

    /** What the subscription's state forbids now (409). */
    final class WebhookConflictException extends RuntimeException {

        public WebhookConflictException(String message) {
            super(message);
        }
    }

    /** No such subscription, or message, for this owner. */
    final class WebhookNotFoundException extends RuntimeException {

        public WebhookNotFoundException(String message) {
            super(message);
        }
    }
}
