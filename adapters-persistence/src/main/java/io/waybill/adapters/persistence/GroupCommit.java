package io.waybill.adapters.persistence;

import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.application.support.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the rows of many concurrent callers in one transaction. Callers queue their row and wait; a few writer
 * threads each take whatever has queued up (at most {@code maxBatch} rows) and commit it as one batch, so the
 * cost of a commit is shared by every request that arrived while the previous one ran.
 *
 * <p>A caller returns only after its row's transaction committed. If the batch fails because of one row's data
 * or a constraint, its rows are retried one by one so that one bad row does not fail the others. At most
 * {@value #MAX_QUEUED} rows wait; past that, and past the timeout, callers fail at once rather than pile up while
 * the database is down.
 *
 * <p>Meters, tagged with the group's {@code name} as {@code queue}: the size of each batch committed
 * ({@code waybill.db.commit.batch.size}), how long each caller waited for its row's commit, queue included
 * ({@code waybill.db.commit.wait}), and the rows queued now ({@code waybill.db.commit.queued}). Thread-safe.
 */
final class GroupCommit<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final Duration IDLE_CHECK = Duration.ofMillis(100);

    static final int MAX_QUEUED = 10_000;

    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final BatchWriter<T> commit;
    private final int maxBatch;
    private final Duration timeout;
    private final List<Thread> writers = new ArrayList<>();
    private final Metrics.Distribution batchSizes;
    private final Metrics.Timer waits;
    private volatile boolean closed;

    GroupCommit(String name, int writerCount, int maxBatch, Duration timeout, BatchWriter<T> commit) {
        this(name, writerCount, maxBatch, timeout, commit, Metrics.NONE);
    }

    GroupCommit(String name, int writerCount, int maxBatch, Duration timeout, BatchWriter<T> commit,
            Metrics metrics) {
        this.commit = commit;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.batchSizes = metrics.distribution("waybill.db.commit.batch.size", "Rows committed in one transaction",
                "rows", "queue", name);
        this.waits = metrics.timer("waybill.db.commit.wait", "How long a row waited for its commit, queue included",
                "queue", name);
        metrics.gauge("waybill.db.commit.queued", "Rows waiting for a writer", queue::size, "queue", name);
        ThreadFactory threads = DaemonThreads.numbered(name + "-writer-");
        for (int i = 0; i < writerCount; i++) {
            Thread writer = threads.newThread(this::run);
            writers.add(writer);
            writer.start();
        }
    }

    /** Blocks until {@code row} is committed. */
    void commit(T row) {
        if (closed) {
            throw new StorageUnavailableException("the database is closed", null);
        }
        Pending<T> pending = new Pending<>(row, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new StorageUnavailableException(MAX_QUEUED + " rows are already waiting for the database", null);
        }
        long start = System.nanoTime();
        try {
            pending.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            waits.record(System.nanoTime() - start);
        } catch (ExecutionException e) {
            // The writer completed it with a failure made safe to show (see write).
            throw new StorageUnavailableException("could not store: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            pending.done().cancel(false); // not written if no writer has taken it yet
            throw new StorageUnavailableException("the database did not commit within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting for the commit", e);
        }
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            Pending<T> first;
            try {
                first = queue.poll(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                batch.removeIf(pending -> pending.done().isCancelled());
                if (!batch.isEmpty()) {
                    write(batch);
                }
                batch.clear();
            }
        }
    }

    private void write(List<Pending<T>> batch) {
        try {
            commit.write(batch.stream().map(Pending::row).toList());
            batchSizes.record(batch.size());
            batch.forEach(pending -> pending.done().complete(null));
        } catch (Exception e) {
            // The driver's messages quote the rows' values: only their types and SQLSTATEs are logged or handed on.
            if (batch.size() > 1 && Jdbc.isRowFault(e)) {
                LOG.warn("A batch of {} rows has a bad row ({}); committing them one by one", batch.size(),
                        DatabaseFailures.describe(e));
                batch.forEach(pending -> write(List.of(pending)));
            } else if (Jdbc.isRowFault(e)) {
                // One row the database refuses, such as an idempotency key that a concurrent request stored first:
                // its caller is told and answers for it. No trace: the cause is the row.
                LOG.info("A row was refused ({}); its caller is told", DatabaseFailures.describe(e));
                RuntimeException failure = DatabaseFailures.redacted(e);
                batch.forEach(pending -> pending.done().completeExceptionally(failure));
            } else {
                RuntimeException failure = DatabaseFailures.redacted(e);
                LOG.error("A commit of {} rows failed", batch.size(), failure);
                batch.forEach(pending -> pending.done().completeExceptionally(failure));
            }
        } catch (Error e) {
            // Such as a class that failed to initialise: the callers get the failure at once rather than time out,
            // and the writer lives on to try the next batch.
            LOG.error("A commit of {} rows failed with an error", batch.size(), e);
            batch.forEach(pending -> pending.done().completeExceptionally(e));
        }
    }

    private void failRemaining() {
        Pending<T> pending;
        while ((pending = queue.poll()) != null) {
            pending.done().completeExceptionally(new IllegalStateException("the database is closing"));
        }
    }

    /** Stops taking rows, commits what is queued, then stops the writers. */
    @Override
    public void close() {
        closed = true;
        for (Thread writer : writers) {
            try {
                writer.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        failRemaining();
    }

    private record Pending<T>(T row, CompletableFuture<Void> done) {}
}
