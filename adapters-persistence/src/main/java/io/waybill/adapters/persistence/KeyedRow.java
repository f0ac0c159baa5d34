package io.waybill.adapters.persistence;

import io.waybill.domain.IdempotencyKey;
import java.time.Instant;

/**
 * An issued number as {@link KeyedRows} stores it under a key, with the hash of the request; a key issued before
 * {@code expiredBefore} is expired, and may be taken again.
 */
record KeyedRow(IdempotencyKey key, String requestHash, IssuedRow shipment, Instant expiredBefore) {}
