package io.waybill.domain.trackingnumber;

/**
 * A keyed bijection on {@code [0, size)}: a balanced Feistel network over the smallest even number of bits that
 * covers the range, with cycle-walking to stay inside it.
 *
 * <p>Each round mixes one half with SipHash-2-4 of the other half, keyed by the {@link PermutationKey}; eight rounds
 * make the output of consecutive inputs look unrelated, and without the key it cannot be predicted. A Feistel network
 * is a bijection on its bit range whatever the round function, and cycle-walking (applying it again while the result
 * lies outside the range) keeps that bijection inside {@code [0, size)}. Thread-safe: immutable.
 */
final class FeistelPermutation {

    private static final int ROUNDS = 8;

    private final long size;
    private final int halfBits;
    private final long halfMask;
    private final long k0;
    private final long k1;

    FeistelPermutation(PermutationKey key, long size) {
        if (size < 2 || size > (1L << 62)) {
            throw new IllegalArgumentException("size out of range: " + size);
        }
        int bits = 64 - Long.numberOfLeadingZeros(size - 1);
        this.size = size;
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << halfBits) - 1;
        this.k0 = key.high();
        this.k1 = key.low();
    }

    long size() {
        return size;
    }

    long permute(long input) {
        checkRange(input);
        long value = input;
        do {
            value = encrypt(value);
        } while (value >= size);
        return value;
    }

    long invert(long output) {
        checkRange(output);
        long value = output;
        do {
            value = decrypt(value);
        } while (value >= size);
        return value;
    }

    private void checkRange(long value) {
        if (value < 0 || value >= size) {
            throw new IllegalArgumentException(value + " is outside [0, " + size + ")");
        }
    }

    private long encrypt(long value) {
        long left = value >>> halfBits;
        long right = value & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ roundFunction(round, right);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    private long decrypt(long value) {
        long left = value >>> halfBits;
        long right = value & halfMask;
        for (int round = ROUNDS - 1; round >= 0; round--) {
            long previous = right ^ roundFunction(round, left);
            right = left;
            left = previous;
        }
        return (left << halfBits) | right;
    }

    private long roundFunction(int round, long half) {
        return SipHash.hash(k0, k1, ((long) round << 56) ^ ((long) halfBits << 48) ^ half) & halfMask;
    }
}
