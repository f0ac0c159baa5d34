package io.waybill.adapters.http;

import io.waybill.domain.ShipmentStatus;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses the canonical status codes that clients send, such as {@code in_transit}. */
final class StatusCodes {

    private static final String ALL =
            Arrays.stream(ShipmentStatus.values()).map(ShipmentStatus::code).collect(Collectors.joining(", "));

    private StatusCodes() {}

    static ShipmentStatus parse(String code) {
        return ShipmentStatus.fromCode(code).orElseThrow(
                () -> new IllegalArgumentException("must be one of " + ALL));
    }
}
