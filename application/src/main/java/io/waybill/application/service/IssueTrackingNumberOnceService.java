package io.waybill.application.service;

import io.waybill.application.port.in.IssueTrackingNumberOnceUseCase;
import io.waybill.application.port.out.KeyedIssues.KeyTakenException;
import io.waybill.application.port.out.KeyedIssues;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.Order;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Looks the key up first; issues and stores a new number with the key only when none is stored. Of concurrent
 * requests with one key, the database's unique key lets one store its number; the others find that number and answer
 * it, so every one of them gets the same number and none waits for a client to retry. Counts the numbers it issued and
 * stored, not those it answered again, in {@code waybill.tracking.numbers.issued} ({@code keyed=true}). Thread-safe:
 * the sequence and the store are, and nothing else is shared.
 */
public final class IssueTrackingNumberOnceService implements IssueTrackingNumberOnceUseCase {

    private static final Duration KEPT = Duration.ofHours(KEPT_HOURS);

    private final TrackingNumberFormat format;
    private final LongSupplier sequence;
    private final KeyedIssues issues;
    private final Clock clock;
    private final Metrics.Counter issuedCount;

    /** Without metrics. */
    public IssueTrackingNumberOnceService(
            TrackingNumberFormat format, LongSupplier sequence, KeyedIssues issues, Clock clock) {
        this(format, sequence, issues, clock, Metrics.NONE);
    }

    public IssueTrackingNumberOnceService(TrackingNumberFormat format, LongSupplier sequence, KeyedIssues issues,
            Clock clock, Metrics metrics) {
        this.format = format;
        this.sequence = sequence;
        this.issues = issues;
        this.clock = clock;
        this.issuedCount = IssuedNumbers.counter(metrics, true);
    }

    @Override
    public Issue issue(Command command) {
        String requestHash = OrderFingerprint.of(command.order());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiredBefore = now.minus(KEPT);
        Optional<Issue> earlier = earlier(command, requestHash, expiredBefore);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Order order = command.order();
        IssuedTrackingNumber issued = new IssuedTrackingNumber(format.issue(order.origin(), sequence), order, now);
        try {
            issues.add(command.key(), requestHash, issued, expiredBefore);
            issuedCount.increment();
            return new Issue(issued, false);
        } catch (KeyTakenException e) {
            // A concurrent request with this key stored its number first; this one's number is never handed out.
            return earlier(command, requestHash, expiredBefore).orElseThrow(() ->
                    new StorageUnavailableException("the idempotency key was taken, then not found", e));
        }
    }

    /** The number stored under the key from {@code expiredBefore} on, for the same order. */
    private Optional<Issue> earlier(Command command, String requestHash, Instant expiredBefore) {
        return issues.find(command.key())
                .filter(recorded -> !recorded.issuedAt().isBefore(expiredBefore))
                .map(recorded -> {
                    if (!recorded.requestHash().equals(requestHash)) {
                        throw new IdempotencyKeyReusedException();
                    }
                    return new Issue(new IssuedTrackingNumber(recorded.number(), command.order(), recorded.issuedAt()),
                            true);
                });
    }
}
