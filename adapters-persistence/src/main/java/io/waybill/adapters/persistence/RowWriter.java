package io.waybill.adapters.persistence;

import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes the values of rows for {@link BulkInsert}, column after column in the order of its columns, each row ended by
 * {@link #endRow}: the counterpart of {@link ColumnReader}. A value that is absent is NULL. Column groups are as
 * {@link Columns} lists them.
 */
interface RowWriter {

    /** NULL for null. */
    RowWriter text(String value) throws SQLException;

    RowWriter integer(int value) throws SQLException;

    /** NULL for null. */
    RowWriter integer(Integer value) throws SQLException;

    RowWriter longInteger(long value) throws SQLException;

    RowWriter bool(boolean value) throws SQLException;

    RowWriter decimal(Optional<BigDecimal> value) throws SQLException;

    RowWriter uuid(Optional<UUID> value) throws SQLException;

    RowWriter date(Optional<LocalDate> value) throws SQLException;

    /** A {@code TIMESTAMP WITH TIME ZONE} column alone, to the microsecond as the databases keep it; NULL for null. */
    RowWriter timestamp(OffsetDateTime value) throws SQLException;

    /** Ends the row: the next value is the first column's of the next row. */
    void endRow() throws SQLException;

    default RowWriter text(Optional<String> value) throws SQLException {
        return text(value.orElse(null));
    }

    /** The three columns of a time that keeps its offset, as {@link Times} describes them; all NULL when empty. */
    default RowWriter time(Optional<OffsetDateTime> value) throws SQLException {
        return timestamp(value.map(Times::instantColumn).orElse(null))
                .integer(value.map(Times::offsetColumn).orElse(null))
                .integer(value.map(Times::nanoColumn).orElse(null));
    }

    default RowWriter address(Optional<Address> address) throws SQLException {
        return text(address.flatMap(Address::street))
                .text(address.flatMap(Address::zip))
                .text(address.flatMap(Address::city))
                .text(address.flatMap(Address::country).map(CountryCode::value));
    }

    default RowWriter party(Optional<Party> party) throws SQLException {
        return text(party.flatMap(Party::id))
                .text(party.flatMap(Party::name))
                .address(party.map(Party::address))
                .text(party.flatMap(Party::phone).map(Phone::value));
    }
}
