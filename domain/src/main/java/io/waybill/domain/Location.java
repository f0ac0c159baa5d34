package io.waybill.domain;

import java.util.Objects;
import java.util.Optional;

/** Where a tracking event happened: a carrier's logistics centre, or a free place. */
public sealed interface Location {

    /** What to show the public: the centre's title, or the place's city. */
    String title();

    Optional<String> city();

    /**
     * A logistics centre, hub or depot, known by the carrier's id for it.
     *
     * @param id the carrier's id for the centre, such as {@code 7}
     */
    record Centre(String id, String title, Address address) implements Location {

        public Centre {
            try {
                Text.line(id, 64);
                Text.line(title, 200);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a centre's id and title " + e.getMessage(), e);
            }
            Objects.requireNonNull(address, "address");
        }

        @Override
        public Optional<String> city() {
            return address.city();
        }
    }

    /** A place that is not a known centre: a city with its zip code and country, any of which may be missing. */
    record Place(Address address) implements Location {

        public Place {
            if (Objects.requireNonNull(address, "address").equals(Address.NONE)) {
                throw new IllegalArgumentException("a place needs at least a city, a zip code or a country");
            }
        }

        @Override
        public String title() {
            return address.city().or(address::zip).orElse(address.country().map(CountryCode::value).orElse(""));
        }

        @Override
        public Optional<String> city() {
            return address.city();
        }
    }
}
