package io.waybill.application.port.in;

import io.waybill.domain.IdempotencyKey;
import io.waybill.domain.Order;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.util.Objects;

/**
 * Issues a tracking number as {@link IssueTrackingNumberUseCase} does, at most once per idempotency key: a request
 * repeated with the same key and the same order within {@value #KEPT_HOURS} hours is answered with the number the
 * first one stored, by any instance sharing the database, also when the first one's answer was lost or said the
 * database failed.
 */
public interface IssueTrackingNumberOnceUseCase {

    /** How long a key is remembered after the number it was given was issued. */
    int KEPT_HOURS = 24;

    /**
     * Returns only once the number, its order and the key are durably stored, in one transaction; or the number
     * stored under the key before.
     *
     * @throws IdempotencyKeyReusedException when the key was given for another order within {@value #KEPT_HOURS} hours
     * @throws io.waybill.application.port.out.StorageUnavailableException when nothing could be stored or read; a
     *     retry with the same key is safe then
     */
    Issue issue(Command command);

    record Command(IdempotencyKey key, Order order) {

        public Command {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(order, "order");
        }
    }

    /** @param replayed whether the number was issued before, to an earlier request with the same key */
    record Issue(IssuedTrackingNumber issued, boolean replayed) {}

    /** The key names an earlier request with other parameters: the client mixed up its keys. */
    final class IdempotencyKeyReusedException extends RuntimeException {

        public IdempotencyKeyReusedException() {
            super("This Idempotency-Key was used for a request with other parameters within the last " + KEPT_HOURS
                    + " hours; use a new key for a new request", null, false, false);
        }
    }
}
