package io.waybill.application.service;

import io.waybill.application.port.in.InvalidCommandException;
import io.waybill.application.port.in.ManageWebhooksUseCase;
import io.waybill.application.port.out.WebhookSender;
import io.waybill.application.port.out.WebhookStore;
import io.waybill.application.port.out.WebhookStore.AttemptPage;
import io.waybill.application.port.out.WebhookStore.Subscription;
import io.waybill.domain.webhook.WebhookSecret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/** Subscriptions through {@link WebhookStore}, their URLs checked by {@link WebhookSender#refusal}. Thread-safe. */
public final class ManageWebhooksService implements ManageWebhooksUseCase {

    private final WebhookStore store;
    private final WebhookSender sender;
    private final RandomGenerator random;
    private final Clock clock;

    public ManageWebhooksService(WebhookStore store, WebhookSender sender, RandomGenerator random, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Subscription subscribe(Subscribe command) {
        URI url = url(command.url());
        if (command.events().isEmpty()) {
            throw new InvalidCommandException("events", "must name at least one event");
        }
        sender.refusal(url).ifPresent(reason -> {
            throw new InvalidCommandException("url", "Webhooks are not sent to " + url + ": " + reason);
        });
        if (store.list(command.owner()).size() >= MAX_SUBSCRIPTIONS) {
            throw new WebhookConflictException("This API key has " + MAX_SUBSCRIPTIONS + " webhook subscriptions"
                    + " already, the most it may have; delete one first");
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        Subscription subscription = new Subscription("whk_" + HexFormat.of().formatHex(id), command.owner(), url,
                command.events(), WebhookSecret.generate(random), clock.instant(), Optional.empty());
        store.add(subscription);
        return subscription;
    }

    private static URI url(String text) {
        if (text.length() > MAX_URL_LENGTH) {
            throw new InvalidCommandException("url", "must be at most " + MAX_URL_LENGTH + " characters long");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidCommandException("url", "is not a URL: " + e.getMessage());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new InvalidCommandException("url", "must be an absolute http or https URL with a host");
        }
        if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new InvalidCommandException("url", "must have neither credentials nor a fragment");
        }
        return url;
    }

    @Override
    public Subscription find(String owner, String id) {
        return store.find(owner, id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Subscription> list(String owner) {
        return store.list(owner);
    }

    @Override
    public void delete(String owner, String id) {
        if (!store.delete(owner, id)) {
            throw notFound(id);
        }
    }

    @Override
    public Subscription enable(String owner, String id) {
        if (!store.enable(owner, id)) {
            throw notFound(id);
        }
        return find(owner, id);
    }

    @Override
    public AttemptPage deliveries(String owner, String id, OptionalLong before, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " deliveries; got " + limit);
        }
        return store.attempts(find(owner, id).id(), before, limit);
    }

    @Override
    public void replay(String owner, String id, String messageId) {
        Subscription subscription = find(owner, id);
        switch (store.replay(subscription.id(), messageId, clock.instant())) {
            case REPLAYED -> { }
            case NO_SUCH_MESSAGE -> throw new WebhookNotFoundException("The webhook " + id + " has no message "
                    + messageId);
            case DISABLED -> throw new WebhookConflictException("The webhook " + id + " is disabled ("
                    + store.find(owner, id).flatMap(Subscription::disabledReason).orElse("no reason kept")
                    + "); a replay does not enable it: enable the subscription first, then replay");
            case BEING_DELIVERED -> throw new WebhookConflictException("Message " + messageId
                    + " is being delivered right now; replay it once that attempt has ended");
        }
    }

    private static WebhookNotFoundException notFound(String id) {
        return new WebhookNotFoundException("No webhook subscription " + id);
    }
}
