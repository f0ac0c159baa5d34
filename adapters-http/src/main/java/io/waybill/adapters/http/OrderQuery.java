package io.waybill.adapters.http;

import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.Order;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Weight;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads an {@link Order} from the query of {@code GET /next-tracking-number}, collecting every problem at once. */
final class OrderQuery {

    // Longer than any valid value; also keeps very long input away from the domain's regular expressions.
    static final int MAX_VALUE_LENGTH = 1_000;
    // An unencoded '+' in a query means a space, so "+08:00" arrives as " 08:00"; only the offset is restored.
    private static final Pattern OFFSET_SENT_AS_SPACE =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?) (\\d{2}:\\d{2})");

    private final QueryParameters parameters;
    private final List<Problem.InvalidParameter> errors = new ArrayList<>();

    private OrderQuery(QueryParameters parameters) {
        this.parameters = parameters;
    }

    /** @throws InvalidParametersException naming every parameter that is missing, repeated or invalid */
    static Order parse(String rawQuery) {
        return new OrderQuery(QueryParameters.parse(rawQuery)).toOrder();
    }

    private Order toOrder() {
        CountryCode origin = field("origin_country_id", CountryCode::of);
        CountryCode destination = field("destination_country_id", CountryCode::of);
        Weight weight = field("weight", Weight::parse);
        OrderTime createdAt = field("created_at", text -> OrderTime.parse(restorePlusInOffset(text)));
        CustomerId customerId = field("customer_id", CustomerId::parse);
        CustomerName customerName = field("customer_name", CustomerName::new);
        CustomerSlug customerSlug = field("customer_slug", CustomerSlug::new);
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return new Order(origin, destination, weight, new Customer(customerId, customerName, customerSlug), createdAt);
    }

    private <T> T field(String name, Function<String, T> parser) {
        try {
            String value = parameters.single(name);
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("must be at most " + MAX_VALUE_LENGTH + " characters long");
            }
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.InvalidParameter(name, Objects.requireNonNullElse(e.getMessage(), "is invalid")));
            return null;
        }
    }

    private static String restorePlusInOffset(String text) {
        var matcher = OFFSET_SENT_AS_SPACE.matcher(text);
        return matcher.matches() ? matcher.group(1) + '+' + matcher.group(2) : text;
    }
}
