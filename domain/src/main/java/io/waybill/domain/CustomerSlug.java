package io.waybill.domain;

import java.util.regex.Pattern;

/** A customer's name in kebab-case, such as {@code redbox-logistics}. */
public record CustomerSlug(String value) {

    public static final int MAX_LENGTH = 100;
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public CustomerSlug {
        // Length first: the pattern recurses once per hyphen, and thousands of them overflow the stack.
        if (value != null && value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters long");
        }
        if (value == null || !KEBAB.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "must be kebab-case (lower-case letters and digits joined by single hyphens), such as"
                            + " redbox-logistics; got " + Text.quote(value));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
