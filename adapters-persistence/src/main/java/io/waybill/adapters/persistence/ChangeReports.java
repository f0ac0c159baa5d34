package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ShipmentChanges;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * How this instance announces its changes to shipments and hears the other instances' ones: with {@code NOTIFY} and
 * {@code LISTEN} on PostgreSQL, on the channel of its schema (the connection's current one when none is configured);
 * not at all on H2, which one process at a time uses.
 */
final class ChangeReports implements AutoCloseable {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ChangeNotifier notifier;
    private final Optional<PostgresShipmentChanges> listening;

    private ChangeReports(ChangeNotifier notifier, Optional<PostgresShipmentChanges> listening) {
        this.notifier = notifier;
        this.listening = listening;
    }

    static ChangeReports forDatabase(DatabaseSettings settings, Jdbi jdbi) {
        if (!settings.isPostgres()) {
            return new ChangeReports(ChangeNotifier.none(), Optional.empty());
        }
        ChangeChannel channel = ChangeChannel.forSchema(settings.schema().orElseGet(() -> currentSchema(jdbi)));
        return new ChangeReports(ChangeNotifier.postgres(channel), Optional.of(new PostgresShipmentChanges(
                ListeningConnector.to(settings, channel), channel, RETRY_AFTER)));
    }

    ChangeNotifier notifier() {
        return notifier;
    }

    ShipmentChanges changes() {
        return listening.<ShipmentChanges>map(changes -> changes).orElseGet(ShipmentChanges::none);
    }

    @Override
    public void close() {
        listening.ifPresent(PostgresShipmentChanges::close);
    }

    private static String currentSchema(Jdbi jdbi) {
        return Objects.requireNonNullElse(
                jdbi.withHandle(handle -> handle.createQuery("SELECT current_schema()").mapTo(String.class).one()), "");
    }
}
