package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.out.KeyedIssues;
import io.waybill.application.port.out.KeyedIssues.KeyTakenException;
import io.waybill.application.port.out.KeyedIssues.Recorded;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.IdempotencyKey;
import io.waybill.domain.IssuedTrackingNumber;
import io.waybill.domain.Order;
import io.waybill.domain.OrderTime;
import io.waybill.domain.PermutationKey;
import io.waybill.domain.TrackingNumberFormat;
import io.waybill.domain.Weight;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys stored with their shipments, on every database Waybill runs on; subclasses say which. */
abstract class KeyedIssuesContract {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final TrackingNumberFormat FORMAT = new TrackingNumberFormat(new PermutationKey(1, 2));
    private static final String HASH = "a".repeat(64);
    private static final Instant LONG_AGO = T0.minus(Duration.ofHours(24));

    private final AtomicLong sequence = new AtomicLong();
    private final List<Persistence> opened = new ArrayList<>();
    private final IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());
    private DatabaseSettings settings;

    abstract DatabaseSettings newDatabase() throws Exception;

    @BeforeEach
    void createDatabase() throws Exception {
        settings = newDatabase();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        opened.forEach(Persistence::close);
        if (settings != null) {
            TestDatabases.drop(settings);
        }
    }

    @Test
    void storesTheKeyWithItsShipmentAndFindsIt() {
        KeyedIssues issues = open().keyedIssues();
        IssuedTrackingNumber issued = issue(T0);

        issues.add(key, HASH, issued, LONG_AGO);

        assertThat(issues.find(key)).hasValue(new Recorded(HASH, issued.trackingNumber(), T0));
        assertThat(storedNumbers()).containsExactly(issued.trackingNumber().value());
        assertThat(open().shipments().find(issued.asShipment().key())).isPresent();
    }

    @Test
    void anUnknownKeyIsNotFound() {
        assertThat(open().keyedIssues().find(key)).isEmpty();
    }

    @Test
    void aTakenKeyIsRefusedAndItsShipmentNotStored() {
        KeyedIssues issues = open().keyedIssues();
        IssuedTrackingNumber first = issue(T0);
        issues.add(key, HASH, first, LONG_AGO);

        assertThatThrownBy(() -> issues.add(key, "b".repeat(64), issue(T0.plusSeconds(1)), LONG_AGO))
                .isInstanceOf(KeyTakenException.class);

        assertThat(issues.find(key)).hasValue(new Recorded(HASH, first.trackingNumber(), T0));
        assertThat(storedNumbers()).containsExactly(first.trackingNumber().value());
    }

    @Test
    void aKeyIsNotStoredWhenItsShipmentCannotBe() {
        KeyedIssues issues = open().keyedIssues();
        IssuedTrackingNumber stored = issue(T0);
        open().shipments().add(stored);

        assertThatThrownBy(() -> issues.add(key, HASH, stored, LONG_AGO)).isInstanceOf(RuntimeException.class);

        assertThat(issues.find(key)).isEmpty();
        assertThat(keyCount()).isZero();
    }

    @Test
    void aKeyStoredBeforeExpiredBeforeIsReplaced() {
        KeyedIssues issues = open().keyedIssues();
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
        KeyedIssues issues = open().keyedIssues();
        issues.add(new IdempotencyKey("old"), HASH, issue(T0), LONG_AGO);
        Instant later = T0.plus(Duration.ofHours(25));

        issues.add(key, HASH, issue(later), later.minus(Duration.ofHours(24)));

        assertThat(issues.find(new IdempotencyKey("old"))).isEmpty();
        assertThat(keyCount()).isOne();
        assertThat(storedNumbers()).hasSize(2);
    }

    @Test
    void keysOutliveARestart() {
        Persistence first = open();
        IssuedTrackingNumber issued = issue(T0);
        first.keyedIssues().add(key, HASH, issued, LONG_AGO);
        first.close();
        opened.remove(first);

        assertThat(open().keyedIssues().find(key)).hasValue(new Recorded(HASH, issued.trackingNumber(), T0));
    }

    @Test
    void ofConcurrentRequestsWithOneKeyOnTwoInstancesExactlyOneStoresItsNumber() throws Exception {
        List<KeyedIssues> instances = List.of(open().keyedIssues(), open().keyedIssues());
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
        assertThat(keyCount()).isOne();
    }

    @Test
    void aFailedCommitIsNoTakenKey() {
        KeyedIssues issues = open().keyedIssues();
        jdbi().useHandle(handle -> handle.execute("DROP TABLE idempotency_keys"));

        assertThatThrownBy(() -> issues.add(key, HASH, issue(T0), LONG_AGO))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> issues.find(key)).isInstanceOf(StorageUnavailableException.class);
    }

    private Persistence open() {
        Persistence persistence = Persistence.open(settings, CLOCK);
        opened.add(persistence);
        return persistence;
    }

    private IssuedTrackingNumber issue(Instant at) {
        Order order = new Order(CountryCode.of("MY"), CountryCode.of("ID"), Weight.parse("1.234"),
                new Customer(new CustomerId(UUID.randomUUID()), new CustomerName("RedBox Logistics"),
                        new CustomerSlug("redbox-logistics")),
                OrderTime.parse("2018-11-20T19:29:32+08:00"));
        return new IssuedTrackingNumber(FORMAT.issue(order.origin(), sequence::getAndIncrement), order, at);
    }

    private List<String> storedNumbers() {
        return jdbi().withHandle(handle ->
                handle.createQuery("SELECT tracking_number FROM shipments").mapTo(String.class).list());
    }

    private int keyCount() {
        return jdbi().withHandle(handle ->
                handle.createQuery("SELECT count(*) FROM idempotency_keys").mapTo(Integer.class).one());
    }

    private Jdbi jdbi() {
        return TestDatabases.jdbi(settings);
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
