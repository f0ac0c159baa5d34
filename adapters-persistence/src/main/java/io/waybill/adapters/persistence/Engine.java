package io.waybill.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * The two databases Waybill runs on, and what differs between them beyond the migrations: how times, UUIDs and dates
 * are stored, and how a statement takes a list of values.
 *
 * <ul>
 *   <li>PostgreSQL has the types: {@code TIMESTAMP WITH TIME ZONE} (to the microsecond), {@code UUID}, {@code DATE},
 *       and arrays ({@code = ANY(?)}).
 *   <li>SQLite, the embedded default, has none of them. A time is an {@code INTEGER} of microseconds since the epoch,
 *       which orders and compares as times do and keeps what PostgreSQL keeps; a UUID and a date are their text (a
 *       date in ISO order, {@code 2026-12-06}); a list is a JSON array, read with {@code json_each}. Exact decimals
 *       are text columns, bound and read as {@code BigDecimal} by both.
 * </ul>
 */
enum Engine {

    POSTGRES {
        @Override
        Object time(OffsetDateTime value) {
            return value;
        }

        @Override
        OffsetDateTime readTime(ResultSet row, int column) throws SQLException {
            return row.getObject(column, OffsetDateTime.class);
        }

        @Override
        void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.OTHER); // PostgreSQL refuses a NULL typed as text for a UUID column
            } else {
                statement.setObject(index, value);
            }
        }

        @Override
        UUID readUuid(ResultSet row, int column) throws SQLException {
            return row.getObject(column, UUID.class);
        }

        @Override
        void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
            statement.setObject(index, value, Types.DATE);
        }

        @Override
        LocalDate readDate(ResultSet row, int column) throws SQLException {
            return row.getObject(column, LocalDate.class);
        }

        @Override
        String anyOf(String column) {
            return column + " = ANY(?)";
        }

        @Override
        void setList(PreparedStatement statement, int index, Stream<String> values) throws SQLException {
            Connection connection = statement.getConnection();
            statement.setArray(index, connection.createArrayOf("VARCHAR", values.distinct().toArray(String[]::new)));
        }
    },

    SQLITE {
        @Override
        Object time(OffsetDateTime value) {
            if (value == null) {
                return null;
            }
            Instant instant = value.toInstant();
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS), instant.getNano() / 1_000);
        }

        @Override
        OffsetDateTime readTime(ResultSet row, int column) throws SQLException {
            long micros = row.getLong(column);
            if (row.wasNull()) {
                return null;
            }
            return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS), Math.floorMod(micros, MICROS) * 1_000L)
                    .atOffset(ZoneOffset.UTC);
        }

        @Override
        void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
            statement.setString(index, value == null ? null : value.toString());
        }

        @Override
        UUID readUuid(ResultSet row, int column) throws SQLException {
            String text = row.getString(column);
            return text == null ? null : UUID.fromString(text);
        }

        @Override
        void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
            statement.setString(index, value == null ? null : value.toString());
        }

        @Override
        LocalDate readDate(ResultSet row, int column) throws SQLException {
            String text = row.getString(column);
            return text == null ? null : LocalDate.parse(text);
        }

        @Override
        String anyOf(String column) {
            return column + " IN (SELECT value FROM json_each(?))";
        }

        @Override
        void setList(PreparedStatement statement, int index, Stream<String> values) throws SQLException {
            statement.setString(index, values.distinct().map(Engine::jsonString).collect(Collectors.joining(",", "[", "]")));
        }
    };

    private static final long MICROS = 1_000_000;

    /** The engine of a JDBC URL that {@link DatabaseSettings} accepts. */
    static Engine of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        throw new IllegalArgumentException("not a PostgreSQL or SQLite URL: " + jdbcUrl);
    }

    /** What to bind, with JDBC's {@code setObject} or Jdbi, for a time column; null for NULL. */
    abstract Object time(OffsetDateTime value);

    /** A time column's value in UTC (PostgreSQL's in the offset it reads it with); null for NULL. */
    abstract OffsetDateTime readTime(ResultSet row, int column) throws SQLException;

    void setTime(PreparedStatement statement, int index, OffsetDateTime value) throws SQLException {
        if (value == null) {
            statement.setNull(index, this == POSTGRES ? Types.TIMESTAMP_WITH_TIMEZONE : Types.BIGINT);
        } else {
            statement.setObject(index, time(value));
        }
    }

    /** NULL for null. */
    abstract void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException;

    abstract UUID readUuid(ResultSet row, int column) throws SQLException;

    /** NULL for null. */
    abstract void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException;

    abstract LocalDate readDate(ResultSet row, int column) throws SQLException;

    /**
     * Begins a transaction on {@code connection} that reads before it writes, and may last: on SQLite with the write
     * lock taken at once ({@code BEGIN IMMEDIATE}). A transaction that began reading (SQLite's default,
     * {@code DEFERRED}) cannot write any more once another connection has committed, and fails with
     * {@code SQLITE_BUSY_SNAPSHOT} at its first write; with the lock taken, other writers wait for it instead, up to
     * the busy timeout. The driver begins with the mode of the connection's configuration, at
     * {@code setAutoCommit(false)} and again right after each commit or rollback; so the mode goes back to
     * {@code DEFERRED} as soon as this transaction has begun, and the one begun after its commit takes no lock.
     */
    void beginLongTransaction(Connection connection) throws SQLException {
        if (this != SQLITE) {
            connection.setAutoCommit(false);
            return;
        }
        SQLiteConnectionConfig config = connection.unwrap(SQLiteConnection.class).getConnectionConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            connection.setAutoCommit(false);
        } finally {
            config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        }
    }

    /** A condition that {@code column} is one of the values bound with {@link #setList} to its one parameter. */
    abstract String anyOf(String column);

    /** Binds the distinct values for a condition of {@link #anyOf}. */
    abstract void setList(PreparedStatement statement, int index, Stream<String> values) throws SQLException;

    // A JSON string: quotes and backslashes escaped, and the control characters, which no number or carrier has.
    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
