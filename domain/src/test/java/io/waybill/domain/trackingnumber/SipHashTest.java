package io.waybill.domain.trackingnumber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipHashTest {

    private static final long KEY_LOW = 0x0706050403020100L;
    private static final long KEY_HIGH = 0x0f0e0d0c0b0a0908L;
    private static final long MESSAGE = 0x0706050403020100L;

    @Test
    void matchesTheReferenceVectorForAnEightByteMessage() {
        // Reference implementation (github.com/veorq/SipHash, vectors.h), vectors_sip64[8]: key 00..0f, message
        // 00 01 .. 07, output bytes 62 24 93 9a 79 f5 f5 93, which read as a little-endian long is 0x93f5f5799a932462.
        assertThat(SipHash.hash(KEY_LOW, KEY_HIGH, MESSAGE)).isEqualTo(0x93f5f5799a932462L);
    }

    @Test
    void everyMessageBitChangesAboutHalfTheOutputBits() {
        long reference = SipHash.hash(KEY_LOW, KEY_HIGH, MESSAGE);
        int totalChangedBits = 0;
        for (int bit = 0; bit < 64; bit++) {
            long changed = SipHash.hash(KEY_LOW, KEY_HIGH, MESSAGE ^ (1L << bit));
            int changedBits = Long.bitCount(changed ^ reference);
            assertThat(changedBits).as("output bits changed by message bit %d", bit).isBetween(12, 52);
            totalChangedBits += changedBits;
        }
        assertThat(totalChangedBits / 64.0).isBetween(28.0, 36.0);
    }

    @Test
    void bothKeyHalvesMatter() {
        long reference = SipHash.hash(KEY_LOW, KEY_HIGH, MESSAGE);

        assertThat(SipHash.hash(KEY_LOW ^ 1, KEY_HIGH, MESSAGE)).isNotEqualTo(reference);
        assertThat(SipHash.hash(KEY_LOW, KEY_HIGH ^ 1, MESSAGE)).isNotEqualTo(reference);
        assertThat(SipHash.hash(KEY_HIGH, KEY_LOW, MESSAGE)).isNotEqualTo(reference);
    }
}
