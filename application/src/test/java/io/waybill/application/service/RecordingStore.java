package io.waybill.application.service;

import io.waybill.application.port.out.WebhookStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A {@link WebhookStore} that only records what deliveries made of their claims; subclasses answer the claims. */
abstract class RecordingStore implements WebhookStore {

    final List<String> outcomes = new ArrayList<>();
    final List<Attempt> attempts = new ArrayList<>();
    final List<Subscription> added = new ArrayList<>();

    @Override
    public void add(Subscription subscription) {
        added.add(subscription);
    }

    @Override
    public Optional<Subscription> find(String owner, String id) {
        return added.stream().filter(s -> s.owner().equals(owner) && s.id().equals(id)).findFirst();
    }

    @Override
    public List<Subscription> list(String owner) {
        return added.stream().filter(s -> s.owner().equals(owner)).toList();
    }

    @Override
    public boolean delete(String owner, String id) {
        return added.removeIf(s -> s.owner().equals(owner) && s.id().equals(id));
    }

    @Override
    public boolean enable(String owner, String id) {
        Optional<Subscription> found = find(owner, id);
        found.ifPresent(subscription -> {
            added.set(added.indexOf(subscription), new Subscription(subscription.id(), subscription.owner(),
                    subscription.url(), subscription.events(), subscription.secret(), subscription.createdAt(),
                    Optional.empty()));
            outcomes.add("enable " + id);
        });
        return found.isPresent();
    }

    @Override
    public AttemptPage attempts(String subscriptionId, OptionalLong before, int limit) {
        outcomes.add("attempts " + before + " " + limit);
        return new AttemptPage(attempts, OptionalLong.empty());
    }

    /** {@code msg_busy} is being delivered; any other {@code msg_} is replayed, unless the subscription is disabled. */
    @Override
    public Replay replay(String subscriptionId, String messageId, Instant now) {
        if (!messageId.startsWith("msg_")) {
            return Replay.NO_SUCH_MESSAGE;
        }
        if (added.stream().anyMatch(s -> s.id().equals(subscriptionId) && !s.active())) {
            return Replay.DISABLED;
        }
        if (messageId.equals("msg_busy")) {
            return Replay.BEING_DELIVERED;
        }
        outcomes.add("replay " + messageId);
        return Replay.REPLAYED;
    }

    @Override
    public void release(Claim claim) {
        outcomes.add("released");
    }

    @Override
    public int prune(Instant before, int limit) {
        outcomes.add("prune before " + before);
        return 0;
    }

    @Override
    public List<Claim> claimDue(Instant now, Duration lease, int limit) {
        return List.of();
    }

    @Override
    public int recordStalled(Instant stalledBefore, Instant now, int limit) {
        outcomes.add("stalled before " + stalledBefore);
        return 0;
    }

    @Override
    public void delivered(Claim claim, Attempt attempt) {
        attempts.add(attempt);
        outcomes.add("delivered");
    }

    @Override
    public void retry(Claim claim, Attempt attempt, Instant next) {
        attempts.add(attempt);
        outcomes.add("retry at " + next);
    }

    @Override
    public void giveUp(Claim claim, Attempt attempt, String reason) {
        attempts.add(attempt);
        outcomes.add("give up: " + reason);
    }
}
