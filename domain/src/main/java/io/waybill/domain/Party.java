package io.waybill.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A shipment's sender or receiver: at least a name, a part of an address or a phone. An imported file may give only
 * the address.
 *
 * @param id the sender's or carrier's own id for the party, such as a recipient number, when it has one
 */
public record Party(Optional<String> id, Optional<String> name, Address address, Optional<Phone> phone) {

    public static final int MAX_NAME_LENGTH = 200;

    public Party {
        Objects.requireNonNull(id, "id").ifPresent(text -> {
            try {
                Text.line(text, 64);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("id " + e.getMessage(), e);
            }
        });
        Objects.requireNonNull(name, "name").ifPresent(text -> {
            try {
                Text.line(text, MAX_NAME_LENGTH);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("name " + e.getMessage(), e);
            }
        });
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(phone, "phone");
        if (name.isEmpty() && address.equals(Address.NONE) && phone.isEmpty()) {
            throw new IllegalArgumentException("a party needs a name, an address or a phone");
        }
    }

    /** A party known by its address alone. */
    public static Party at(Address address) {
        return new Party(Optional.empty(), Optional.empty(), address, Optional.empty());
    }

    /**
     * The name for the public: its first character kept, every other letter or digit hidden, so {@code 賴小賴} shows
     * as {@code 賴**} and {@code Ann Lee} as {@code A** ***}.
     */
    public Optional<String> maskedName() {
        return name.map(text -> {
            StringBuilder masked = new StringBuilder();
            masked.appendCodePoint(text.strip().codePointAt(0));
            text.strip().codePoints().skip(1)
                    .forEach(c -> masked.appendCodePoint(Character.isLetterOrDigit(c) ? '*' : c));
            return masked.toString();
        });
    }
}
