package io.waybill.application.port.out;

import io.waybill.domain.IdempotencyKey;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.TrackingNumber;
import java.time.Instant;
import java.util.Optional;

/**
 * Tracking numbers issued under an idempotency key: each key with the number it was given, when, and a hash of the
 * request that gave it. Thread-safe; every method may throw {@link StorageUnavailableException}.
 */
public interface KeyedIssues {

    /** What is stored under {@code key}, however old; empty when nothing is. */
    Optional<Recorded> find(IdempotencyKey key);

    /**
     * Stores the issued number with its order, as {@link ShipmentRepository#add} does, and the key with it, in the
     * same transaction: either both are stored or neither. A key stored before {@code expiredBefore} is forgotten
     * first, and so, now and then, is every other such key. Implementations may commit many calls in one
     * transaction.
     *
     * @throws KeyTakenException when the key is stored already, from {@code expiredBefore} on, such as by a
     *     concurrent request with the same key; nothing is stored then
     * @throws StorageUnavailableException when the commit failed or did not finish in time; both may or may not be
     *     stored then
     */
    void add(IdempotencyKey key, String requestHash, IssuedTrackingNumber issued, Instant expiredBefore);

    /** @param requestHash identifies the request's parameters; equal hashes, equal parameters */
    record Recorded(String requestHash, TrackingNumber number, Instant issuedAt) {}

    /** Another request stored the key first. */
    final class KeyTakenException extends RuntimeException {

        public KeyTakenException(Throwable cause) {
            super("the idempotency key is stored already", cause);
        }
    }
}
