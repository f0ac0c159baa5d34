package io.waybill.adapters.cache;

import io.waybill.domain.Address;
import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.EventId;
import io.waybill.domain.Location;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingCode;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.Weight;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** A shipment as the cache stores it in JSON: absent values are nulls, times and decimals are strings. */
record ShipmentDto(String number, String carrier, ShipmentDto.DetailsDto details, List<ShipmentDto.EventDto> events,
        String createdAt, long version) {

    static ShipmentDto of(Shipment shipment) {
        return new ShipmentDto(shipment.key().number().value(), shipment.key().carrier().code(),
                DetailsDto.of(shipment.details()), shipment.events().stream().map(EventDto::of).toList(),
                shipment.createdAt().toString(), shipment.version());
    }

    Shipment toShipment() {
        return new Shipment(new ShipmentKey(new TrackingCode(number), new Carrier(carrier)), details.toDetails(),
                events.stream().map(EventDto::toEvent).toList(), Instant.parse(createdAt), version);
    }

    private static <T, R> R orNull(Optional<T> value, Function<T, R> mapping) {
        return value.map(mapping).orElse(null);
    }

    private static <T, R> Optional<R> optional(T value, Function<T, R> mapping) {
        return Optional.ofNullable(value).map(mapping);
    }

    record DetailsDto(String origin, String destination, String weight, CustomerDto customer, String orderedAt,
            PartyDto sender, PartyDto receiver, List<ArticleDto> articles, boolean publicTracking) {

        static DetailsDto of(ShipmentDetails details) {
            return new DetailsDto(orNull(details.origin(), CountryCode::value),
                    orNull(details.destination(), CountryCode::value),
                    orNull(details.weight(), weight -> weight.kilograms().toPlainString()),
                    orNull(details.customer(), CustomerDto::of),
                    orNull(details.orderedAt(), time -> time.value().toString()),
                    orNull(details.sender(), PartyDto::of), orNull(details.receiver(), PartyDto::of),
                    details.articles().stream().map(ArticleDto::of).toList(), details.publicTracking());
        }

        ShipmentDetails toDetails() {
            return new ShipmentDetails(optional(origin, CountryCode::new), optional(destination, CountryCode::new),
                    optional(weight, text -> new Weight(new BigDecimal(text))),
                    optional(customer, CustomerDto::toCustomer),
                    optional(orderedAt, text -> new OrderTime(OffsetDateTime.parse(text))),
                    optional(sender, PartyDto::toParty), optional(receiver, PartyDto::toParty),
                    articles.stream().map(ArticleDto::toArticle).toList(), publicTracking);
        }
    }

    record CustomerDto(String id, String name, String slug) {

        static CustomerDto of(Customer customer) {
            return new CustomerDto(customer.id().toString(), customer.name().value(), customer.slug().value());
        }

        Customer toCustomer() {
            return new Customer(new CustomerId(UUID.fromString(id)), new CustomerName(name), new CustomerSlug(slug));
        }
    }

    record PartyDto(String id, String name, AddressDto address, String phone) {

        static PartyDto of(Party party) {
            return new PartyDto(party.id().orElse(null), party.name().orElse(null), AddressDto.of(party.address()),
                    orNull(party.phone(), Phone::value));
        }

        Party toParty() {
            return new Party(Optional.ofNullable(id), Optional.ofNullable(name), address.toAddress(), optional(phone, Phone::new));
        }
    }

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

    record ArticleDto(String name, int quantity, String price, String sku) {

        static ArticleDto of(Article article) {
            return new ArticleDto(article.name(), article.quantity(),
                    orNull(article.price(), BigDecimal::toPlainString), article.sku().orElse(null));
        }

        Article toArticle() {
            return new Article(name, quantity, optional(price, BigDecimal::new), Optional.ofNullable(sku));
        }
    }

    record EventDto(String id, String time, String status, String carrierStatus, LocationDto location,
            String description) {

        static EventDto of(TrackingEvent event) {
            return new EventDto(event.id().value(), event.time().toString(), event.status().code(),
                    event.carrierStatus(), orNull(event.location(), LocationDto::of), event.description().orElse(null));
        }

        TrackingEvent toEvent() {
            return new TrackingEvent(new EventId(id), OffsetDateTime.parse(time),
                    ShipmentStatus.parse(status),
                    carrierStatus, optional(location, LocationDto::toLocation), Optional.ofNullable(description));
        }
    }

    /** A centre has an id and a title; a place has neither. */
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
}
