package io.waybill.adapters.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of a request's body read so far. A client's announced length is not trusted with memory: the buffer starts
 * small and grows only as bytes arrive, doubling, up to the largest body allowed. Not thread-safe: one request's
 * reading steps run one at a time.
 */
final class BodyBuffer {

    private static final int FIRST_CAPACITY = 4 * 1024;

    private final int maxBytes;
    private byte[] bytes;
    private int size;

    /** @param announced the body's length as the request announced it, negative when it did not */
    BodyBuffer(long announced, int maxBytes) {
        this.maxBytes = maxBytes;
        this.bytes = new byte[(int) Math.min(announced > 0 ? announced : FIRST_CAPACITY, FIRST_CAPACITY)];
    }

    /** Appends what remains in {@code buffer}, which the caller has checked fits under the largest body allowed. */
    void append(ByteBuffer buffer) {
        int length = buffer.remaining();
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(2L * bytes.length, size + length)));
        }
        buffer.get(bytes, size, length);
        size += length;
    }

    int size() {
        return size;
    }

    /** The body read so far, without copying it. */
    ByteBuffer contents() {
        return ByteBuffer.wrap(bytes, 0, size);
    }
}
