package io.waybill.adapters.persistence;

import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Optional values and the column groups that several tables share: an address is {@code <prefix>_street},
 * {@code _zip}, {@code _city}, {@code _country}; a party adds {@code _id}, {@code _name} and {@code _phone}. A value
 * that is absent is NULL, never an empty string.
 */
final class Columns {

    private Columns() {}

    static Optional<String> text(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    static Optional<CountryCode> country(ResultSet row, String column) throws SQLException {
        return text(row, column).map(CountryCode::new);
    }

    static Address address(ResultSet row, String prefix) throws SQLException {
        return new Address(text(row, prefix + "_street"), text(row, prefix + "_zip"), text(row, prefix + "_city"),
                country(row, prefix + "_country"));
    }

    /** Empty when the name, which every party has, is NULL. */
    static Optional<Party> party(ResultSet row, String prefix) throws SQLException {
        String name = row.getString(prefix + "_name");
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(new Party(text(row, prefix + "_id"), name, address(row, prefix),
                text(row, prefix + "_phone").map(Phone::new)));
    }

    /** Binds NULL untyped: PostgreSQL refuses a NULL typed as text (the default) for a UUID column. */
    static void bindUuid(SqlStatement<?> statement, String name, Optional<UUID> value) {
        if (value.isPresent()) {
            statement.bind(name, value.get());
        } else {
            statement.bindNull(name, Types.OTHER);
        }
    }

    static void bindAddress(SqlStatement<?> statement, String prefix, Optional<Address> address) {
        statement.bind(prefix + "_street", address.flatMap(Address::street).orElse(null))
                .bind(prefix + "_zip", address.flatMap(Address::zip).orElse(null))
                .bind(prefix + "_city", address.flatMap(Address::city).orElse(null))
                .bind(prefix + "_country", address.flatMap(Address::country).map(CountryCode::value).orElse(null));
    }

    static void bindParty(SqlStatement<?> statement, String prefix, Optional<Party> party) {
        statement.bind(prefix + "_id", party.flatMap(Party::id).orElse(null))
                .bind(prefix + "_name", party.map(Party::name).orElse(null))
                .bind(prefix + "_phone", party.flatMap(Party::phone).map(Phone::value).orElse(null));
        bindAddress(statement, prefix, party.map(Party::address));
    }
}
