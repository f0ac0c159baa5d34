package io.waybill.domain;

import java.util.Objects;

/** What a customer asks a tracking number for: a parcel from one country to another. */
public record Order(
        CountryCode origin, CountryCode destination, Weight weight, Customer customer, OrderTime createdAt) {

    public Order {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
