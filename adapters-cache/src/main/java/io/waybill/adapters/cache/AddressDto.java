package io.waybill.adapters.cache;

import static io.waybill.adapters.cache.JsonNulls.optional;
import static io.waybill.adapters.cache.JsonNulls.orNull;

import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import java.util.Optional;

/** An address as the cache stores it in JSON: each part absent is null. */
record AddressDto(String street, String zip, String city, String country) {

    static AddressDto of(Address address) {
        return new AddressDto(address.street().orElse(null), address.zip().orElse(null),
                address.city().orElse(null), orNull(address.country(), CountryCode::value));
    }

    Address toAddress() {
        return new Address(Optional.ofNullable(street), Optional.ofNullable(zip), Optional.ofNullable(city),
                optional(country, CountryCode::new));
    }
}
