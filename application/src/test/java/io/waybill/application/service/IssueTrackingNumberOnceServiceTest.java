package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.in.IssueTrackingNumberOnceUseCase.Command;
import io.waybill.application.port.in.IssueTrackingNumberOnceUseCase.IdempotencyKeyReusedException;
import io.waybill.application.port.in.IssueTrackingNumberOnceUseCase.Issue;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.IdempotencyKey;
import io.waybill.domain.Order;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Weight;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import io.waybill.application.contract.CountingMetrics;
import io.waybill.application.contract.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IssueTrackingNumberOnceServiceTest {

    private static final Instant START = Instant.parse("2024-03-01T10:15:30.123Z");
    private static final TrackingNumberFormat FORMAT =
            new TrackingNumberFormat(PermutationKey.parse("00112233445566778899aabbccddeeff"));
    private static final IdempotencyKey KEY = new IdempotencyKey("f47ac10b-58cc-4372-a567-0e02b2c3d479");

    private final AtomicLong sequence = new AtomicLong(1_000);
    private final MovableClock clock = new MovableClock(START);
    private final InMemoryKeyedIssues issues = new InMemoryKeyedIssues();
    private final IssueTrackingNumberOnceService service =
            new IssueTrackingNumberOnceService(FORMAT, sequence::getAndIncrement, issues, clock);

    @Test
    void storesANewNumberWithTheKey() {
        Issue issue = service.issue(new Command(KEY, order("Redbox Logistics")));

        assertThat(issue.replayed()).isFalse();
        assertThat(issue.issued().issuedAt()).isEqualTo(START);
        assertThat(issues.stored).containsOnlyKeys(KEY);
        assertThat(issues.added).containsExactly(issue.issued());
    }

    @Test
    void theSameKeyAndOrderGetTheSameNumberWithoutStoringAnother() {
        Issue first = service.issue(new Command(KEY, order("Redbox Logistics")));
        clock.advance(Duration.ofHours(23));

        Issue again = service.issue(new Command(KEY, order("Redbox Logistics")));

        assertThat(again.replayed()).isTrue();
        assertThat(again.issued()).isEqualTo(first.issued());
        assertThat(issues.added).hasSize(1);
    }

    @Test
    void countsANewNumberOnceAndNotItsReplays() {
        CountingMetrics metrics = new CountingMetrics();
        IssueTrackingNumberOnceService counted =
                new IssueTrackingNumberOnceService(FORMAT, sequence::getAndIncrement, issues, clock, metrics);
        counted.issue(new Command(KEY, order("Redbox Logistics")));
        counted.issue(new Command(KEY, order("Redbox Logistics")));

        assertThat(metrics.count("waybill.tracking.numbers.issued{keyed=true}")).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherOrderIsRefused() {
        service.issue(new Command(KEY, order("Redbox Logistics")));

        assertThatThrownBy(() -> service.issue(new Command(KEY, order("Bluebox Logistics"))))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(issues.added).hasSize(1);
    }

    @Test
    void aKeyOlderThan24HoursGetsANewNumber() {
        Issue first = service.issue(new Command(KEY, order("Redbox Logistics")));
        clock.advance(Duration.ofHours(24).plusMillis(1));

        Issue later = service.issue(new Command(KEY, order("Bluebox Logistics")));

        assertThat(later.replayed()).isFalse();
        assertThat(later.issued().trackingNumber()).isNotEqualTo(first.issued().trackingNumber());
        assertThat(issues.expiredBefore).isEqualTo(clock.instant().minus(Duration.ofHours(24)));
    }

    @Test
    void aKeyTakenMeanwhileAnswersTheNumberStoredUnderIt() {
        IssuedTrackingNumber concurrent = new IssuedTrackingNumber(
                FORMAT.issue(CountryCode.of("MY"), () -> 1L), order("Redbox Logistics"), START.minusMillis(5));
        issues.beforeAdd = () -> issues.put(KEY, OrderFingerprint.of(concurrent.order()), concurrent);

        Issue issue = service.issue(new Command(KEY, order("Redbox Logistics")));

        assertThat(issue.replayed()).isTrue();
        assertThat(issue.issued().trackingNumber()).isEqualTo(concurrent.trackingNumber());
        assertThat(issue.issued().issuedAt()).isEqualTo(concurrent.issuedAt());
    }

    @Test
    void aFailedStorePassesOnTheFailure() {
        StorageUnavailableException failure = new StorageUnavailableException("commit timed out", null);
        issues.beforeAdd = () -> {
            throw failure;
        };

        assertThatThrownBy(() -> service.issue(new Command(KEY, order("Redbox Logistics")))).isSameAs(failure);
    }

    @Test
    void fingerprintsDifferForEveryChangedValueAndCannotBeRunTogether() {
        assertThat(OrderFingerprint.of(order("Redbox Logistics"))).isEqualTo(OrderFingerprint.of(order("Redbox Logistics")))
                .hasSize(64);
        assertThat(OrderFingerprint.of(order("Redbox Logistics"))).isNotEqualTo(OrderFingerprint.of(order("Redbox")));
        Order base = order("Redbox Logistics");
        Order otherTime = new Order(base.origin(), base.destination(), base.weight(), base.customer(),
                OrderTime.parse("2018-11-20T11:29:32Z")); // the same instant, another offset
        Order otherWeight = new Order(base.origin(), base.destination(), Weight.parse("1.235"), base.customer(),
                base.createdAt());
        assertThat(OrderFingerprint.of(otherTime)).isNotEqualTo(OrderFingerprint.of(base));
        assertThat(OrderFingerprint.of(otherWeight)).isNotEqualTo(OrderFingerprint.of(base));
        assertThat(OrderFingerprint.of(new Order(base.origin(), base.destination(), Weight.parse("1.230"),
                base.customer(), base.createdAt()))).isEqualTo(OrderFingerprint.of(new Order(base.origin(),
                base.destination(), Weight.parse("1.23"), base.customer(), base.createdAt())));
    }

    private static Order order(String customerName) {
        Customer customer = new Customer(
                CustomerId.parse("de619854-b59b-425e-9db4-943979e1bd49"),
                new CustomerName(customerName),
                new CustomerSlug("redbox-logistics"));
        return new Order(CountryCode.of("MY"), CountryCode.of("ID"), Weight.parse("1.234"), customer,
                OrderTime.parse("2018-11-20T19:29:32+08:00"));
    }
}
