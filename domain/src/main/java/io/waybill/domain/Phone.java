package io.waybill.domain;

import java.util.regex.Pattern;

/** A phone number as written: digits with optional {@code +}, spaces, hyphens, dots and parentheses. */
public record Phone(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\+?[0-9 ().-]{3,31}");

    public Phone {
        if (value == null || !SHAPE.matcher(value).matches() || value.chars().filter(Character::isDigit).count() < 3) {
            throw new IllegalArgumentException("must be a phone number of at least 3 digits, such as +886 912 345 678;"
                    + " got " + Text.quote(value));
        }
    }

    /** For the public: every digit but the last three hidden, {@code 091234567} as {@code ******567}. */
    public String masked() {
        StringBuilder masked = new StringBuilder(value.length());
        long digitsLeft = value.chars().filter(Character::isDigit).count();
        for (char c : value.toCharArray()) {
            if (Character.isDigit(c)) {
                masked.append(digitsLeft-- > 3 ? '*' : c);
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
