package io.waybill.domain;

import java.util.Objects;

/** The customer who ordered the shipment. */
public record Customer(CustomerId id, CustomerName name, CustomerSlug slug) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
    }
}
