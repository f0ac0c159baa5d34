package io.waybill.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about a shipment besides its key and history. An origin or destination left out is taken from the
 * sender's or receiver's address country.
 *
 * @param orderedAt when the order behind the shipment was placed, as the customer wrote it
 * @param publicTracking whether the public (callers without an API key) may look the shipment up at all
 */
public record ShipmentDetails(Optional<CountryCode> origin, Optional<CountryCode> destination,
        Optional<Weight> weight, Optional<Customer> customer, Optional<OrderTime> orderedAt, Optional<Party> sender,
        Optional<Party> receiver, List<Article> articles, boolean publicTracking) {

    public static final int MAX_ARTICLES = 1000;

    public ShipmentDetails {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(orderedAt, "orderedAt");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        origin = Objects.requireNonNull(origin, "origin").or(() -> sender.flatMap(party -> party.address().country()));
        destination = Objects.requireNonNull(destination, "destination")
                .or(() -> receiver.flatMap(party -> party.address().country()));
        articles = List.copyOf(articles);
        if (articles.size() > MAX_ARTICLES) {
            throw new IllegalArgumentException("a shipment holds at most " + MAX_ARTICLES + " articles");
        }
    }

    /** The details of a shipment whose number was issued for {@code order}: publicly trackable, no articles yet. */
    public static ShipmentDetails of(Order order) {
        return new ShipmentDetails(Optional.of(order.origin()), Optional.of(order.destination()),
                Optional.of(order.weight()), Optional.of(order.customer()), Optional.of(order.createdAt()),
                Optional.empty(), Optional.empty(), List.of(), true);
    }

    /** Whether origin and destination are known and the same country. */
    public boolean isDomestic() {
        return origin.isPresent() && origin.equals(destination);
    }
}
