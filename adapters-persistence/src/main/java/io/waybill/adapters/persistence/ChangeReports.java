package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ShipmentChanges;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
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
                connector(settings, channel), channel, RETRY_AFTER)));
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

    /**
     * New connections to the database {@code settings} name, which the server lists under the channel's name, and
     * which fail within seconds when the server stops answering.
     */
    private static PostgresShipmentChanges.Connector connector(DatabaseSettings settings, ChangeChannel channel) {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("ApplicationName", "waybill changes " + channel.name());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        return () -> DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    private static String currentSchema(Jdbi jdbi) {
        return Objects.requireNonNullElse(
                jdbi.withHandle(handle -> handle.createQuery("SELECT current_schema()").mapTo(String.class).one()), "");
    }
}
