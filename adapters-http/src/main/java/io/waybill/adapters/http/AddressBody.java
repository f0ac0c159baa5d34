package io.waybill.adapters.http;

import static io.waybill.adapters.http.JsonFields.checkedBy;

import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import java.util.Optional;

/**
 * Reads an address {@code {street?, zip?, city?, country?}}, a party's or a place's. Each part is checked by the
 * domain's own rule, so that every bad part is reported, not only the first.
 */
final class AddressBody {

    private AddressBody() {}

    static Optional<Address> address(JsonFields address) {
        Optional<String> street = address.text("street", checkedBy(text -> Address.of(text, null, null, null)));
        Optional<String> zip = address.text("zip", checkedBy(text -> Address.of(null, text, null, null)));
        Optional<String> city = address.text("city", checkedBy(text -> Address.of(null, null, text, null)));
        Optional<CountryCode> country = address.text("country", CountryCode::of);
        address.rejectUnknownFields();
        return address.valid() ? Optional.of(new Address(street, zip, city, country)) : Optional.empty();
    }
}
