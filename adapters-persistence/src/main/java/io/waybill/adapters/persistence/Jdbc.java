package io.waybill.adapters.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.stream.Stream;

/** Reading what went wrong from JDBC exceptions. */
final class Jdbc {

    private Jdbc() {}

    /**
     * Whether the cause is bad data (SQLSTATE class 22) or a broken constraint (class 23): a fault of some row,
     * which retrying cannot mend, rather than of the database.
     */
    static boolean isRowFault(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String state = sqlState(cause);
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A {@code VARCHAR} array of the distinct values, for {@code column = ANY(?)}, which PostgreSQL and H2 (2.x) both
     * take.
     */
    static Array textArray(Connection connection, Stream<String> values) throws SQLException {
        return connection.createArrayOf("VARCHAR", values.distinct().toArray(String[]::new));
    }

    /** Whether the cause is a broken unique constraint (SQLSTATE 23505, on H2 and PostgreSQL alike). */
    static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedactedFailure redacted && "23505".equals(redacted.sqlState())) {
                return true;
            }
            // A failed batch may tell the reason only in the exception chained to it.
            SQLException sql = cause instanceof SQLException e ? e : null;
            for (; sql != null; sql = sql.getNextException()) {
                if ("23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Runs the work in a savepoint of the connection's transaction, which a failure rolls back to: PostgreSQL refuses
     * every statement of a transaction after one failed, until it is rolled back.
     */
    static void inSavepoint(Connection connection, Work work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            work.run();
        } catch (SQLException | RuntimeException e) {
            connection.rollback(savepoint);
            throw e;
        }
        connection.releaseSavepoint(savepoint);
    }

    /** Statements on a connection. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    // The SQLSTATE of a driver's exception, or of the redacted copy that stands for one.
    private static String sqlState(Throwable failure) {
        if (failure instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return failure instanceof RedactedFailure redacted ? redacted.sqlState() : null;
    }
}
