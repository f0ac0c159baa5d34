package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.PermutationKeyStoreContract;
import io.waybill.application.port.out.PermutationKeyStore;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.application.service.PermutationKeys.KeyMismatchException;
import io.waybill.domain.trackingnumber.PermutationKey;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PermutationKeysTest {

    private static final PermutationKey STORED = PermutationKey.parse("0123456789abcdef0123456789abcdef");
    private static final PermutationKey CONFIGURED = PermutationKey.parse("fedcba9876543210fedcba9876543210");
    private static final long SEED = 20181120;

    @Test
    void storesAndReturnsANewRandomKeyWhenThereIsNone() {
        InMemoryKeyStore store = new InMemoryKeyStore(null);

        PermutationKey key = PermutationKeys.bind(store, Optional.empty(), new SplittableRandom(SEED));

        assertThat(key).isEqualTo(PermutationKey.random(new SplittableRandom(SEED)));
        assertThat(store.stored).isEqualTo(key);
    }

    @Test
    void differentGeneratorsMakeDifferentNewKeys() {
        PermutationKey first = PermutationKeys.bind(new InMemoryKeyStore(null), Optional.empty(), new SplittableRandom(1));
        PermutationKey second = PermutationKeys.bind(new InMemoryKeyStore(null), Optional.empty(), new SplittableRandom(2));

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void usesTheStoredKeyWhenNoneIsConfigured() {
        InMemoryKeyStore store = new InMemoryKeyStore(STORED);

        PermutationKey key = PermutationKeys.bind(store, Optional.empty(), new SplittableRandom(SEED));

        assertThat(key).isEqualTo(STORED);
        assertThat(store.stored).isEqualTo(STORED);
    }

    @Test
    void acceptsAConfiguredKeyThatEqualsTheStoredOne() {
        InMemoryKeyStore store = new InMemoryKeyStore(STORED);

        PermutationKey key = PermutationKeys.bind(
                store, Optional.of(PermutationKey.parse(STORED.toHex())), new SplittableRandom(SEED));

        assertThat(key).isEqualTo(STORED);
        assertThat(store.stored).isEqualTo(STORED);
    }

    @Test
    void refusesToStartWhenTheConfiguredKeyDiffersFromTheStoredOne() {
        InMemoryKeyStore store = new InMemoryKeyStore(STORED);

        assertThatThrownBy(() -> PermutationKeys.bind(store, Optional.of(CONFIGURED), new SplittableRandom(SEED)))
                .isInstanceOf(KeyMismatchException.class)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("differs from the key stored in the database")
                .hasMessageContaining("will not start")
                .message().doesNotContain(STORED.toHex(), CONFIGURED.toHex());
        assertThat(store.stored).as("the stored key is kept").isEqualTo(STORED);
    }

    @Test
    void storesTheConfiguredKeyWhenThereIsNone() {
        InMemoryKeyStore store = new InMemoryKeyStore(null);

        PermutationKey key = PermutationKeys.bind(store, Optional.of(CONFIGURED), new SplittableRandom(SEED));

        assertThat(key).isEqualTo(CONFIGURED);
        assertThat(store.stored).isEqualTo(CONFIGURED);
    }

    @Test
    void passesOnAnUnreachableStore() {
        StorageUnavailableException failure = new StorageUnavailableException("database down", null);
        PermutationKeyStore unreachable = candidate -> {
            throw failure;
        };

        assertThatThrownBy(() -> PermutationKeys.bind(unreachable, Optional.empty(), new SplittableRandom(SEED)))
                .isSameAs(failure);
    }

    /** The fake keeps the contract that the databases keep. */
    @Nested
    class InMemoryKeyStoreKeepsTheContract extends PermutationKeyStoreContract {

        private final InMemoryKeyStore shared = new InMemoryKeyStore(null);

        // Instances on one store share its key: in memory, one instance stands for all of them.
        @Override
        protected PermutationKeyStore permutationKeys() {
            return shared;
        }
    }

    private static final class InMemoryKeyStore implements PermutationKeyStore {

        PermutationKey stored;

        InMemoryKeyStore(PermutationKey stored) {
            this.stored = stored;
        }

        @Override
        public synchronized PermutationKey storeIfAbsent(PermutationKey candidate) {
            if (stored == null) {
                stored = candidate;
            }
            return stored;
        }
    }
}
