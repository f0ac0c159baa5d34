package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.WebhookSender;
import io.waybill.application.port.out.WebhookSender.Answer;
import io.waybill.application.port.out.WebhookStore;
import io.waybill.application.service.DeliverWebhooksService;
import io.waybill.domain.webhook.RetrySchedule;
import io.waybill.domain.webhook.WebhookEvent;
import io.waybill.domain.webhook.WebhookSecret;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WebhookDeliveryLoopTest {

    /** Claims and outcomes as each test says; no subscriptions, attempts or stalled shipments. */
    private abstract static class Messages implements WebhookStore {
        final List<String> outcomes = new CopyOnWriteArrayList<>();

        static Claim claim(String name, Instant now, Duration lease) {
            Subscription subscription = new Subscription("whk_" + name, "owner", URI.create("https://" + name
                    + ".example/"), Set.of(WebhookEvent.DELIVERED), WebhookSecret.generate(new SecureRandom()), now,
                    Optional.empty());
            return new Claim(new Message("msg_" + name, subscription.id(), WebhookEvent.DELIVERED, "{}", now, 0),
                    subscription, "lease-" + name, now.plus(lease));
        }

        @Override
        public void retry(Claim claim, Attempt attempt, Instant next) {
            outcomes.add("retry " + claim.message().id());
        }

        @Override
        public void giveUp(Claim claim, Attempt attempt, String reason) {
            outcomes.add("give up " + claim.message().id());
        }

        @Override
        public void release(Claim claim) {
            outcomes.add("released " + claim.message().id());
        }

        @Override
        public void add(Subscription subscription) {}

        @Override
        public Optional<Subscription> find(String owner, String id) {
            return Optional.empty();
        }

        @Override
        public List<Subscription> list(String owner) {
            return List.of();
        }

        @Override
        public boolean delete(String owner, String id) {
            return false;
        }

        @Override
        public boolean enable(String owner, String id) {
            return false;
        }

        @Override
        public AttemptPage attempts(String subscriptionId, OptionalLong before, int limit) {
            return new AttemptPage(List.of(), OptionalLong.empty());
        }

        @Override
        public Replay replay(String subscriptionId, String messageId, Instant now) {
            return Replay.NO_SUCH_MESSAGE;
        }

        @Override
        public int recordStalled(Instant stalledBefore, Instant now, int limit) {
            return 0;
        }

        @Override
        public int prune(Instant before, int limit) {
            return 0;
        }
    }

    /** Two messages due once, of two subscriptions: one whose receiver hangs, one whose receiver answers. */
    private static final class TwoMessages extends Messages {
        final CountDownLatch fastDelivered = new CountDownLatch(1);
        final AtomicBoolean claimed = new AtomicBoolean();

        @Override
        public List<Claim> claimDue(Instant now, Duration lease, int limit) {
            return claimed.getAndSet(true) ? List.of() : List.of(claim("slow", now, lease), claim("fast", now, lease))
                    .subList(0, Math.min(2, limit));
        }

        @Override
        public void delivered(Claim claim, Attempt attempt) {
            outcomes.add("delivered " + claim.message().id());
            fastDelivered.countDown();
        }
    }

    /** Two messages of one lane: the second is due only once the first is delivered, as the outbox's lanes go. */
    private static final class OneLane extends Messages {
        final CountDownLatch bothDelivered = new CountDownLatch(2);
        final CountDownLatch foundNothing = new CountDownLatch(1);
        private final List<String> waiting = new CopyOnWriteArrayList<>(List.of("first", "second"));
        private boolean underWay;

        @Override
        public synchronized List<Claim> claimDue(Instant now, Duration lease, int limit) {
            if (underWay || waiting.isEmpty()) {
                foundNothing.countDown();
                return List.of();
            }
            underWay = true;
            return List.of(claim(waiting.get(0), now, lease));
        }

        @Override
        public synchronized void delivered(Claim claim, Attempt attempt) {
            outcomes.add("delivered " + claim.message().id());
            waiting.remove(0);
            underWay = false;
            bothDelivered.countDown();
        }
    }

    @Test
    void aHangingReceiverHoldsUpOneWorkerOnlyAndStoppingGivesItsClaimBackUncounted() throws Exception {
        TwoMessages store = new TwoMessages();
        CountDownLatch slowStarted = new CountDownLatch(1);
        WebhookSender sender = posting(url -> {
            if (url.getHost().startsWith("fast")) {
                return new Answer(OptionalInt.of(204), Optional.empty());
            }
            slowStarted.countDown();
            try {
                new CountDownLatch(1).await(); // hangs until the loop stops
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Answer(OptionalInt.empty(), Optional.of("interrupted"));
        });
        WebhookDeliveryLoop loop = WebhookDeliveryLoop.start(new DeliverWebhooksService(store, sender,
                RetrySchedule.STANDARD, Clock.systemUTC()), Duration.ofMillis(50), 2);
        try {
            assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(store.fastDelivered.await(10, TimeUnit.SECONDS)).as("delivered while the other hangs").isTrue();
        } finally {
            long start = System.nanoTime();
            loop.close();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000L);
        }

        assertThat(store.outcomes).containsExactlyInAnyOrder("delivered msg_fast", "released msg_slow");
    }

    @Test
    void aDeliveryLetsTheNextOfItsLaneGoAtOnceNotAfterThePoll() throws Exception {
        OneLane store = new OneLane();
        WebhookSender answering = posting(url -> {
            try {
                // Answers once the claimer has found nothing more and gone to wait for its poll.
                assertThat(store.foundNothing.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Answer(OptionalInt.of(204), Optional.empty());
        });
        // A poll of an hour: the second message goes only if the first one's delivery wakes the claimer.
        try (WebhookDeliveryLoop loop = WebhookDeliveryLoop.start(new DeliverWebhooksService(store, answering,
                RetrySchedule.STANDARD, Clock.systemUTC()), Duration.ofHours(1), 2)) {
            assertThat(store.bothDelivered.await(30, TimeUnit.SECONDS)).as("the second, long before the poll").isTrue();
        }
        assertThat(store.outcomes).containsExactly("delivered msg_first", "delivered msg_second");
    }

    /** A sender that lets every URL through and answers as {@code answer} says. */
    private static WebhookSender posting(Function<URI, Answer> answer) {
        return new WebhookSender() {
            @Override
            public Optional<String> refusal(URI url) {
                return Optional.empty();
            }

            @Override
            public Answer post(URI url, Map<String, String> headers, byte[] body) {
                return answer.apply(url);
            }
        };
    }
}
