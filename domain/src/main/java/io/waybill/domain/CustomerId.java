package io.waybill.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** A customer's identifier, a UUID. */
public record CustomerId(UUID value) {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public CustomerId {
        if (value == null) {
            throw new IllegalArgumentException("is required");
        }
    }

    /** Parses the canonical 8-4-4-4-12 form only ({@link UUID#fromString} also takes shortened groups). */
    public static CustomerId parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "must be a UUID such as de619854-b59b-425e-9db4-943979e1bd49; got " + Text.quote(text));
        }
        return new CustomerId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
