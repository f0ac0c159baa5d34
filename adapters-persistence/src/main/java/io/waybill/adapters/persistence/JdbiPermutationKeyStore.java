package io.waybill.adapters.persistence;

import io.waybill.application.port.out.PermutationKeyStore;
import io.waybill.domain.trackingnumber.PermutationKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Jdbi;

/** The key in the one-row table {@code permutation_key}. Thread-safe. */
final class JdbiPermutationKeyStore implements PermutationKeyStore {

    private final Jdbi jdbi;
    private final Engine engine;
    private final Clock clock;

    JdbiPermutationKeyStore(Jdbi jdbi, Engine engine, Clock clock) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public PermutationKey storeIfAbsent(PermutationKey candidate) {
        return DatabaseFailures.attempt("read the tracking-number key", () -> jdbi.inTransaction(handle -> {
            handle.createUpdate("INSERT INTO permutation_key (id, key_hex, created_at) VALUES (1, :key, :now)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("key", candidate.toHex())
                    .bind("now", engine.time(OffsetDateTime.now(clock)))
                    .execute();
            return PermutationKey.parse(handle.createQuery("SELECT key_hex FROM permutation_key WHERE id = 1")
                    .mapTo(String.class)
                    .one());
        }));
    }
}
