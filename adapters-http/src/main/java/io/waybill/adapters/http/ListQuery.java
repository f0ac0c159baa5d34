package io.waybill.adapters.http;

import io.waybill.application.port.in.ListShipmentsUseCase;
import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.domain.Carrier;
import io.waybill.domain.CountryCode;
import io.waybill.domain.CustomerId;
import io.waybill.domain.OrderTime;
import io.waybill.domain.ShipmentStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a list's query: the filters {@code status}, {@code carrier}, {@code customer_id}, {@code origin_country},
 * {@code destination_country}, {@code created_from} and {@code created_before} (RFC 3339), and the page's
 * {@code limit} (1 to 100, default 50) and {@code cursor}.
 */
final class ListQuery {

    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");

    private ListQuery() {}

    /**
     * @param filters whether filters are read; without, only the page's parameters are, and any other is ignored
     * @throws InvalidParametersException naming every invalid parameter
     */
    static ListShipmentsUseCase.Query parse(String rawQuery, boolean filters) {
        RequestParameters parameters = new RequestParameters(rawQuery, InvalidParametersException.QUERY_PARAMETER);
        Filter filter = filters ? filter(parameters) : Filter.NONE;
        int limit = parameters.optional(LIMIT, text -> limit(text, ListShipmentsUseCase.MAX_LIMIT))
                .orElse(ListShipmentsUseCase.DEFAULT_LIMIT);
        Optional<Cursor> cursor = parameters.optional(CURSOR, Cursor::parse);
        parameters.throwIfInvalid();
        return new ListShipmentsUseCase.Query(filter, cursor, limit);
    }

    private static Filter filter(RequestParameters parameters) {
        return new Filter(parameters.optional("status", ShipmentStatus::parse),
                parameters.optional(ShipmentRef.CARRIER, Carrier::parse),
                parameters.optional("customer_id", CustomerId::parse),
                parameters.optional("origin_country", CountryCode::of),
                parameters.optional("destination_country", CountryCode::of),
                parameters.optional("created_from", ListQuery::instant),
                parameters.optional("created_before", ListQuery::instant));
    }

    private static Instant instant(String text) {
        OrderTime time = RequestParameters.time(text);
        return time.value().toInstant();
    }

    /** A page's {@code limit}: 1 to {@code max}. */
    static int limit(String text, int max) {
        int limit = DIGITS.matcher(text).matches() ? Integer.parseInt(text) : 0;
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException("must be a whole number from 1 to " + max);
        }
        return limit;
    }
}
