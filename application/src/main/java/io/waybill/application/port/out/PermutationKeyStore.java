package io.waybill.application.port.out;

import io.waybill.domain.trackingnumber.PermutationKey;

/** Where the tracking-number permutation key lives, next to the numbers it produced. Thread-safe. */
public interface PermutationKeyStore {

    /**
     * Stores {@code candidate} unless a key is stored already, and returns the key in force: the stored one, or
     * {@code candidate} if this call stored it. When several instances race, all of them get the same key.
     *
     * @throws StorageUnavailableException when the database cannot be reached
     */
    PermutationKey storeIfAbsent(PermutationKey candidate);
}
