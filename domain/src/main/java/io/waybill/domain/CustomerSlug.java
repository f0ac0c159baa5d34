package io.waybill.domain;

/** A customer's name in kebab-case, such as {@code redbox-logistics}. */
public record CustomerSlug(String value) {

    public static final int MAX_LENGTH = 100;

    public CustomerSlug {
        // Length first, so that a long value is refused for its length whatever it holds.
        if (value != null && value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters long");
        }
        if (value == null || !isKebabCase(value)) {
            throw new IllegalArgumentException(
                    "must be kebab-case (lower-case letters and digits joined by single hyphens), such as"
                            + " redbox-logistics; got " + Text.quote(value));
        }
    }

    /** {@code [a-z0-9]+(-[a-z0-9]+)*}, checked char by char. */
    private static boolean isKebabCase(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean valid = c == '-'
                    ? i > 0 && i < value.length() - 1 && value.charAt(i - 1) != '-'
                    : c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!valid) {
                return false;
            }
        }
        return !value.isEmpty();
    }

    @Override
    public String toString() {
        return value;
    }
}
