package io.waybill.domain;

/** A customer's display name: not blank, at most {@value #MAX_LENGTH} characters, no control characters. */
public record CustomerName(String value) {

    public static final int MAX_LENGTH = 200;

    public CustomerName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters long");
        }
        if (Text.hasControlCharacter(value)) {
            throw new IllegalArgumentException("must not contain control characters; got " + Text.quote(value));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
