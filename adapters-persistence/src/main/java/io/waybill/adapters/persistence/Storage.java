package io.waybill.adapters.persistence;

import io.waybill.application.port.out.StorageUnavailableException;
import java.sql.SQLException;
import org.jdbi.v3.core.JdbiException;

/**
 * Turns database failures, through Jdbi or plain JDBC, into the port's {@link StorageUnavailableException}, which says
 * what failed but carries none of the driver's words: they quote statements with their values.
 */
final class Storage {

    private Storage() {}

    static <T> T attempt(String what, Work<T> work) {
        try {
            return work.get();
        } catch (JdbiException | SQLException e) {
            throw new StorageUnavailableException("could not " + what + ": " + DatabaseFailures.describe(e),
                    DatabaseFailures.redacted(e));
        }
    }

    /** Work on the database; plain JDBC throws {@link SQLException}s, Jdbi {@link JdbiException}s. */
    @FunctionalInterface
    interface Work<T> {
        T get() throws SQLException;
    }
}
