package io.waybill.bootstrap;

import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.Order;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Weight;

/** Orders and requests for tests. */
final class Orders {

    static final String SAMPLE_QUERY = "origin_country_id=MY&destination_country_id=ID&weight=1.234"
            + "&created_at=2018-11-20T19:29:32%2B08:00&customer_id=de619854-b59b-425e-9db4-943979e1bd49"
            + "&customer_name=RedBox%20Logistics&customer_slug=redbox-logistics";

    private Orders() {}

    static Order sample() {
        return new Order(
                CountryCode.of("MY"),
                CountryCode.of("ID"),
                Weight.parse("1.234"),
                new Customer(
                        CustomerId.parse("de619854-b59b-425e-9db4-943979e1bd49"),
                        new CustomerName("RedBox Logistics"),
                        new CustomerSlug("redbox-logistics")),
                OrderTime.parse("2018-11-20T19:29:32+08:00"));
    }
}
