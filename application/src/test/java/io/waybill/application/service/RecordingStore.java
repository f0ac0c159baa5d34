package io.waybill.application.service;

import io.waybill.application.port.out.WebhookStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    public List<Attempt> attempts(String subscriptionId, int limit) {
        return List.copyOf(attempts);
    }

    @Override
    public boolean replay(String subscriptionId, String messageId, Instant now) {
        outcomes.add("replay " + messageId);
        return messageId.startsWith("msg_");
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
