package io.waybill.adapters.persistence;

import io.waybill.application.port.out.StorageUnavailableException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.jdbi.v3.core.JdbiException;

/**
 * What a database failure may tell a log or a caller: the types of the exceptions and their SQLSTATEs, never their
 * messages. Drivers and Jdbi quote the statement in their messages, and with it the values bound (PostgreSQL's
 * {@code Batch entry 0 INSERT INTO ... VALUES (...)}, its {@code Key (..)=(..)} details, SQLite's constraint messages, Jdbi's
 * arguments): customers' names and phones. The failures that leave this adapter, as log lines or as causes of the
 * port's exceptions, are made here.
 */
final class DatabaseFailures {

    // Deep enough for Jdbi over Hikari over the driver, with the driver's next exceptions; bounds a cyclic chain.
    private static final int MAX_DEPTH = 8;

    private static final Map<String, String> SQLSTATE_CLASSES = Map.ofEntries(
            Map.entry("08", "connection exception"), Map.entry("22", "data exception"),
            Map.entry("23", "integrity constraint violation"), Map.entry("25", "invalid transaction state"),
            Map.entry("28", "invalid authorization"), Map.entry("3D", "invalid catalog name"),
            Map.entry("3F", "invalid schema name"), Map.entry("40", "transaction rollback"),
            Map.entry("42", "syntax error or access rule violation"), Map.entry("53", "insufficient resources"),
            Map.entry("54", "program limit exceeded"), Map.entry("55", "object not in prerequisite state"),
            Map.entry("57", "operator intervention"), Map.entry("58", "system error"));

    private DatabaseFailures() {}

    /**
     * Runs {@code work} on the database, turning its failures, through Jdbi or plain JDBC, into the port's
     * {@link StorageUnavailableException}, which says what failed but carries none of the driver's words.
     */
    static <T> T attempt(String what, Work<T> work) {
        try {
            return work.get();
        } catch (JdbiException | SQLException e) {
            throw new StorageUnavailableException("could not " + what + ": " + describe(e), redacted(e));
        }
    }

    /** Work on the database; plain JDBC throws {@link SQLException}s, Jdbi {@link JdbiException}s. */
    @FunctionalInterface
    interface Work<T> {
        T get() throws SQLException;
    }

    /** Such as {@code BatchUpdateException [SQLSTATE 42P01: syntax error or access rule violation] <- ...}. */
    static String describe(Throwable failure) {
        StringJoiner chain = new StringJoiner(" <- ");
        for (Throwable link : links(failure)) {
            chain.add(describeOne(link));
        }
        return chain.toString();
    }

    /**
     * A copy of {@code failure} and its causes that keeps their types (in the message), SQLSTATEs and stack traces, but
     * none of their messages: safe to log or to hand on as a cause.
     */
    static RuntimeException redacted(Throwable failure) {
        List<Throwable> links = links(failure);
        RedactedFailure copy = null;
        for (int i = links.size() - 1; i >= 0; i--) {
            Throwable link = links.get(i);
            copy = new RedactedFailure(describeOne(link), sqlState(link), copy, link.getStackTrace());
        }
        return copy;
    }

    private static String sqlState(Throwable link) {
        return link instanceof SQLException sql ? Jdbc.sqlState(sql) : null;
    }

    private static String describeOne(Throwable link) {
        String type = link.getClass().getSimpleName();
        String sqlite = Jdbc.sqliteCode(link);
        String state = sqlState(link);
        if (state != null) {
            String meaning = state.length() >= 2 ? SQLSTATE_CLASSES.get(state.substring(0, 2)) : null;
            return type + " [" + (sqlite == null ? "" : sqlite + ", ") + "SQLSTATE " + state
                    + (meaning == null ? "" : ": " + meaning) + "]";
        }
        return sqlite == null ? type : type + " [" + sqlite + "]";
    }

    // The causes, and after each SQLException the exceptions chained to it with setNextException: a failed batch
    // tells its reason only there.
    private static List<Throwable> links(Throwable failure) {
        List<Throwable> links = new ArrayList<>();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && links.size() < MAX_DEPTH; cause = cause.getCause()) {
            if (!seen.add(cause)) {
                break;
            }
            links.add(cause);
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && links.size() < MAX_DEPTH;
                        next = next.getNextException()) {
                    if (seen.add(next)) {
                        links.add(next);
                    } else {
                        break;
                    }
                }
            }
        }
        return links;
    }
}
