package io.waybill.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.sqlite.SQLiteException;

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

    /** Whether the cause is a broken unique constraint (SQLSTATE 23505, or SQLite's codes for it; see {@link #sqlState}). */
    static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedactedFailure redacted && "23505".equals(redacted.sqlState())) {
                return true;
            }
            // A failed batch may tell the reason only in the exception chained to it.
            SQLException sql = cause instanceof SQLException e ? e : null;
            for (; sql != null; sql = sql.getNextException()) {
                if ("23505".equals(sqlState(sql))) {
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
            return sqlState(sql);
        }
        return failure instanceof RedactedFailure redacted ? redacted.sqlState() : null;
    }

    /**
     * The exception's SQLSTATE. SQLite's driver gives none, only SQLite's own result codes, so those that say the
     * same are given the standard's state: a broken unique or primary key 23505, other constraints their 23 states,
     * a value of the wrong type or too big 22000; the others none.
     */
    static String sqlState(SQLException failure) {
        if (failure.getSQLState() != null || !(failure instanceof SQLiteException sqlite)) {
            return failure.getSQLState();
        }
        return switch (sqlite.getResultCode()) {
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> "23505";
            case SQLITE_CONSTRAINT_FOREIGNKEY -> "23503";
            case SQLITE_CONSTRAINT_NOTNULL -> "23502";
            case SQLITE_CONSTRAINT_CHECK -> "23514";
            case SQLITE_TOOBIG, SQLITE_MISMATCH -> "22000";
            default -> sqlite.getResultCode().name().startsWith("SQLITE_CONSTRAINT") ? "23000" : null;
        };
    }

    /** SQLite's result code, such as {@code SQLITE_BUSY}, which names no value; null for other drivers' failures. */
    static String sqliteCode(Throwable failure) {
        return failure instanceof SQLiteException sqlite ? sqlite.getResultCode().name() : null;
    }
}
