package io.waybill.application.service;

import io.waybill.application.port.out.PermutationKeyStore;
import io.waybill.domain.trackingnumber.PermutationKey;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Settles which permutation key an instance uses: the one its database holds, made on first start. */
public final class PermutationKeys {

    private PermutationKeys() {}

    /**
     * Returns the key stored in the database, storing {@code configured} (or, if none is configured, a new random
     * key) when the database holds none yet.
     *
     * @throws KeyMismatchException when a key is configured and differs from the stored one: numbers issued under
     *     another key could collide with those already issued
     */
    public static PermutationKey bind(
            PermutationKeyStore store, Optional<PermutationKey> configured, RandomGenerator random) {
        PermutationKey candidate = configured.orElseGet(() -> PermutationKey.random(random));
        PermutationKey stored = store.storeIfAbsent(candidate);
        if (configured.isPresent() && !stored.equals(configured.get())) {
            throw new KeyMismatchException();
        }
        return stored;
    }

    /** A configured key differs from the one the database's numbers were issued under. */
    public static final class KeyMismatchException extends IllegalStateException {

        KeyMismatchException() {
            super("The configured tracking-number key differs from the key stored in the database. Numbers issued"
                    + " under a different key could repeat numbers already issued, so Waybill will not start."
                    + " Remove the configured key to use the stored one, or configure the stored key.");
        }
    }
}
