package io.waybill.domain;

import java.util.regex.Pattern;

/** A phone number as written: digits with optional {@code +}, spaces, hyphens, dots and parentheses. */
public record Phone(String value) {

    /** How many digits a phone needs before the public sees its last three. */
    static final int MIN_DIGITS_SHOWING_END = 8;
    private static final Pattern SHAPE = Pattern.compile("\\+?[0-9 ().-]{3,31}");

    public Phone {
        if (value == null || !SHAPE.matcher(value).matches() || value.chars().filter(Character::isDigit).count() < 3) {
            throw new IllegalArgumentException("must be a phone number of at least 3 digits, such as +886 912 345 678;"
                    + " got " + Text.quote(value));
        }
    }

    /**
     * For the public: a fixed {@code ******} and the last three digits, {@code 091234567} and {@code +886 912 345 567}
     * both as {@code ******567}; a phone of fewer than {@value #MIN_DIGITS_SHOWING_END} digits (an extension, a short
     * number) all hidden, as {@code *********}, since three of its digits would tell most of it. Fixed, so that the
     * mask tells neither the number's length nor its country's prefix.
     */
    public String masked() {
        String digits = value.replaceAll("[^0-9]", "");
        return digits.length() < MIN_DIGITS_SHOWING_END
                ? "*********"
                : "******" + digits.substring(digits.length() - 3);
    }

    @Override
    public String toString() {
        return value;
    }
}
