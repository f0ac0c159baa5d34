package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.KeyedIssuesContract;
import io.waybill.application.port.out.KeyedIssues.Recorded;
import io.waybill.application.port.out.KeyedIssues;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.IdempotencyKey;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The keyed-issues contract on a database, each call of {@link #keyedIssues} another instance opened on it, and what
 * only a database shows: its rows, a restart, a failing table. Subclasses say which database.
 */
abstract class DatabaseKeyedIssuesContract extends KeyedIssuesContract {

    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @RegisterExtension
    final DatabasePerTest database = new DatabasePerTest(this::newDatabase);

    abstract DatabaseSettings newDatabase() throws Exception;

    @Override
    protected KeyedIssues keyedIssues() {
        return open().keyedIssues();
    }

    @Override
    protected ShipmentRepository shipments() {
        return open().shipments();
    }

    @Test
    void eachKeyIsOneRowAndExpiredRowsAreDeleted() {
        KeyedIssues issues = keyedIssues();
        IssuedTrackingNumber stored = issue(T0);
        shipments().add(stored);
        assertThatThrownBy(() -> issues.add(key, HASH, stored, LONG_AGO)).isInstanceOf(RuntimeException.class);
        assertThat(keyCount()).isZero();

        issues.add(new IdempotencyKey("old"), HASH, issue(T0), LONG_AGO);
        Instant later = T0.plus(Duration.ofHours(25));
        issues.add(key, HASH, issue(later), later.minus(Duration.ofHours(24)));

        assertThat(keyCount()).isOne();
    }

    @Test
    void keysOutliveARestart() {
        Persistence first = open();
        IssuedTrackingNumber issued = issue(T0);
        first.keyedIssues().add(key, HASH, issued, LONG_AGO);
        database.close(first);

        assertThat(keyedIssues().find(key)).hasValue(new Recorded(HASH, issued.trackingNumber(), T0));
    }

    @Test
    void aFailedCommitIsNoTakenKey() {
        KeyedIssues issues = keyedIssues();
        jdbi().useHandle(handle -> handle.execute("DROP TABLE idempotency_keys"));

        assertThatThrownBy(() -> issues.add(key, HASH, issue(T0), LONG_AGO))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> issues.find(key)).isInstanceOf(StorageUnavailableException.class);
    }

    private Persistence open() {
        return database.open(CLOCK);
    }

    private int keyCount() {
        return jdbi().withHandle(handle ->
                handle.createQuery("SELECT count(*) FROM idempotency_keys").mapTo(Integer.class).one());
    }

    private Jdbi jdbi() {
        return TestDatabases.jdbi(database.settings());
    }
}
