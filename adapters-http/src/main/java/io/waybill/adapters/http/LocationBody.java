package io.waybill.adapters.http;

import static io.waybill.adapters.http.JsonFields.checkedBy;

import io.waybill.domain.Address;
import io.waybill.domain.Location;
import java.util.Optional;

/**
 * Reads an event's location: a centre {@code {id, title, address?}} when it has an id, otherwise a place, an address
 * {@code {street?, zip?, city?, country?}} of at least one part.
 */
final class LocationBody {

    private LocationBody() {}

    static Optional<Location> location(JsonFields location) {
        if (location.has("id")) {
            location.required("title");
            Optional<String> id = location.text("id", checkedBy(text -> new Location.Centre(text, "x", Address.NONE)));
            Optional<String> title = location.text("title", checkedBy(text -> new Location.Centre("x", text,
                    Address.NONE)));
            Address address = location.object("address").flatMap(AddressBody::address).orElse(Address.NONE);
            location.rejectUnknownFields();
            return location.valid()
                    ? Optional.of(new Location.Centre(id.orElseThrow(), title.orElseThrow(), address))
                    : Optional.empty();
        }
        return AddressBody.address(location)
                .flatMap(address -> location.build("", () -> new Location.Place(address)));
    }
}
