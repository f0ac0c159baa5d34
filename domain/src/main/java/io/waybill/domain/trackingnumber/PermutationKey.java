package io.waybill.domain.trackingnumber;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The secret 128-bit key of the tracking-number permutation, written as 32 hexadecimal digits. Whoever knows it can
 * turn tracking numbers back into sequence numbers; whoever changes it could repeat numbers already issued, so it is
 * bound to the database that holds them.
 */
public record PermutationKey(long high, long low) {

    private static final HexFormat HEX = HexFormat.of();

    public static PermutationKey parse(String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{32}")) {
            // The text is not quoted back: a mistyped key is still nearly the secret.
            throw new IllegalArgumentException("must be 32 hexadecimal digits; got "
                    + (hex == null ? "nothing" : hex.length() + " characters that are not"));
        }
        return new PermutationKey(
                HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
    }

    public static PermutationKey random(RandomGenerator random) {
        return new PermutationKey(random.nextLong(), random.nextLong());
    }

    public String toHex() {
        return HEX.toHexDigits(high) + HEX.toHexDigits(low);
    }

    /** Never the key itself: keys end up in logs through toString. */
    @Override
    public String toString() {
        return "PermutationKey[redacted]";
    }
}
