package io.waybill.domain.trackingnumber;

/** SipHash-2-4 (Aumasson and Bernstein) of one 8-byte little-endian message: a fast keyed pseudo-random function. */
final class SipHash {

    private SipHash() {}

    static long hash(long k0, long k1, long message) {
        long v0 = 0x736f6d6570736575L ^ k0;
        long v1 = 0x646f72616e646f6dL ^ k1;
        long v2 = 0x6c7967656e657261L ^ k0;
        long v3 = 0x7465646279746573L ^ k1;
        long[] v = {v0, v1, v2, v3};
        compress(v, message);
        compress(v, 8L << 56); // the final block holds the message length, 8, in its top byte
        v[2] ^= 0xff;
        for (int i = 0; i < 4; i++) {
            round(v);
        }
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void compress(long[] v, long block) {
        v[3] ^= block;
        round(v);
        round(v);
        v[0] ^= block;
    }

    private static void round(long[] v) {
        v[0] += v[1];
        v[1] = Long.rotateLeft(v[1], 13);
        v[1] ^= v[0];
        v[0] = Long.rotateLeft(v[0], 32);
        v[2] += v[3];
        v[3] = Long.rotateLeft(v[3], 16);
        v[3] ^= v[2];
        v[0] += v[3];
        v[3] = Long.rotateLeft(v[3], 21);
        v[3] ^= v[0];
        v[2] += v[1];
        v[1] = Long.rotateLeft(v[1], 17);
        v[1] ^= v[2];
        v[2] = Long.rotateLeft(v[2], 32);
    }
}
