package io.waybill.domain;

import java.math.BigDecimal;

/** A parcel's weight in kilograms: more than zero, at most {@value #MAX_KILOGRAMS} kg, at most three decimals (grams). */
public record Weight(BigDecimal kilograms) {

    public static final int MAX_KILOGRAMS = 10_000;
    private static final BigDecimal MAX = BigDecimal.valueOf(MAX_KILOGRAMS);

    public Weight {
        if (kilograms == null) {
            throw new IllegalArgumentException("is required");
        }
        if (kilograms.signum() <= 0) {
            throw new IllegalArgumentException("must be more than 0 kg; got " + Text.number(kilograms));
        }
        if (kilograms.stripTrailingZeros().scale() > 3) {
            throw new IllegalArgumentException(
                    "must have at most 3 decimals (grams); got " + Text.number(kilograms));
        }
        if (kilograms.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(
                    "must be at most " + MAX_KILOGRAMS + " kg; got " + Text.number(kilograms));
        }
        // One representation per amount, so that 1.5 and 1.500 (as a NUMERIC column returns it) are equal.
        kilograms = kilograms.stripTrailingZeros();
        if (kilograms.scale() < 0) {
            kilograms = kilograms.setScale(0);
        }
    }

    /** Parses a plain decimal such as {@code 1.234}; exponents, signs and separators are refused. */
    public static Weight parse(String text) {
        if (text == null || !isPlainDecimal(text)) {
            throw new IllegalArgumentException(
                    "must be a decimal number of kilograms with at most 3 decimals, such as 1.234; got "
                            + Text.quote(text));
        }
        return new Weight(new BigDecimal(text));
    }

    /** {@code \d{1,9}(\.\d{1,3})?} with ASCII digits, checked char by char. */
    private static boolean isPlainDecimal(String text) {
        int point = text.indexOf('.');
        int whole = point < 0 ? text.length() : point;
        int decimals = point < 0 ? 0 : text.length() - point - 1;
        if (whole < 1 || whole > 9 || point >= 0 && (decimals < 1 || decimals > 3)) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i != point && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return kilograms.toPlainString();
    }
}
