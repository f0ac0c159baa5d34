package io.waybill.adapters.persistence;

import io.waybill.domain.CarrierTrackingNumber;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a connection of its own to the {@link ChangeChannel} of its schema, on a daemon thread started by the
 * first {@link #subscribe}, and hands the numbers that other instances announce to the listeners; all that arrived
 * together go in one call. The connection is checked with a query after {@link #KEEP_ALIVE} of silence; when it fails,
 * a new one is tried every {@code retryAfter}, and the listeners are told, once it listens again, that they may have
 * missed changes. One warning is logged for each time the reports stop. Thread-safe.
 */
final class PostgresShipmentChanges extends ShipmentChangesThread {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresShipmentChanges.class);
    private static final int WAIT_MILLIS = 250;
    static final Duration KEEP_ALIVE = Duration.ofSeconds(5);

    private final ListeningConnector connector;
    private final ChangeChannel channel;
    private final Duration retryAfter;

    PostgresShipmentChanges(ListeningConnector connector, ChangeChannel channel, Duration retryAfter) {
        this.connector = connector;
        this.channel = channel;
        this.retryAfter = retryAfter;
    }

    @Override
    void run() {
        boolean failing = false;
        while (!closed()) {
            try (Connection connection = connector.connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel.quotedName());
                }
                if (failing) {
                    LOG.info("Changes made through other instances are reported to this one again");
                    failing = false;
                }
                deliverMissed();
                receive(connection);
            } catch (SQLException | RuntimeException lost) {
                if (!closed() && !failing) {
                    LOG.warn("Changes made through other instances are not reported to this one ({}); trying again"
                            + " every {} ms, and until then this instance's caches may serve what they changed",
                            lost.getMessage(), retryAfter.toMillis());
                    failing = true;
                }
                LOG.debug("The loss", lost);
            }
            if (!closed()) {
                LockSupport.parkNanos(retryAfter.toNanos());
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long heard = System.nanoTime();
        while (!closed()) {
            PGNotification[] arrived = notifications.getNotifications(WAIT_MILLIS);
            if (arrived != null && arrived.length > 0) {
                heard = System.nanoTime();
                Set<CarrierTrackingNumber> numbers = othersNumbers(arrived);
                if (!numbers.isEmpty()) {
                    deliverChanged(numbers);
                }
            } else if (System.nanoTime() - heard > KEEP_ALIVE.toNanos()) {
                try (Statement alive = connection.createStatement()) {
                    alive.execute("SELECT 1"); // fails, within the socket timeout, on a connection that is gone
                }
                heard = System.nanoTime();
            }
        }
    }

    private Set<CarrierTrackingNumber> othersNumbers(PGNotification[] arrived) {
        Set<CarrierTrackingNumber> numbers = new LinkedHashSet<>();
        for (PGNotification notification : arrived) {
            ChangeNotices.parse(notification.getParameter())
                    .filter(notice -> !notice.origin().equals(channel.origin()))
                    .ifPresent(notice -> numbers.addAll(notice.numbers()));
        }
        return numbers;
    }
}
