package io.waybill.adapters.persistence;

import java.sql.SQLException;

/** Reading what went wrong from JDBC exceptions. */
final class Jdbc {

    private Jdbc() {}

    /** Whether the cause is an integrity constraint violation (SQLSTATE class 23), which retrying cannot mend. */
    static boolean isConstraintViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
