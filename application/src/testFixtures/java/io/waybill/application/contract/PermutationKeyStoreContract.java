package io.waybill.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.PermutationKeyStore;
import io.waybill.domain.trackingnumber.PermutationKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The {@link PermutationKeyStore} contract, the first key stored stays in force, for every implementation: each
 * database Waybill runs on, and the fake that the services' tests rely on. A subclass supplies a new, empty store for
 * each test.
 */
public abstract class PermutationKeyStoreContract {

    /** An instance on the test's store: on each call, another instance on the same store where it can. */
    protected abstract PermutationKeyStore permutationKeys();

    @Test
    void theFirstStoredKeyStaysInForce() {
        PermutationKey first = new PermutationKey(11, 12);
        assertThat(permutationKeys().storeIfAbsent(first)).isEqualTo(first);
        assertThat(permutationKeys().storeIfAbsent(new PermutationKey(21, 22))).isEqualTo(first);
    }

    @Test
    void racingInstancesAgreeOnOneKey() throws Exception {
        List<PermutationKeyStore> instances = List.of(permutationKeys(), permutationKeys());
        List<Callable<PermutationKey>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            PermutationKey candidate = new PermutationKey(i, i);
            PermutationKeyStore instance = instances.get(i % 2);
            racers.add(() -> instance.storeIfAbsent(candidate));
        }
        assertThat(new HashSet<>(Concurrently.runAll(racers))).hasSize(1);
    }
}
