package io.waybill.adapters.persistence;

import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a row's columns by index, one after the other from a given column, so that a mapper reads them in the order
 * its statement selects them without counting. By index, since by name the drivers look the name up again for every
 * value of every row. Column groups are as {@link Columns} lists them.
 */
final class ColumnReader {

    private final ResultSet row;
    private final Engine engine;
    private int next;

    ColumnReader(ResultSet row, int first, Engine engine) {
        this.row = row;
        this.next = first;
        this.engine = engine;
    }

    /** Null for NULL. */
    String text() throws SQLException {
        return row.getString(next++);
    }

    Optional<String> optionalText() throws SQLException {
        return Optional.ofNullable(text());
    }

    /** From a NOT NULL column. */
    int integer() throws SQLException {
        return row.getInt(next++);
    }

    /** From a NOT NULL column. */
    long longInteger() throws SQLException {
        return row.getLong(next++);
    }

    Optional<Integer> optionalInteger() throws SQLException {
        int value = row.getInt(next++);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    Optional<Double> real() throws SQLException {
        double value = row.getDouble(next++);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /** From a NOT NULL column. */
    boolean bool() throws SQLException {
        return row.getBoolean(next++);
    }

    /** From a NOT NULL column: a BLOB of no bytes, which SQLite's driver may read as null, is no bytes. */
    byte[] bytes() throws SQLException {
        byte[] bytes = row.getBytes(next++);
        return bytes == null ? new byte[0] : bytes;
    }

    Optional<BigDecimal> decimal() throws SQLException {
        return Optional.ofNullable(row.getBigDecimal(next++));
    }

    Optional<UUID> uuid() throws SQLException {
        return Optional.ofNullable(engine.readUuid(row, next++));
    }

    Optional<LocalDate> date() throws SQLException {
        return Optional.ofNullable(engine.readDate(row, next++));
    }

    Optional<CountryCode> country() throws SQLException {
        return optionalText().map(CountryCode::new);
    }

    /** From a NOT NULL column. */
    Instant instant() throws SQLException {
        return engine.readTime(row, next++).toInstant();
    }

    Optional<Instant> optionalInstant() throws SQLException {
        return Optional.ofNullable(engine.readTime(row, next++)).map(OffsetDateTime::toInstant);
    }

    /** From the three columns of a time that keeps its offset; see {@link Times#read}. */
    Optional<OffsetDateTime> time() throws SQLException {
        Optional<OffsetDateTime> time = Times.read(row, next, engine);
        next += 3;
        return time;
    }

    Address address() throws SQLException {
        return new Address(optionalText(), optionalText(), optionalText(), country());
    }

    /** Empty when name, address and phone are all NULL: every party has one of them. */
    Optional<Party> party() throws SQLException {
        Optional<String> id = optionalText();
        Optional<String> name = optionalText();
        Address address = address();
        Optional<Phone> phone = optionalText().map(Phone::new);
        boolean none = name.isEmpty() && address.equals(Address.NONE) && phone.isEmpty();
        return none ? Optional.empty() : Optional.of(new Party(id, name, address, phone));
    }
}
