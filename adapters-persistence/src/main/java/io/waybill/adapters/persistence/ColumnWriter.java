package io.waybill.adapters.persistence;

import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Binds a row's parameters by index, one after the other from the first, with plain JDBC: the counterpart of
 * {@link ColumnReader} for statements that run too often for Jdbi's named binding, such as the batches of an import.
 * A value that is absent is NULL of the column's type, so that every row of a batch binds the same types and
 * PostgreSQL's driver can rewrite the batch into multi-row inserts. Column groups are as {@link Columns} lists them.
 */
final class ColumnWriter {

    private final PreparedStatement statement;
    private int next = 1;

    ColumnWriter(PreparedStatement statement) {
        this.statement = statement;
    }

    /** NULL for null. */
    ColumnWriter text(String value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.VARCHAR);
        } else {
            statement.setString(next++, value);
        }
        return this;
    }

    ColumnWriter text(Optional<String> value) throws SQLException {
        return text(value.orElse(null));
    }

    ColumnWriter integer(int value) throws SQLException {
        statement.setInt(next++, value);
        return this;
    }

    /** NULL for null. */
    ColumnWriter integer(Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.INTEGER);
            return this;
        }
        return integer(value.intValue());
    }

    ColumnWriter longInteger(long value) throws SQLException {
        statement.setLong(next++, value);
        return this;
    }

    ColumnWriter bool(boolean value) throws SQLException {
        statement.setBoolean(next++, value);
        return this;
    }

    ColumnWriter decimal(Optional<BigDecimal> value) throws SQLException {
        if (value.isEmpty()) {
            statement.setNull(next++, Types.NUMERIC);
        } else {
            statement.setBigDecimal(next++, value.get());
        }
        return this;
    }

    /** NULL untyped: PostgreSQL refuses a NULL typed as text for a UUID column. */
    ColumnWriter uuid(Optional<UUID> value) throws SQLException {
        if (value.isEmpty()) {
            statement.setNull(next++, Types.OTHER);
        } else {
            statement.setObject(next++, value.get());
        }
        return this;
    }

    ColumnWriter date(Optional<LocalDate> value) throws SQLException {
        if (value.isEmpty()) {
            statement.setNull(next++, Types.DATE);
        } else {
            statement.setObject(next++, value.get(), Types.DATE);
        }
        return this;
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column alone; NULL for null. */
    ColumnWriter timestamp(OffsetDateTime value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(next++, value);
        }
        return this;
    }

    /** The three columns of a time that keeps its offset, as {@link Times} describes them; all NULL when empty. */
    ColumnWriter time(Optional<OffsetDateTime> value) throws SQLException {
        return timestamp(value.map(Times::instantColumn).orElse(null))
                .integer(value.map(Times::offsetColumn).orElse(null))
                .integer(value.map(Times::nanoColumn).orElse(null));
    }

    ColumnWriter address(Optional<Address> address) throws SQLException {
        return text(address.flatMap(Address::street))
                .text(address.flatMap(Address::zip))
                .text(address.flatMap(Address::city))
                .text(address.flatMap(Address::country).map(CountryCode::value));
    }

    ColumnWriter party(Optional<Party> party) throws SQLException {
        return text(party.flatMap(Party::id))
                .text(party.flatMap(Party::name))
                .address(party.map(Party::address))
                .text(party.flatMap(Party::phone).map(Phone::value));
    }
}
