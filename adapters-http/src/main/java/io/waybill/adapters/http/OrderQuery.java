package io.waybill.adapters.http;

import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.Order;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Weight;

/** Reads an {@link Order} from the query of {@code GET /next-tracking-number}, collecting every problem at once. */
final class OrderQuery {

    private OrderQuery() {}

    /** @throws InvalidParametersException naming every parameter that is missing, repeated or invalid */
    static Order parse(String rawQuery) {
        RequestParameters parameters = new RequestParameters(rawQuery, InvalidParametersException.QUERY_PARAMETER);
        CountryCode origin = parameters.required("origin_country_id", CountryCode::of);
        CountryCode destination = parameters.required("destination_country_id", CountryCode::of);
        Weight weight = parameters.required("weight", Weight::parse);
        OrderTime createdAt = parameters.required("created_at", RequestParameters::time);
        CustomerId customerId = parameters.required("customer_id", CustomerId::parse);
        CustomerName customerName = parameters.required("customer_name", CustomerName::new);
        CustomerSlug customerSlug = parameters.required("customer_slug", CustomerSlug::new);
        parameters.throwIfInvalid();
        return new Order(origin, destination, weight, new Customer(customerId, customerName, customerSlug), createdAt);
    }
}
