package io.waybill.application.service;

import io.waybill.domain.Customer;
import io.waybill.domain.Order;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 of an order's values, hex-encoded: equal for equal orders, whatever order or encoding the request gave its
 * parameters in. Each value is prefixed with its length, so that no two orders run together into the same text.
 */
final class OrderFingerprint {

    private OrderFingerprint() {}

    static String of(Order order) {
        Customer customer = order.customer();
        StringBuilder text = new StringBuilder(256);
        // The values themselves, not toString(), which a value may one day mask for logs.
        for (String part : new String[] {order.origin().value(), order.destination().value(),
                order.weight().kilograms().toPlainString(), customer.id().value().toString(), customer.name().value(),
                customer.slug().value(), order.createdAt().value().toString()}) {
            text.append(part.length()).append(':').append(part).append(';');
        }
        return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
