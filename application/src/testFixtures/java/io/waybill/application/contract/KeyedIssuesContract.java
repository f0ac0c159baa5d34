package io.waybill.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.out.KeyedIssues.KeyTakenException;
import io.waybill.application.port.out.KeyedIssues.Recorded;
import io.waybill.application.port.out.KeyedIssues;
import io.waybill.application.port.out.ShipmentRepository;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The {@link KeyedIssues} contract, keys stored with their shipments, for every implementation: each database
 * Waybill runs on, and the in-memory fake that the services' tests rely on. A subclass supplies a new, empty store
 * for each test and closes it afterwards.
 */
public abstract class KeyedIssuesContract {

    protected static final Instant T0 = Instant.parse("2026-11-21T10:00:00.123Z");
    private static final TrackingNumberFormat FORMAT = new TrackingNumberFormat(new PermutationKey(1, 2));
    protected static final String HASH = "a".repeat(64);
    protected static final Instant LONG_AGO = T0.minus(Duration.ofHours(24));

    private final AtomicLong sequence = new AtomicLong();
    protected final IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());

    /** The keyed issues of an instance on the test's store: on each call, another instance on the same store. */
    protected abstract KeyedIssues keyedIssues();

    /** The shipments of an instance on the test's store, where the keyed issues store their shipments. */
    protected abstract ShipmentRepository shipments();

    @Test
    void storesTheKeyWithItsShipmentAndFindsIt() {
        KeyedIssues issues = keyedIssues();
        IssuedTrackingNumber issued = issue(T0);

        issues.add(key, HASH, issued, LONG_AGO);

        assertThat(issues.find(key)).hasValue(new Recorded(HASH, issued.trackingNumber(), T0));
        assertThat(storedNumbers()).containsExactly(issued.trackingNumber().value());
        assertThat(shipments().find(issued.asShipment().key())).isPresent();
    }

    @Test
    void anUnknownKeyIsNotFound() {
        assertThat(keyedIssues().find(key)).isEmpty();
    }

    @Test
    void aTakenKeyIsRefusedAndItsShipmentNotStored() {
        KeyedIssues issues = keyedIssues();
        IssuedTrackingNumber first = issue(T0);
        issues.add(key, HASH, first, LONG_AGO);

        assertThatThrownBy(() -> issues.add(key, "b".repeat(64), issue(T0.plusSeconds(1)), LONG_AGO))
                .isInstanceOf(KeyTakenException.class);

        assertThat(issues.find(key)).hasValue(new Recorded(HASH, first.trackingNumber(), T0));
        assertThat(storedNumbers()).containsExactly(first.trackingNumber().value());
    }

    @Test
    void aKeyIsNotStoredWhenItsShipmentCannotBe() {
        KeyedIssues issues = keyedIssues();
        IssuedTrackingNumber stored = issue(T0);
        shipments().add(stored);

        assertThatThrownBy(() -> issues.add(key, HASH, stored, LONG_AGO)).isInstanceOf(RuntimeException.class);

        assertThat(issues.find(key)).isEmpty();
    }

    @Test
    void aKeyStoredBeforeExpiredBeforeIsReplaced() {
        KeyedIssues issues = keyedIssues();
        IssuedTrackingNumber old = issue(T0);
        issues.add(key, HASH, old, LONG_AGO);
        Instant later = T0.plus(Duration.ofHours(24)).plusMillis(1);
        IssuedTrackingNumber fresh = issue(later);

        issues.add(key, "b".repeat(64), fresh, T0.plusMillis(1));

        assertThat(issues.find(key)).hasValue(new Recorded("b".repeat(64), fresh.trackingNumber(), later));
        assertThat(storedNumbers()).containsExactlyInAnyOrder(
                old.trackingNumber().value(), fresh.trackingNumber().value());
    }

    @Test
    void expiredKeysAreDeleted() {
        KeyedIssues issues = keyedIssues();
        issues.add(new IdempotencyKey("old"), HASH, issue(T0), LONG_AGO);
        Instant later = T0.plus(Duration.ofHours(25));

        issues.add(key, HASH, issue(later), later.minus(Duration.ofHours(24)));

        assertThat(issues.find(new IdempotencyKey("old"))).isEmpty();
        assertThat(storedNumbers()).hasSize(2);
    }

    @Test
    void ofConcurrentRequestsWithOneKeyOnTwoInstancesExactlyOneStoresItsNumber() throws Exception {
        List<KeyedIssues> instances = List.of(keyedIssues(), keyedIssues());
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            KeyedIssues issues = instances.get(i % 2);
            IssuedTrackingNumber issued = issue(T0);
            racers.add(() -> {
                start.await();
                try {
                    issues.add(key, HASH, issued, LONG_AGO);
                    return true;
                } catch (KeyTakenException e) {
                    return false;
                }
            });
        }

        List<Boolean> stored = runAll(racers, start);

        assertThat(stored).containsOnlyOnce(true);
        assertThat(storedNumbers()).hasSize(1)
                .containsExactly(instances.get(0).find(key).orElseThrow().number().value());
    }

    protected final IssuedTrackingNumber issue(Instant at) {
        Order order = new Order(CountryCode.of("MY"), CountryCode.of("ID"), Weight.parse("1.234"),
                new Customer(new CustomerId(UUID.randomUUID()), new CustomerName("RedBox Logistics"),
                        new CustomerSlug("redbox-logistics")),
                OrderTime.parse("2018-11-20T19:29:32+08:00"));
        return new IssuedTrackingNumber(FORMAT.issue(order.origin(), sequence::getAndIncrement), order, at);
    }

    /** The numbers of every stored shipment. */
    protected final List<String> storedNumbers() {
        return shipments().list(Filter.NONE, Optional.empty(), 1_000).stream()
                .map(summary -> summary.key().number().value()).toList();
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
