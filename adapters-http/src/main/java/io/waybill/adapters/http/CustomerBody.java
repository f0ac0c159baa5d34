package io.waybill.adapters.http;

import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import java.util.Optional;

/** Reads the customer of a shipment body, {@code {id, name, slug}}, every field required. */
final class CustomerBody {

    private CustomerBody() {}

    static Optional<Customer> customer(JsonFields customer) {
        customer.required("id", "name", "slug");
        Optional<CustomerId> id = customer.text("id", CustomerId::parse);
        Optional<CustomerName> name = customer.text("name", CustomerName::new);
        Optional<CustomerSlug> slug = customer.text("slug", CustomerSlug::new);
        customer.rejectUnknownFields();
        return customer.valid()
                ? Optional.of(new Customer(id.orElseThrow(), name.orElseThrow(), slug.orElseThrow()))
                : Optional.empty();
    }
}
