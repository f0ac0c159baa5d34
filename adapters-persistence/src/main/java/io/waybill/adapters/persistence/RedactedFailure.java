package io.waybill.adapters.persistence;

/**
 * A database failure stripped of its message by {@link DatabaseFailures#redacted}; says which type it stands for, and
 * keeps the SQLSTATE so that callers can still tell a refused row from an outage.
 */
final class RedactedFailure extends RuntimeException {

    private final String sqlState;

    RedactedFailure(String description, String sqlState, RedactedFailure cause, StackTraceElement[] stackTrace) {
        super(description, cause, false, true);
        this.sqlState = sqlState;
        setStackTrace(stackTrace);
    }

    /** The SQLSTATE of the exception this stands for; null when it had none. */
    String sqlState() {
        return sqlState;
    }
}
