package io.waybill.adapters.persistence;

import io.waybill.application.port.out.TrackingSequence;
import org.jdbi.v3.core.Jdbi;

/**
 * Blocks from the database sequence {@code tracking_sequence}: each {@code nextval} returns the first number of a
 * block no other call gets, on any instance, because a sequence never returns a value twice. Thread-safe.
 */
final class JdbiTrackingSequence implements TrackingSequence {

    /** Must equal the sequence's INCREMENT BY in the V1 migration. */
    static final int BLOCK_SIZE = 1000;

    private final Jdbi jdbi;
    private final Runnable afterCommit;

    JdbiTrackingSequence(Jdbi jdbi, Runnable afterCommit) {
        this.jdbi = jdbi;
        this.afterCommit = afterCommit;
    }

    @Override
    public Block reserveBlock() {
        long first = DatabaseFailures.attempt("reserve tracking numbers", () -> jdbi.withHandle(handle ->
                handle.createQuery("SELECT nextval('tracking_sequence')").mapTo(Long.class).one()));
        afterCommit.run();
        return new Block(first, BLOCK_SIZE);
    }
}
