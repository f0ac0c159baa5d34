package io.waybill.adapters.persistence;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Binds the parameters of a statement by index, one after the other from the first, with plain JDBC, and adds each
 * row to the statement's batch. A value that is absent is NULL of the column's type, so that every row of a batch
 * binds the same types.
 */
final class ColumnWriter implements RowWriter {

    private final PreparedStatement statement;
    private final Engine engine;
    private int next = 1;
    private int rows;

    ColumnWriter(PreparedStatement statement, Engine engine) {
        this.statement = statement;
        this.engine = engine;
    }

    /** How many rows were added to the batch. */
    int rows() {
        return rows;
    }

    @Override
    public ColumnWriter text(String value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.VARCHAR);
        } else {
            statement.setString(next++, value);
        }
        return this;
    }

    @Override
    public ColumnWriter integer(int value) throws SQLException {
        statement.setInt(next++, value);
        return this;
    }

    @Override
    public ColumnWriter integer(Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.INTEGER);
            return this;
        }
        return integer(value.intValue());
    }

    @Override
    public ColumnWriter longInteger(long value) throws SQLException {
        statement.setLong(next++, value);
        return this;
    }

    @Override
    public ColumnWriter bool(boolean value) throws SQLException {
        statement.setBoolean(next++, value);
        return this;
    }

    @Override
    public ColumnWriter decimal(Optional<BigDecimal> value) throws SQLException {
        if (value.isEmpty()) {
            statement.setNull(next++, Types.NUMERIC);
        } else {
            statement.setBigDecimal(next++, value.get());
        }
        return this;
    }

    @Override
    public ColumnWriter uuid(Optional<UUID> value) throws SQLException {
        engine.setUuid(statement, next++, value.orElse(null));
        return this;
    }

    @Override
    public ColumnWriter date(Optional<LocalDate> value) throws SQLException {
        engine.setDate(statement, next++, value.orElse(null));
        return this;
    }

    @Override
    public ColumnWriter timestamp(OffsetDateTime value) throws SQLException {
        engine.setTime(statement, next++, value);
        return this;
    }

    @Override
    public void endRow() throws SQLException {
        statement.addBatch();
        rows++;
        next = 1;
    }
}
