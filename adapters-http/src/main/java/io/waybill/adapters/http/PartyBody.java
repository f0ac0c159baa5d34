package io.waybill.adapters.http;

import static io.waybill.adapters.http.JsonFields.checkedBy;

import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import java.util.Optional;

/**
 * Reads the people in a shipment body: a sender or receiver {@code {id?, name, address?, phone?}}, an address
 * {@code {street?, zip?, city?, country?}}, a customer {@code {id, name, slug}}. Each field is checked by the domain
 * type that holds it, so that every bad field is reported, not only the first.
 */
final class PartyBody {

    private PartyBody() {}

    static Optional<Party> party(JsonFields party) {
        party.required("name");
        Optional<String> id = party.text("id", checkedBy(text -> new Party(Optional.of(text), Optional.of("x"),
                Address.NONE, Optional.empty())));
        Optional<String> name = party.text("name", checkedBy(text -> new Party(Optional.empty(),
                Optional.of(text), Address.NONE, Optional.empty())));
        Address address = party.object("address").flatMap(PartyBody::address).orElse(Address.NONE);
        Optional<Phone> phone = party.text("phone", Phone::new);
        party.rejectUnknownFields();
        return party.valid() ? Optional.of(new Party(id, name, address, phone)) : Optional.empty();
    }

    static Optional<Address> address(JsonFields address) {
        Optional<String> street = address.text("street", checkedBy(text -> Address.of(text, null, null, null)));
        Optional<String> zip = address.text("zip", checkedBy(text -> Address.of(null, text, null, null)));
        Optional<String> city = address.text("city", checkedBy(text -> Address.of(null, null, text, null)));
        Optional<CountryCode> country = address.text("country", CountryCode::of);
        address.rejectUnknownFields();
        return address.valid() ? Optional.of(new Address(street, zip, city, country)) : Optional.empty();
    }

    static Optional<Customer> customer(JsonFields customer) {
        customer.required("id", "name", "slug");
        Optional<CustomerId> id = customer.text("id", CustomerId::parse);
        Optional<CustomerName> name = customer.text("name", CustomerName::new);
        Optional<CustomerSlug> slug = customer.text("slug", CustomerSlug::new);
        customer.rejectUnknownFields();
        return customer.valid()
                ? Optional.of(new Customer(id.orElseThrow(), name.orElseThrow(), slug.orElseThrow()))
                : Optional.empty();
    }
}
