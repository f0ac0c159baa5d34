package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ShipmentChanges;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * How this instance announces its changes to shipments and hears the other instances' ones: with {@code NOTIFY} and
 * {@code LISTEN} on PostgreSQL, on the channel of its schema (the connection's current one when none is configured);
 * with rows of {@code shipment_changes} on SQLite, read every {@value #SQLITE_EVERY_MS} ms.
 */
final class ChangeReports implements AutoCloseable {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    static final long SQLITE_EVERY_MS = 200;
    // Long past the time any reader takes to read them; a reader that stalls longer is told it may have missed some.
    private static final Duration SQLITE_KEEP = Duration.ofMinutes(1);

    private final ChangeNotifier notifier;
    private final ShipmentChanges changes;
    private final Runnable stopListening;

    private ChangeReports(ChangeNotifier notifier, ShipmentChanges changes, Runnable stopListening) {
        this.notifier = notifier;
        this.changes = changes;
        this.stopListening = stopListening;
    }

    static ChangeReports forDatabase(DatabaseSettings settings, Jdbi jdbi, Clock clock) {
        if (settings.engine() == Engine.SQLITE) {
            String origin = ChangeChannel.newOrigin();
            SqliteShipmentChanges changes =
                    new SqliteShipmentChanges(jdbi, origin, Duration.ofMillis(SQLITE_EVERY_MS));
            return new ChangeReports(ChangeNotifier.sqlite(origin, clock, SQLITE_KEEP), changes, changes::close);
        }
        ChangeChannel channel = ChangeChannel.forSchema(settings.schema().orElseGet(() -> currentSchema(jdbi)));
        PostgresShipmentChanges changes =
                new PostgresShipmentChanges(ListeningConnector.to(settings, channel), channel, RETRY_AFTER);
        return new ChangeReports(ChangeNotifier.postgres(channel), changes, changes::close);
    }

    ChangeNotifier notifier() {
        return notifier;
    }

    ShipmentChanges changes() {
        return changes;
    }

    @Override
    public void close() {
        stopListening.run();
    }

    private static String currentSchema(Jdbi jdbi) {
        return Objects.requireNonNullElse(
                jdbi.withHandle(handle -> handle.createQuery("SELECT current_schema()").mapTo(String.class).one()), "");
    }
}
