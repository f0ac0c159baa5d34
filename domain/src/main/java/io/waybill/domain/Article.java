package io.waybill.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a shipment's contents.
 *
 * @param price the unit price, at least 0 with at most 4 decimals; its currency is the shipment's business
 * @param sku the seller's stock-keeping unit; the same SKU may appear in many shipments
 */
public record Article(String name, int quantity, Optional<BigDecimal> price, Optional<String> sku) {

    public static final int MAX_QUANTITY = 1_000_000;

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

    private static void checkPrice(BigDecimal price) {
        if (price.signum() < 0 || price.stripTrailingZeros().scale() > 4 || price.compareTo(BigDecimal.valueOf(1e12)) >= 0) {
            throw new IllegalArgumentException("price must be from 0 to 999999999999.9999; got " + price.toPlainString());
        }
    }
}
