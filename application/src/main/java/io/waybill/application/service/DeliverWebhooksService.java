package io.waybill.application.service;

import io.waybill.application.port.out.WebhookSender;
import io.waybill.application.port.out.WebhookSender.Answer;
import io.waybill.application.port.out.WebhookStore;
import io.waybill.application.port.out.WebhookStore.Attempt;
import io.waybill.application.port.out.WebhookStore.Claim;
import io.waybill.application.port.out.WebhookStore.Message;
import io.waybill.domain.webhook.RetrySchedule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers the outbox's due messages: each claimed for longer than an attempt may take, posted with the Standard
 * Webhooks headers (the message's id on every attempt, the attempt's time, the signature), and recorded: delivered on
 * a 2xx answer; on 410 the subscription is disabled; otherwise tried again after the schedule's next delay, or, past
 * its last, the subscription is disabled with the reason kept. Thread-safe; any number of instances may run it.
 */
public final class DeliverWebhooksService {

    /** The longest an attempt waits for the receiver's answer, as the specification suggests. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** The longest an attempt waits to connect, before {@link #TIMEOUT} starts. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The longest an attempt takes, everything included: the sender cuts it off there ({@link WebhookSender#post}). */
    private static final Duration LONGEST_ATTEMPT = TIMEOUT.plus(CONNECT_TIMEOUT);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int BATCH = 32;

    private final WebhookStore store;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Clock clock;

    public DeliverWebhooksService(WebhookStore store, WebhookSender sender, RetrySchedule schedule, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Claims up to {@code limit} messages due now, each for {@link #LEASE}, for {@link #deliver}. */
    public List<Claim> claim(int limit) {
        return store.claimDue(clock.instant(), LEASE, limit);
    }

    /**
     * Makes one attempt at a claimed message and records it. The attempt starts only while its claim will outlast it
     * (so that no other instance may take the message meanwhile); a claim used up before its turn, or an attempt
     * stopped by an interrupt (the instance stopping), is given back uncounted, for any instance to take at once.
     */
    public void deliver(Claim claim) {
        if (clock.instant().plus(LONGEST_ATTEMPT).isAfter(claim.leaseEnd())) {
            store.release(claim);
            return;
        }
        attempt(claim);
    }

    /** Claims what is due now and delivers it, one message after the other; answers how many it claimed. */
    public int deliverDue() {
        List<Claim> claims = claim(BATCH);
        claims.forEach(this::deliver);
        return claims.size();
    }

    private void attempt(Claim claim) {
        Message message = claim.message();
        byte[] body = body(message);
        Instant start = clock.instant();
        long timestamp = start.getEpochSecond();
        Map<String, String> headers = Map.of(
                "webhook-id", message.id(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSignature.sign(claim.subscription().secret(), message.id(), timestamp,
                        body));
        long began = System.nanoTime();
        Answer answer = sender.post(claim.subscription().url(), headers, body);
        // Recorded with the interrupt put aside (a pool's wait for a connection would end at once), then put back.
        boolean interrupted = Thread.interrupted();
        try {
            record(claim, answer, new Attempt(message.id(), message.event(), start, answer.status(),
                    Duration.ofNanos(System.nanoTime() - began), answer.error()), interrupted);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void record(Claim claim, Answer answer, Attempt attempt, boolean interrupted) {
        Message message = claim.message();
        if (answer.delivered()) {
            store.delivered(claim, attempt);
            return;
        }
        if (interrupted) {
            store.release(claim);
            return;
        }
        if (answer.status().isPresent() && answer.status().getAsInt() == 410) {
            store.giveUp(claim, attempt, "The receiver answered 410 Gone to message " + message.id());
            return;
        }
        int failed = message.attempts() + 1;
        Optional<Duration> wait = schedule.after(failed);
        if (wait.isPresent()) {
            store.retry(claim, attempt, clock.instant().plus(wait.get()));
        } else {
            store.giveUp(claim, attempt, "Message " + message.id() + " failed " + failed + " attempts; the last: "
                    + answer.error().orElse("no answer"));
        }
    }

    /** The body, the same on every attempt: the type and the data are the message's, the time its change's. */
    static byte[] body(Message message) {
        return ("{\"type\":\"" + message.event().type() + "\",\"timestamp\":\""
                + DateTimeFormatter.ISO_INSTANT.format(message.createdAt()) + "\",\"data\":" + message.data() + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
