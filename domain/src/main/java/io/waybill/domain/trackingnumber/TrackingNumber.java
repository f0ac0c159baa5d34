package io.waybill.domain.trackingnumber;

import io.waybill.domain.CountryCode;
import io.waybill.domain.Text;
import java.util.Locale;

/**
 * A Waybill tracking number: 13 characters, {@code CCBBBBBBBBBBK}.
 *
 * <ul>
 *   <li>{@code CC}, the origin's ISO 3166-1 alpha-2 country code;
 *   <li>{@code BBBBBBBBBB}, ten base-36 digits ({@code 0-9A-Z}): the global sequence number passed through a keyed
 *       permutation, so numbers cannot be guessed from one another (room for 36^10, about 3.6 × 10^15, numbers);
 *   <li>{@code K}, the ISO/IEC 7064 MOD 37,36 check character over the twelve characters before it.
 * </ul>
 *
 * It always matches {@code ^[A-Z0-9]{1,16}$}. Parsing accepts lower case and verifies everything, the check
 * character included.
 */
public record TrackingNumber(String value) {

    public static final int LENGTH = 13;
    static final int BODY_LENGTH = 10;

    public TrackingNumber {
        if (value == null || !hasShape(value)) {
            throw new IllegalArgumentException(
                    "must be 13 characters: a country code, ten letters or digits and a check character,"
                            + " such as MY0A1B2C3D4ES; got " + Text.quote(value));
        }
        new CountryCode(value.substring(0, 2));
        if (!CheckCharacter.verify(value)) {
            throw new IllegalArgumentException("has a wrong check character; is it mistyped? Got " + Text.quote(value));
        }
    }

    /** Like the constructor, but forgiving of lower case and surrounding white space. */
    public static TrackingNumber parse(String text) {
        if (text == null || !text.chars().allMatch(c -> c < 0x80)) {
            return new TrackingNumber(text); // refused with the usual message; upper-casing could turn 'ı' into 'I'
        }
        return new TrackingNumber(text.strip().toUpperCase(Locale.ROOT));
    }

    /** {@code [A-Z]{2}[0-9A-Z]{11}}, checked char by char. */
    private static boolean hasShape(String value) {
        if (value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || i >= 2 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    public CountryCode origin() {
        return new CountryCode(value.substring(0, 2));
    }

    @Override
    public String toString() {
        return value;
    }
}
