package io.waybill.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of a shipment's contents.
 *
 * @param price the unit price, at least 0 with at most 4 decimals; its currency is the shipment's business
 * @param sku the seller's stock-keeping unit; the same SKU may appear in many shipments
 */
public record Article(String name, int quantity, Optional<BigDecimal> price, Optional<String> sku) {

    public static final int MAX_QUANTITY = 1_000_000;
    // A decimal as BigDecimal reads it, judged by its length and its exponent's before it is read: "1e999999999"
    // would otherwise become a number whose every digit some later step writes out.
    private static final int MAX_PRICE_TEXT = 40;
    private static final Pattern PRICE_TEXT = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,2})?");

    public Article {
        try {
            Text.line(name, 200);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("name " + e.getMessage(), e);
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be from 1 to " + MAX_QUANTITY + "; got " + quantity);
        }
        Objects.requireNonNull(price, "price").ifPresent(Article::checkPrice);
        Objects.requireNonNull(sku, "sku").ifPresent(text -> {
            try {
                Text.line(text, 64);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SKU " + e.getMessage(), e);
            }
        });
        price = price.map(BigDecimal::stripTrailingZeros).map(value -> value.scale() < 0 ? value.setScale(0) : value);
    }

    /**
     * Reads a decimal written as {@link BigDecimal} reads it, such as {@code 9.99}, with an exponent of at most two
     * digits; whether it is a valid price is the constructor's to say.
     */
    public static BigDecimal parsePrice(String text) {
        if (text == null || text.length() > MAX_PRICE_TEXT || !PRICE_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a decimal number such as 9.99; got " + Text.quote(text));
        }
        return new BigDecimal(text);
    }

    private static void checkPrice(BigDecimal price) {
        if (price.signum() < 0 || price.stripTrailingZeros().scale() > 4 || price.compareTo(BigDecimal.valueOf(1e12)) >= 0) {
            throw new IllegalArgumentException("price must be from 0 to 999999999999.9999; got "
                    + Text.number(price));
        }
    }
}
