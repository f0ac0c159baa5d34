package io.waybill.domain.trackingnumber;

import io.waybill.domain.CountryCode;
import java.util.function.LongSupplier;

/**
 * Turns global sequence numbers into {@link TrackingNumber}s, under one {@link PermutationKey}. Distinct sequence
 * numbers always give distinct tracking numbers. Thread-safe: immutable.
 */
public final class TrackingNumberFormat {

    /** How many distinct bodies there are: 36^10. */
    public static final long CAPACITY = pow(CheckCharacter.ALPHABET.length(), TrackingNumber.BODY_LENGTH);

    private final FeistelPermutation permutation;

    public TrackingNumberFormat(PermutationKey key) {
        this.permutation = new FeistelPermutation(key, CAPACITY);
    }

    /**
     * The tracking number for the next usable sequence number from {@code sequences}. A sequence number whose
     * tracking number has a blind adjacent transposition (see {@link CheckCharacter}) is skipped, about 2 in 100,
     * so that every issued number catches every single swap of neighbouring characters.
     *
     * @throws IllegalStateException when the sequence runs past {@link #CAPACITY}
     */
    public TrackingNumber issue(CountryCode origin, LongSupplier sequences) {
        while (true) {
            long sequence = sequences.getAsLong();
            if (sequence < 0 || sequence >= CAPACITY) {
                throw new IllegalStateException("tracking number space exhausted at sequence " + sequence);
            }
            String payload = origin.value() + body(permutation.permute(sequence));
            String number = payload + CheckCharacter.compute(payload);
            if (!CheckCharacter.hasBlindTransposition(number)) {
                return new TrackingNumber(number);
            }
        }
    }

    /** The sequence number a tracking number was issued for, under this key. */
    public long sequenceOf(TrackingNumber number) {
        long body = 0;
        for (int i = 2; i < 2 + TrackingNumber.BODY_LENGTH; i++) {
            body = body * CheckCharacter.ALPHABET.length() + CheckCharacter.value(number.value().charAt(i));
        }
        return permutation.invert(body);
    }

    private static String body(long value) {
        char[] digits = new char[TrackingNumber.BODY_LENGTH];
        long rest = value;
        for (int i = digits.length - 1; i >= 0; i--) {
            digits[i] = CheckCharacter.ALPHABET.charAt((int) (rest % CheckCharacter.ALPHABET.length()));
            rest /= CheckCharacter.ALPHABET.length();
        }
        return new String(digits);
    }

    private static long pow(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result = Math.multiplyExact(result, base);
        }
        return result;
    }
}
