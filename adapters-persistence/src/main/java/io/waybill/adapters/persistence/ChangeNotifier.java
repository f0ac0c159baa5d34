package io.waybill.adapters.persistence;

import io.waybill.domain.CarrierTrackingNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Announces changes to shipments inside the transaction that makes them, so that the announcement is delivered if and
 * only if the change commits, and only after it has.
 */
@FunctionalInterface
interface ChangeNotifier {

    void announce(Connection connection, Collection<CarrierTrackingNumber> numbers) throws SQLException;

    /** For a database only this process uses (H2): no one else has a cache to keep coherent. */
    static ChangeNotifier none() {
        return (connection, numbers) -> {};
    }

    /** PostgreSQL's {@code pg_notify}, one statement for all of a transaction's numbers whatever their count. */
    static ChangeNotifier postgres(ChangeChannel channel) {
        return (connection, numbers) -> {
            if (numbers.isEmpty()) {
                return;
            }
            Object[] payloads = ChangeNotices.payloads(channel.origin(), numbers).toArray();
            try (PreparedStatement notify =
                    connection.prepareStatement("SELECT pg_notify(?, payload) FROM unnest(?) AS payload")) {
                notify.setString(1, channel.name());
                notify.setArray(2, connection.createArrayOf("text", payloads));
                notify.execute();
            }
        };
    }
}
