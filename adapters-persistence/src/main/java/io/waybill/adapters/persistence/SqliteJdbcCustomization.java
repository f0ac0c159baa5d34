package io.waybill.adapters.persistence;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How db-scheduler talks to SQLite, which it does not know: times as INTEGER microseconds since the epoch, as every
 * time is kept on SQLite here (see {@link Engine}), and {@code LIMIT n}, as SQLite has no {@code FETCH FIRST}.
 *
 * <p>db-scheduler's default binds a {@code java.sql.Timestamp}, which sqlite-jdbc stores as INTEGER milliseconds
 * (whatever the calendar) and reads back as such: that would work, but in a unit no other table uses, and it drops the
 * microseconds PostgreSQL keeps. Every time db-scheduler binds or reads goes through {@link #setInstant} and
 * {@link #getInstant}, so {@code execution_time <= ?} compares integers with integers. Thread-safe (stateless).
 */
final class SqliteJdbcCustomization extends DefaultJdbcCustomization {

    SqliteJdbcCustomization() {
        super(true);
    }

    @Override
    public String getName() {
        return "SQLite (Waybill)";
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, ChronoUnit.MICROS.between(Instant.EPOCH, value));
        }
    }

    @Override
    public Instant getInstant(ResultSet row, String column) throws SQLException {
        long micros = row.getLong(column);
        return row.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }
}
