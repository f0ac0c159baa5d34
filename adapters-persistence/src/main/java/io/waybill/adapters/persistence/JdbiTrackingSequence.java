package io.waybill.adapters.persistence;

import io.waybill.application.port.out.TrackingSequence;
import org.jdbi.v3.core.Jdbi;

/**
 * Blocks from {@code tracking_sequence}: each reservation returns the first number of a block no other call gets, on
 * any instance. On PostgreSQL it is a sequence, whose {@code nextval} never returns a value twice; on SQLite, which has
 * no sequences, a one-row table advanced by {@code UPDATE ... RETURNING} under SQLite's single write lock, committed
 * (and synced) before the block is used. Thread-safe.
 */
final class JdbiTrackingSequence implements TrackingSequence {

    /** Must equal the sequence's INCREMENT BY in PostgreSQL's V1 migration. */
    static final int BLOCK_SIZE = 1000;

    private static final String NEXTVAL = "SELECT nextval('tracking_sequence')";
    private static final String ADVANCE = "UPDATE tracking_sequence SET next_block = next_block + " + BLOCK_SIZE
            + " WHERE id = 1 RETURNING next_block - " + BLOCK_SIZE;

    private final Jdbi jdbi;
    private final String reserve;

    JdbiTrackingSequence(Jdbi jdbi, Engine engine) {
        this.jdbi = jdbi;
        this.reserve = engine == Engine.POSTGRES ? NEXTVAL : ADVANCE;
    }

    @Override
    public Block reserveBlock() {
        long first = DatabaseFailures.attempt("reserve tracking numbers", () -> jdbi.withHandle(handle ->
                handle.createQuery(reserve).mapTo(Long.class).one()));
        return new Block(first, BLOCK_SIZE);
    }
}
