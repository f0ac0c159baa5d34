package io.waybill.adapters.cache;

import static io.waybill.adapters.cache.JsonNulls.optional;
import static io.waybill.adapters.cache.JsonNulls.orNull;

import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import java.util.Optional;

/** A sender or receiver as the cache stores it in JSON. */
record PartyDto(String id, String name, AddressDto address, String phone) {

    static PartyDto of(Party party) {
        return new PartyDto(party.id().orElse(null), party.name().orElse(null), AddressDto.of(party.address()),
                orNull(party.phone(), Phone::value));
    }

    Party toParty() {
        return new Party(Optional.ofNullable(id), Optional.ofNullable(name), address.toAddress(),
                optional(phone, Phone::new));
    }
}
