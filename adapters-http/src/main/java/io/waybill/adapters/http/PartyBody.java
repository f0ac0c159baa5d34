package io.waybill.adapters.http;

import static io.waybill.adapters.http.JsonFields.checkedBy;

import io.waybill.domain.Address;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import java.util.Optional;

/**
 * Reads a sender or receiver in a shipment body: {@code {id?, name, address?, phone?}}. Each field is checked by the
 * domain type that holds it, so that every bad field is reported, not only the first.
 */
final class PartyBody {

    private PartyBody() {}

    static Optional<Party> party(JsonFields party) {
        party.required("name");
        Optional<String> id = party.text("id", checkedBy(text -> new Party(Optional.of(text), Optional.of("x"),
                Address.NONE, Optional.empty())));
        Optional<String> name = party.text("name", checkedBy(text -> new Party(Optional.empty(),
                Optional.of(text), Address.NONE, Optional.empty())));
        Address address = party.object("address").flatMap(AddressBody::address).orElse(Address.NONE);
        Optional<Phone> phone = party.text("phone", Phone::new);
        party.rejectUnknownFields();
        return party.valid() ? Optional.of(new Party(id, name, address, phone)) : Optional.empty();
    }
}
