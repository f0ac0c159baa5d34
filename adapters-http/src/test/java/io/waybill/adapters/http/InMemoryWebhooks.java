package io.waybill.adapters.http;

import io.waybill.application.port.in.InvalidCommandException;
import io.waybill.application.port.in.ManageWebhooksUseCase;
import io.waybill.application.port.out.WebhookStore.Attempt;
import io.waybill.application.port.out.WebhookStore.AttemptPage;
import io.waybill.application.port.out.WebhookStore.Subscription;
import io.waybill.domain.webhook.WebhookSecret;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Subscriptions in a map, each with one failed and one delivered attempt at message {@code msg_1}, a page of one
 * attempt each (the cursor {@code 2}, then none); URLs on host {@code refused.example} are refused as a private address
 * would be. A subscription to {@code https://disabled.example/} is disabled.
 */
final class InMemoryWebhooks implements ManageWebhooksUseCase {

    static final Instant CREATED = Instant.parse("2026-12-06T08:00:00Z");

    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    final List<String> replayed = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Subscription subscribe(Subscribe command) {
        URI url = URI.create(command.url());
        if ("refused.example".equals(url.getHost())) {
            throw new InvalidCommandException("url", "Webhooks are not sent to " + url + ": a private address");
        }
        Subscription subscription = new Subscription("whk_" + ids.incrementAndGet(), command.owner(), url,
                command.events(), WebhookSecret.generate(new SecureRandom()), CREATED,
                "disabled.example".equals(url.getHost()) ? Optional.of("The receiver answered 410 Gone")
                        : Optional.empty());
        subscriptions.put(subscription.id(), subscription);
        return subscription;
    }

    @Override
    public Subscription find(String owner, String id) {
        Subscription subscription = subscriptions.get(id);
        if (subscription == null || !subscription.owner().equals(owner)) {
            throw new WebhookNotFoundException("No webhook subscription " + id);
        }
        return subscription;
    }

    @Override
    public List<Subscription> list(String owner) {
        return subscriptions.values().stream().filter(s -> s.owner().equals(owner)).toList();
    }

    @Override
    public void delete(String owner, String id) {
        subscriptions.remove(find(owner, id).id());
    }

    @Override
    public Subscription enable(String owner, String id) {
        Subscription found = find(owner, id);
        Subscription enabled = new Subscription(found.id(), found.owner(), found.url(), found.events(),
                found.secret(), found.createdAt(), Optional.empty());
        subscriptions.put(id, enabled);
        return enabled;
    }

    @Override
    public AttemptPage deliveries(String owner, String id, OptionalLong before, int limit) {
        Subscription subscription = find(owner, id);
        var event = subscription.events().iterator().next();
        List<Attempt> attempts = List.of(
                new Attempt("msg_1", event, CREATED.plusSeconds(5), OptionalInt.of(200), Duration.ofMillis(15),
                        Optional.empty()),
                new Attempt("msg_1", event, CREATED, OptionalInt.empty(), Duration.ofMillis(3),
                        Optional.of("ConnectException")));
        if (limit >= 2 && before.isEmpty()) {
            return new AttemptPage(attempts, OptionalLong.empty());
        }
        return before.isEmpty() ? new AttemptPage(attempts.subList(0, 1), OptionalLong.of(2))
                : new AttemptPage(attempts.subList(1, 2), OptionalLong.empty());
    }

    @Override
    public void replay(String owner, String id, String messageId) {
        Subscription subscription = find(owner, id);
        if (!messageId.equals("msg_1")) {
            throw new WebhookNotFoundException("The webhook " + id + " has no message " + messageId);
        }
        if (!subscription.active()) {
            throw new WebhookConflictException("The webhook " + id + " is disabled");
        }
        replayed.add(messageId);
    }
}
