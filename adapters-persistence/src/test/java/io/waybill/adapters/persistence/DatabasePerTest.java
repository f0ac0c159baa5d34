package io.waybill.adapters.persistence;

import io.waybill.application.port.out.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A new database for each test, and the instances the test opens on it: after the test they are closed, then the
 * database is dropped. Registered as an instance field ({@code @RegisterExtension}) of each contract on a database,
 * which keeps saying how to make its database; its {@code @Nested} classes' tests get one too. An extension rather
 * than a base class because one of the contracts ({@link DatabaseKeyedIssuesContract}) already extends the
 * application's port contract.
 */
final class DatabasePerTest implements BeforeEachCallback, AfterEachCallback {

    private final Callable<DatabaseSettings> newDatabase;
    private final List<Persistence> opened = new ArrayList<>();
    private DatabaseSettings settings;

    /** {@code newDatabase} makes a new, empty database, which this drops after the test. */
    DatabasePerTest(Callable<DatabaseSettings> newDatabase) {
        this.newDatabase = Objects.requireNonNull(newDatabase);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        settings = newDatabase.call();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        opened.forEach(Persistence::close);
        if (settings != null) {
            TestDatabases.drop(settings);
        }
    }

    /** The database of the running test. */
    DatabaseSettings settings() {
        return settings;
    }

    /** A new instance on the test's database, closed after the test. */
    Persistence open(Clock clock) {
        return open(clock, Metrics.NONE);
    }

    /** {@link #open(Clock)}, recording webhook messages with {@code payloads}. */
    Persistence open(Clock clock, io.waybill.application.port.out.WebhookPayloads payloads) {
        Persistence persistence = Persistence.open(settings, clock, Metrics.NONE, java.util.Optional.of(payloads));
        opened.add(persistence);
        return persistence;
    }

    /** {@link #open(Clock)}, counting into {@code metrics}. */
    Persistence open(Clock clock, Metrics metrics) {
        Persistence persistence = Persistence.open(settings, clock, metrics);
        opened.add(persistence);
        return persistence;
    }

    /**
     * Closes {@code persistence} now and not again after the test: for a test that restarts or stops an instance
     * and goes on.
     */
    void close(Persistence persistence) {
        persistence.close();
        opened.remove(persistence);
    }
}
