package io.waybill.adapters.cache;

import io.waybill.domain.Location;

/** A location as the cache stores it in JSON: a centre has an id and a title; a place has neither. */
record LocationDto(String centreId, String title, AddressDto address) {

    static LocationDto of(Location location) {
        // Location is sealed: a centre or a place (a switch over it needs Java 21).
        if (location instanceof Location.Centre centre) {
            return new LocationDto(centre.id(), centre.title(), AddressDto.of(centre.address()));
        }
        return new LocationDto(null, null, AddressDto.of(((Location.Place) location).address()));
    }

    Location toLocation() {
        return centreId == null
                ? new Location.Place(address.toAddress())
                : new Location.Centre(centreId, title, address.toAddress());
    }
}
