package io.waybill.domain;

import java.util.UUID;

/** A customer's identifier, a UUID. */
public record CustomerId(UUID value) {

    public CustomerId {
        if (value == null) {
            throw new IllegalArgumentException("is required");
        }
    }

    /** Parses the canonical 8-4-4-4-12 form only ({@link UUID#fromString} also takes shortened groups). */
    public static CustomerId parse(String text) {
        if (text == null || !isCanonical(text)) {
            throw new IllegalArgumentException(
                    "must be a UUID such as de619854-b59b-425e-9db4-943979e1bd49; got " + Text.quote(text));
        }
        return new CustomerId(UUID.fromString(text));
    }

    /** {@code [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}, checked char by char. */
    private static boolean isCanonical(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean valid = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
