package io.waybill.adapters.cache;

import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import java.util.UUID;

/** A customer as the cache stores it in JSON: its id as a UUID string. */
record CustomerDto(String id, String name, String slug) {

    static CustomerDto of(Customer customer) {
        return new CustomerDto(customer.id().toString(), customer.name().value(), customer.slug().value());
    }

    Customer toCustomer() {
        return new Customer(new CustomerId(UUID.fromString(id)), new CustomerName(name), new CustomerSlug(slug));
    }
}
