package io.waybill.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A shipment's sender or receiver.
 *
 * @param id the sender's or carrier's own id for the party, such as a recipient number, when it has one
 */
public record Party(Optional<String> id, String name, Address address, Optional<Phone> phone) {

    public static final int MAX_NAME_LENGTH = 200;

    public Party {
        Objects.requireNonNull(id, "id").ifPresent(text -> {
            try {
                Text.line(text, 64);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("id " + e.getMessage(), e);
            }
        });
        try {
            Text.line(name, MAX_NAME_LENGTH);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("name " + e.getMessage(), e);
        }
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(phone, "phone");
    }

    /**
     * The name for the public: its first character kept, every other letter or digit hidden, so {@code 賴小賴} shows
     * as {@code 賴**} and {@code Ann Lee} as {@code A** ***}.
     */
    public String maskedName() {
        StringBuilder masked = new StringBuilder();
        int first = name.strip().codePointAt(0);
        masked.appendCodePoint(first);
        name.strip().codePoints().skip(1).forEach(c -> masked.appendCodePoint(Character.isLetterOrDigit(c) ? '*' : c));
        return masked.toString();
    }
}
