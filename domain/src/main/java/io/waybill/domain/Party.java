package io.waybill.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shipment's sender or receiver: at least a name, a part of an address or a phone. An imported file may give only
 * the address.
 *
 * @param id the sender's or carrier's own id for the party, such as a recipient number, when it has one
 */
public record Party(Optional<String> id, Optional<String> name, Address address, Optional<Phone> phone) {

    public static final int MAX_NAME_LENGTH = 200;

    private static final String NAME_MASK = "**";
    // \X is an extended grapheme cluster: a base character with its combining marks (Thai and Devanagari vowel
    // signs, accents), a flag, an emoji sequence.
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

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
     * The name for the public: its first grapheme (a letter with its vowel signs and accents, as the eye sees one)
     * and a fixed {@value #NAME_MASK}, so {@code 賴小賴} shows as {@code 賴**}, {@code Ann Lee} as {@code A**} and
     * {@code สมชาย} as {@code ส**}. Fixed, because a mask that follows the name tells the length of each word and of
     * the name, which narrow down who it is; one grapheme is enough to tell one's own parcel from another's.
     */
    public Optional<String> maskedName() {
        return name.map(text -> {
            Matcher first = GRAPHEME.matcher(text.strip());
            return (first.lookingAt() ? first.group() : "") + NAME_MASK;
        });
    }
}
