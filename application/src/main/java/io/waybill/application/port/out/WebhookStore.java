package io.waybill.application.port.out;

import io.waybill.domain.webhook.WebhookEvent;
import io.waybill.domain.webhook.WebhookSecret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The webhook subscriptions, the outbox of their messages and every attempt to deliver one, shared by every instance.
 * Messages are written by the shipments' store itself, in the transaction of the change that causes them; here they
 * are claimed, delivered and replayed. Implementations are thread-safe; failures of the store pass as
 * {@link StorageUnavailableException}s.
 */
public interface WebhookStore {

    /**
     * @param owner whose subscription it is: a digest of the API key that made it, never the key
     * @param disabledReason why deliveries stopped; empty while the subscription is active
     */
    record Subscription(String id, String owner, URI url, Set<WebhookEvent> events, WebhookSecret secret,
            Instant createdAt, Optional<String> disabledReason) {

        public Subscription {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(url, "url");
            events = Set.copyOf(events);
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(disabledReason, "disabledReason");
        }

        public boolean active() {
            return disabledReason.isEmpty();
        }
    }

    /**
     * A message of the outbox. Its id is the {@code webhook-id} of every attempt.
     *
     * @param data the staff view of the shipment when the change was made, as JSON
     * @param attempts the failed attempts of its current run (a replay starts a new run)
     */
    record Message(String id, String subscriptionId, WebhookEvent event, String data, Instant createdAt,
            int attempts) {}

    /** A message claimed for delivery until {@link #leaseEnd}, with its subscription. */
    record Claim(Message message, Subscription subscription, String lease, Instant leaseEnd) {}

    /**
     * @param status the receiver's HTTP status; empty when there was no answer
     * @param error why the attempt failed; empty when it succeeded
     */
    record Attempt(String messageId, WebhookEvent event, Instant at, OptionalInt status, Duration duration,
            Optional<String> error) {}

    /**
     * A page of attempts, newest first.
     *
     * @param next the cursor of the next (older) page; empty on the last
     */
    record AttemptPage(List<Attempt> attempts, OptionalLong next) {

        public AttemptPage {
            attempts = List.copyOf(attempts);
            Objects.requireNonNull(next, "next");
        }
    }

    /** What became of a replay. */
    enum Replay {
        /** The message is pending again, due now, with a new run of attempts. */
        REPLAYED,
        /** The subscription has no such message. */
        NO_SUCH_MESSAGE,
        /** The subscription is disabled: nothing was changed. */
        DISABLED,
        /** An instance holds the message for an attempt under way: nothing was changed. */
        BEING_DELIVERED
    }

    void add(Subscription subscription);

    /** The subscription {@code id} of {@code owner}; empty when there is none, or it is another's. */
    Optional<Subscription> find(String owner, String id);

    /** {@code owner}'s subscriptions, oldest first. */
    List<Subscription> list(String owner);

    /** Deletes the subscription with its messages and attempts; false when {@code owner} has none of that id. */
    boolean delete(String owner, String id);

    /**
     * Makes {@code owner}'s subscription {@code id} active again: its pending messages go on in order (the one that
     * disabled it stays failed unless replayed); false when {@code owner} has none of that id.
     */
    boolean enable(String owner, String id);

    /**
     * Up to {@code limit} attempts at the subscription's messages, newest first: the latest, or those older than the
     * page whose {@link AttemptPage#next} was {@code before}.
     */
    AttemptPage attempts(String subscriptionId, OptionalLong before, int limit);

    /**
     * Makes message {@code messageId} of the active subscription due again now, with the same id and a new run of
     * attempts, sent once the subscription's earlier pending messages are; changes nothing when the subscription is
     * disabled, or while an instance holds the message for an attempt under way.
     */
    Replay replay(String subscriptionId, String messageId, Instant now);

    /**
     * Claims up to {@code limit} messages due at {@code now} for {@code lease}: of each active subscription at most
     * the oldest undelivered message about each group of its shipments (a few such groups per subscription, each
     * shipment always in the same one), and only when no other instance holds it, so that the messages about one
     * shipment go in order, those about others need not wait for them, and none goes from two instances at once. A
     * claim whose instance died expires after its lease.
     */
    List<Claim> claimDue(Instant now, Duration lease, int limit);

    /**
     * Records a {@link WebhookEvent#STALLED} message for each shipment, up to {@code limit}, that is not in a final
     * status and has had nothing recorded since {@code stalledBefore}, once per version of the shipment (so once until
     * it changes), for every active subscription to the event; nothing when there is none.
     *
     * @return how many shipments were announced as stalled
     */
    int recordStalled(Instant stalledBefore, Instant now, int limit);

    /**
     * Gives a claim back without an attempt counted (not started in time, or stopped by the instance's shutdown): the
     * message is due again at once, for any instance.
     */
    void release(Claim claim);

    /**
     * Deletes, in a batch of at most {@code limit}, messages delivered or given up before {@code before} with their
     * attempts, and the marks of stalled shipments that have changed since; answers how many rows went.
     */
    int prune(Instant before, int limit);

    /** Records a successful attempt, and the message as delivered. */
    void delivered(Claim claim, Attempt attempt);

    /** Records a failed attempt, and when the message is tried again. */
    void retry(Claim claim, Attempt attempt, Instant next);

    /**
     * Records a failed attempt after which no other comes, and, when the claim was still this attempt's, disables the
     * subscription for {@code reason}.
     */
    void giveUp(Claim claim, Attempt attempt, String reason);
}
