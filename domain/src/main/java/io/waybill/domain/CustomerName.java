package io.waybill.domain;

/** A customer's display name: not blank, at most {@value #MAX_LENGTH} characters, no control characters. */
public record CustomerName(String value) {

    public static final int MAX_LENGTH = 200;

    public CustomerName {
        Text.line(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
