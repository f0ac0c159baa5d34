package io.waybill.application.port.out;

/**
 * The global sequence behind tracking numbers, shared by every instance on one database. Hands out blocks of
 * consecutive sequence numbers.
 *
 * <p>Contract: a block is handed out once. No two calls, from any instance, at any time, including after a crash
 * or restart of an instance or of the database, return overlapping blocks. Numbers of a block that were never used
 * are lost, never reused. Thread-safe.
 */
public interface TrackingSequence {

    /**
     * @throws StorageUnavailableException when the database cannot be reached
     */
    Block reserveBlock();

    /** The sequence numbers {@code first} to {@code first + size - 1}. */
    record Block(long first, int size) {

        public Block {
            if (first < 0 || size < 1) {
                throw new IllegalArgumentException("bad block: " + first + "+" + size);
            }
        }
    }
}
