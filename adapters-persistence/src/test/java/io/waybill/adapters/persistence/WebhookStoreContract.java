package io.waybill.adapters.persistence;

import static io.waybill.application.contract.StoredShipments.event;
import static io.waybill.application.contract.StoredShipments.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.MovableClock;
import io.waybill.application.contract.StoredShipments;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.WebhookStore;
import io.waybill.application.port.out.WebhookStore.Attempt;
import io.waybill.application.port.out.WebhookStore.AttemptPage;
import io.waybill.application.port.out.WebhookStore.Claim;
import io.waybill.application.port.out.WebhookStore.Replay;
import io.waybill.application.port.out.WebhookStore.Subscription;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.webhook.WebhookEvent;
import io.waybill.domain.webhook.WebhookSecret;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook outbox on a database: messages written in the transaction of their change (none when it rolls back),
 * claimed by one instance at a time and in order per subscription, retried, given up, replayed; subscriptions kept per
 * owner. Subclasses say which database.
 */
abstract class WebhookStoreContract {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MovableClock clock = new MovableClock(T0);

    @RegisterExtension
    final DatabasePerTest database = new DatabasePerTest(this::newDatabase);

    abstract DatabaseSettings newDatabase() throws Exception;

    private Persistence open() {
        return database.open(clock, shipment -> "{\"status\":\"" + shipment.status().code() + "\"}");
    }

    private static Subscription subscription(String id, String owner, Set<WebhookEvent> events) {
        return new Subscription(id, owner, URI.create("https://shop.example/" + id), events,
                WebhookSecret.generate(new SecureRandom()), T0, Optional.empty());
    }

    private static Shipment registered(ShipmentRepository shipments) {
        return registered(shipments, "TN12345678");
    }

    private static Shipment registered(ShipmentRepository shipments, String number) {
        Shipment shipment = StoredShipments.plain(key(number, "DHL"), T0, ShipmentStatus.RECEIVED,
                Optional.empty(), "TW", "DE");
        shipments.register(shipment);
        return shipments.find(shipment.key()).orElseThrow();
    }

    private static Shipment move(ShipmentRepository shipments, Shipment stored, String id, ShipmentStatus status) {
        TrackingEvent next = event(id, stored.events().get(stored.events().size() - 1).time().plusHours(1), status);
        Shipment.Recording recording = stored.record(List.of(next));
        shipments.append(recording.shipment(), stored.version(), recording.added());
        return shipments.find(stored.key()).orElseThrow();
    }

    private static Attempt attempt(Claim claim, Integer status) {
        return new Attempt(claim.message().id(), claim.message().event(), T0,
                status == null ? OptionalInt.empty() : OptionalInt.of(status), Duration.ofMillis(12),
                status != null && status == 204 ? Optional.empty() : Optional.of("failed"));
    }

    @Test
    void aChangeWritesAMessageForEachSubscribedEventInOrder() {
        Persistence persistence = open();
        WebhookStore store = persistence.webhooks();
        store.add(subscription("whk_all", "alice", EnumSet.allOf(WebhookEvent.class)));
        store.add(subscription("whk_delivered", "bob", Set.of(WebhookEvent.DELIVERED)));
        Shipment stored = registered(persistence.shipments());

        stored = move(persistence.shipments(), stored, "ev-out", ShipmentStatus.OUT_FOR_DELIVERY);
        move(persistence.shipments(), stored, "ev-done", ShipmentStatus.DELIVERED);

        List<String> delivered = deliverAll(store, T0.plusSeconds(1));
        assertThat(delivered).containsSubsequence("whk_all shipment.status_changed {\"status\":\"out_for_delivery\"}",
                "whk_all shipment.status_changed {\"status\":\"delivered\"}",
                "whk_all shipment.delivered {\"status\":\"delivered\"}");
        assertThat(delivered).contains("whk_delivered shipment.delivered {\"status\":\"delivered\"}")
                .filteredOn(line -> line.startsWith("whk_delivered")).hasSize(1);
    }

    // Claims and delivers until nothing is due, one message per subscription per claim, as deliveries do.
    private static List<String> deliverAll(WebhookStore store, Instant now) {
        List<String> delivered = new java.util.ArrayList<>();
        for (List<Claim> claims = store.claimDue(now, LEASE, 10); !claims.isEmpty();
                claims = store.claimDue(now, LEASE, 10)) {
            for (Claim claim : claims) {
                delivered.add(claim.subscription().id() + " " + claim.message().event().type() + " "
                        + claim.message().data());
                store.delivered(claim, attempt(claim, 204));
            }
        }
        return delivered;
    }

    @Test
    void aRolledBackChangeWritesNothing() {
        Persistence persistence = open();
        WebhookStore store = persistence.webhooks();
        store.add(subscription("whk_all", "alice", EnumSet.allOf(WebhookEvent.class)));
        Shipment stored = registered(persistence.shipments());
        IllegalStateException failure = new IllegalStateException("undo");

        assertThatThrownBy(() -> persistence.shipments().inOneTransaction(transaction -> {
            move(transaction, stored, "ev-out", ShipmentStatus.IN_TRANSIT);
            throw failure;
        })).isSameAs(failure);

        assertThat(store.claimDue(T0.plusSeconds(1), LEASE, 10)).isEmpty();
        persistence.shipments().inOneTransaction(transaction -> move(transaction, stored, "ev-out",
                ShipmentStatus.IN_TRANSIT));
        assertThat(store.claimDue(T0.plusSeconds(1), LEASE, 10)).hasSize(1);
    }

    @Test
    void aClaimedMessageIsNobodyElsesUntilItsLeaseEndsAndTheNextWaitsForIt() {
        Persistence persistence = open();
        Persistence other = open();
        persistence.webhooks().add(subscription("whk_1", "alice", EnumSet.allOf(WebhookEvent.class)));
        Shipment stored = registered(persistence.shipments());
        stored = move(persistence.shipments(), stored, "ev-1", ShipmentStatus.IN_TRANSIT);
        move(persistence.shipments(), stored, "ev-2", ShipmentStatus.OUT_FOR_DELIVERY);
        Instant now = T0.plusSeconds(1);

        List<Claim> first = persistence.webhooks().claimDue(now, LEASE, 10);
        assertThat(first).hasSize(1);
        assertThat(other.webhooks().claimDue(now, LEASE, 10)).as("held, and the next waits for it").isEmpty();

        List<Claim> afterLease = other.webhooks().claimDue(now.plus(LEASE).plusSeconds(1), LEASE, 10);
        assertThat(afterLease).extracting(claim -> claim.message().id()).containsExactly(first.get(0).message().id());
        persistence.webhooks().delivered(first.get(0), attempt(first.get(0), 204));
        assertThat(other.webhooks().claimDue(now.plus(LEASE).plusSeconds(2), LEASE, 10))
                .as("the first instance's lease is gone: its outcome changed nothing").isEmpty();

        other.webhooks().delivered(afterLease.get(0), attempt(afterLease.get(0), 204));
        assertThat(other.webhooks().claimDue(now.plus(LEASE).plusSeconds(2), LEASE, 10))
                .extracting(claim -> claim.message().data()).containsExactly("{\"status\":\"out_for_delivery\"}");
    }

    @Test
    void failuresAreRetriedThenDisableTheSubscriptionAndAReplaySendsAgain() {
        Persistence persistence = open();
        WebhookStore store = persistence.webhooks();
        store.add(subscription("whk_1", "alice", Set.of(WebhookEvent.STATUS_CHANGED)));
        move(persistence.shipments(), registered(persistence.shipments()), "ev-1", ShipmentStatus.IN_TRANSIT);

        Claim claim = store.claimDue(T0.plusSeconds(1), LEASE, 10).get(0);
        store.retry(claim, attempt(claim, 500), T0.plusSeconds(60));
        assertThat(store.claimDue(T0.plusSeconds(59), LEASE, 10)).isEmpty();
        Claim again = store.claimDue(T0.plusSeconds(60), LEASE, 10).get(0);
        assertThat(again.message().id()).isEqualTo(claim.message().id());
        assertThat(again.message().attempts()).isOne();
        store.giveUp(again, attempt(again, null), "too many failures");

        assertThat(store.find("alice", "whk_1").orElseThrow().disabledReason()).contains("too many failures");
        assertThat(store.claimDue(T0.plusSeconds(3600), LEASE, 10)).isEmpty();
        assertThat(store.attempts("whk_1", OptionalLong.empty(), 10).attempts()).extracting(Attempt::status)
                .containsExactly(OptionalInt.empty(), OptionalInt.of(500));
        assertThat(store.attempts("whk_1", OptionalLong.empty(), 10).attempts().get(1).duration())
                .isEqualTo(Duration.ofMillis(12));

        assertThat(store.replay("whk_1", "msg_999999", T0)).isEqualTo(Replay.NO_SUCH_MESSAGE);
        assertThat(store.replay("whk_1", "nonsense", T0)).isEqualTo(Replay.NO_SUCH_MESSAGE);
        assertThat(store.replay("whk_1", claim.message().id(), T0.plusSeconds(3600))).as("disabled")
                .isEqualTo(Replay.DISABLED);
        assertThat(store.find("alice", "whk_1").orElseThrow().active()).as("a replay does not enable").isFalse();
        assertThat(store.enable("bob", "whk_1")).isFalse();
        assertThat(store.enable("alice", "whk_1")).isTrue();
        assertThat(store.find("alice", "whk_1").orElseThrow().active()).isTrue();
        assertThat(store.claimDue(T0.plusSeconds(3600), LEASE, 10)).as("the failed message stays failed").isEmpty();
        assertThat(store.replay("whk_1", claim.message().id(), T0.plusSeconds(3600))).isEqualTo(Replay.REPLAYED);
        Claim replayed = store.claimDue(T0.plusSeconds(3600), LEASE, 10).get(0);
        assertThat(replayed.message().id()).isEqualTo(claim.message().id());
        assertThat(replayed.message().attempts()).isZero();
    }

    @Test
    void aStalledShipmentIsAnnouncedOnceUntilItChanges() {
        Persistence persistence = open();
        WebhookStore store = persistence.webhooks();
        Shipment stored = registered(persistence.shipments());
        Instant later = T0.plus(Duration.ofDays(4));
        assertThat(store.recordStalled(T0.plusSeconds(1), later, 10)).as("nobody subscribed").isZero();
        store.add(subscription("whk_1", "alice", Set.of(WebhookEvent.STALLED)));

        assertThat(store.recordStalled(T0, later, 10)).as("recorded at the limit: not before it").isZero();
        assertThat(store.recordStalled(T0.plusSeconds(1), later, 10)).isOne();
        assertThat(store.recordStalled(T0.plusSeconds(1), later, 10)).as("announced already").isZero();
        move(persistence.shipments(), stored, "ev-1", ShipmentStatus.IN_TRANSIT);
        assertThat(store.recordStalled(T0.plusSeconds(1), later, 10)).as("changed, and stalled again").isOne();

        List<String> delivered = deliverAll(store, later);
        assertThat(delivered).containsExactly("whk_1 shipment.stalled {\"status\":\"received\"}",
                "whk_1 shipment.stalled {\"status\":\"in_transit\"}");
    }

    @Test
    void anAttemptEndingAfterItsSubscriptionWasDeletedRecordsNothing() {
        Persistence persistence = open();
        WebhookStore store = persistence.webhooks();
        store.add(subscription("whk_1", "alice", Set.of(WebhookEvent.STATUS_CHANGED)));
        move(persistence.shipments(), registered(persistence.shipments()), "ev-1", ShipmentStatus.IN_TRANSIT);
        Claim claim = store.claimDue(T0.plusSeconds(1), LEASE, 10).get(0);

        assertThat(store.delete("alice", "whk_1")).isTrue();
        store.delivered(claim, attempt(claim, 204));

        assertThat(store.attempts("whk_1", OptionalLong.empty(), 10).attempts()).isEmpty();
    }

    @Test
    void subscriptionsAreTheirOwners() {
        WebhookStore store = open().webhooks();
        Subscription alices = subscription("whk_a", "alice", Set.of(WebhookEvent.DELIVERED, WebhookEvent.STALLED));
        store.add(alices);
        store.add(subscription("whk_b", "bob", Set.of(WebhookEvent.DELIVERED)));

        assertThat(store.find("alice", "whk_a")).contains(alices);
        assertThat(store.find("bob", "whk_a")).isEmpty();
        assertThat(store.list("alice")).containsExactly(alices);
        assertThat(store.delete("bob", "whk_a")).isFalse();
        assertThat(store.delete("alice", "whk_a")).isTrue();
        assertThat(store.list("alice")).isEmpty();
        assertThat(store.list("bob")).hasSize(1);
    }

    @Test
    void aChangeWithoutSubscribersWritesNoMessage() {
        Persistence persistence = open();
        move(persistence.shipments(), registered(persistence.shipments()), "ev-1", ShipmentStatus.IN_TRANSIT);
        persistence.webhooks().add(subscription("whk_1", "alice", EnumSet.allOf(WebhookEvent.class)));

        assertThat(persistence.webhooks().claimDue(T0.plusSeconds(1), LEASE, 10)).isEmpty();
    }

    @Test
    void aClaimReadBeforeAnotherInstanceRecordedAFailureIsNotTaken() {
        Persistence persistence = open();
        Persistence other = open();
        persistence.webhooks().add(subscription("whk_1", "alice", Set.of(WebhookEvent.STATUS_CHANGED)));
        move(persistence.shipments(), registered(persistence.shipments()), "ev-1", ShipmentStatus.IN_TRANSIT);
        Instant now = T0.plusSeconds(1);
        JdbcWebhookStore slow = (JdbcWebhookStore) persistence.webhooks();
        List<Claim> read = slow.due(now, LEASE, 10);
        assertThat(read).hasSize(1);

        Claim fast = other.webhooks().claimDue(now, LEASE, 10).get(0);
        other.webhooks().retry(fast, attempt(fast, 500), now.plusSeconds(300));

        assertThat(slow.take(read, now.plusSeconds(2))).as("attempted and put off since it was read").isEmpty();
        Claim later = persistence.webhooks().claimDue(now.plusSeconds(300), LEASE, 10).get(0);
        assertThat(later.message().attempts()).isOne();
    }

    @Test
    void aClaimGivenBackIsDueAtOnceAndAGiveUpUnderALostLeaseDisablesNothing() {
        Persistence persistence = open();
        WebhookStore store = persistence.webhooks();
        store.add(subscription("whk_1", "alice", Set.of(WebhookEvent.STATUS_CHANGED)));
        move(persistence.shipments(), registered(persistence.shipments()), "ev-1", ShipmentStatus.IN_TRANSIT);
        Instant now = T0.plusSeconds(1);

        Claim first = store.claimDue(now, LEASE, 10).get(0);
        store.release(first);
        Claim second = store.claimDue(now, LEASE, 10).get(0);
        assertThat(second.message().id()).isEqualTo(first.message().id());

        store.giveUp(first, attempt(first, 500), "from a claim given back");
        assertThat(store.find("alice", "whk_1").orElseThrow().active()).isTrue();
        assertThat(store.replay("whk_1", second.message().id(), now)).as("held by the second claim")
                .isEqualTo(Replay.BEING_DELIVERED);
        store.delivered(second, attempt(second, 204));
        assertThat(store.attempts("whk_1", OptionalLong.empty(), 10).attempts()).hasSize(2);
    }

    @Test
    void deliveriesComeAPageAtATimeNewestFirst() {
        Persistence persistence = open();
        WebhookStore store = persistence.webhooks();
        store.add(subscription("whk_1", "alice", Set.of(WebhookEvent.STATUS_CHANGED)));
        move(persistence.shipments(), registered(persistence.shipments()), "ev-1", ShipmentStatus.IN_TRANSIT);
        for (int i = 0; i < 5; i++) {
            Claim claim = store.claimDue(T0.plus(Duration.ofMinutes(i)), LEASE, 10).get(0);
            store.retry(claim, new Attempt(claim.message().id(), claim.message().event(),
                    T0.plus(Duration.ofMinutes(i)), OptionalInt.of(500 + i), Duration.ofMillis(1),
                    Optional.of("failed")), T0.plus(Duration.ofMinutes(i + 1)));
        }

        AttemptPage first = store.attempts("whk_1", OptionalLong.empty(), 2);
        AttemptPage second = store.attempts("whk_1", first.next(), 2);
        AttemptPage last = store.attempts("whk_1", second.next(), 2);

        assertThat(first.attempts()).extracting(a -> a.status().getAsInt()).containsExactly(504, 503);
        assertThat(second.attempts()).extracting(a -> a.status().getAsInt()).containsExactly(502, 501);
        assertThat(last.attempts()).extracting(a -> a.status().getAsInt()).containsExactly(500);
        assertThat(last.next()).isEmpty();
        assertThat(store.attempts("whk_1", OptionalLong.empty(), 5).next()).as("exactly one page").isEmpty();
    }

    @Test
    void pruningDeletesFinishedMessagesPastTheRetentionWithTheirAttemptsAndKeepsPendingOnes() {
        Persistence persistence = open();
        WebhookStore store = persistence.webhooks();
        store.add(subscription("whk_1", "alice", Set.of(WebhookEvent.STATUS_CHANGED)));
        Shipment stored = move(persistence.shipments(), registered(persistence.shipments()), "ev-1",
                ShipmentStatus.IN_TRANSIT);
        Claim old = store.claimDue(T0.plusSeconds(1), LEASE, 10).get(0);
        store.delivered(old, attempt(old, 204));
        clock.set(T0.plus(Duration.ofDays(10)));
        move(persistence.shipments(), stored, "ev-2", ShipmentStatus.OUT_FOR_DELIVERY);
        Instant tenDays = T0.plus(Duration.ofDays(10));
        Claim recent = store.claimDue(tenDays, LEASE, 10).get(0);
        store.delivered(recent, new Attempt(recent.message().id(), recent.message().event(), tenDays,
                OptionalInt.of(204), Duration.ofMillis(3), Optional.empty()));
        stored = persistence.shipments().find(stored.key()).orElseThrow();
        move(persistence.shipments(), stored, "ev-3", ShipmentStatus.DELIVERED);

        assertThat(store.prune(T0.plus(Duration.ofDays(5)), 10)).isOne();
        assertThat(store.prune(T0.plus(Duration.ofDays(5)), 10)).isZero();

        assertThat(store.attempts("whk_1", OptionalLong.empty(), 10).attempts())
                .extracting(Attempt::messageId).containsExactly(recent.message().id());
        assertThat(store.replay("whk_1", old.message().id(), tenDays)).isEqualTo(Replay.NO_SUCH_MESSAGE);
        assertThat(store.prune(T0.plus(Duration.ofDays(400)), 10)).as("the recent one; pending ones stay").isOne();
        assertThat(store.claimDue(tenDays, LEASE, 10)).extracting(claim -> claim.message().data())
                .containsExactly("{\"status\":\"delivered\"}");
    }

    @Test
    void pruningForgetsTheStalledMarksOfVersionsGone() {
        Persistence persistence = open();
        WebhookStore store = persistence.webhooks();
        store.add(subscription("whk_1", "alice", Set.of(WebhookEvent.STALLED)));
        Shipment stored = registered(persistence.shipments());
        Instant later = T0.plus(Duration.ofDays(4));
        assertThat(store.recordStalled(T0.plusSeconds(1), later, 10)).isOne();
        move(persistence.shipments(), stored, "ev-1", ShipmentStatus.IN_TRANSIT);

        assertThat(store.prune(T0, 10)).as("the mark of version 0").isOne();
        assertThat(store.prune(T0, 10)).isZero();
    }

    @Test
    void aSubscriptionsMessagesWaitingBehindAFailureDoNotHoldUpAnotherSubscription() {
        Persistence persistence = open();
        WebhookStore store = persistence.webhooks();
        store.add(subscription("whk_a", "alice", Set.of(WebhookEvent.STATUS_CHANGED)));
        Shipment stored = move(persistence.shipments(), registered(persistence.shipments()), "ev-1",
                ShipmentStatus.IN_TRANSIT);
        Claim head = store.claimDue(T0.plusSeconds(1), LEASE, 10).get(0);
        store.retry(head, attempt(head, 500), T0.plus(Duration.ofHours(5)));
        stored = move(persistence.shipments(), stored, "ev-2", ShipmentStatus.OUT_FOR_DELIVERY);
        store.add(subscription("whk_b", "bob", Set.of(WebhookEvent.STATUS_CHANGED)));
        move(persistence.shipments(), stored, "ev-3", ShipmentStatus.DELIVERED);

        assertThat(store.claimDue(T0.plusSeconds(2), LEASE, 1)).extracting(claim -> claim.subscription().id())
                .containsExactly("whk_b");
    }

    @Test
    void messagesAboutOtherShipmentsGoBesideEachOtherWhileOneShipmentsGoInOrder() {
        Persistence persistence = open();
        WebhookStore store = persistence.webhooks();
        store.add(subscription("whk_a", "alice", Set.of(WebhookEvent.STATUS_CHANGED)));
        // Registered one after the other, so stored with consecutive ids: two lanes.
        Shipment first = registered(persistence.shipments(), "TN11111111");
        Shipment second = registered(persistence.shipments(), "TN22222222");
        first = move(persistence.shipments(), first, "ev-1", ShipmentStatus.IN_TRANSIT);
        move(persistence.shipments(), first, "ev-2", ShipmentStatus.OUT_FOR_DELIVERY);
        move(persistence.shipments(), second, "ev-3", ShipmentStatus.IN_TRANSIT);
        Instant now = T0.plusSeconds(1);

        List<Claim> claims = store.claimDue(now, LEASE, 10);
        assertThat(claims).as("each shipment's oldest, side by side").extracting(claim -> claim.message().data())
                .containsExactlyInAnyOrder("{\"status\":\"in_transit\"}", "{\"status\":\"in_transit\"}");
        assertThat(store.claimDue(now, LEASE, 10)).as("the first shipment's next waits for its first").isEmpty();

        claims.forEach(claim -> store.delivered(claim, attempt(claim, 204)));
        assertThat(store.claimDue(now, LEASE, 10)).extracting(claim -> claim.message().data())
                .containsExactly("{\"status\":\"out_for_delivery\"}");
    }
}
