package io.waybill.application.service;

import io.waybill.application.support.DaemonThreads;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The batches of one import, written one at a time on a thread of their own while the reading thread reads and
 * gathers the next one, so that reading the file and the database's work overlap; one at a time, so that a shipment
 * whose rows come too far apart still finds its first part stored. Each batch counts its outcome apart; the reading
 * thread adds it to the import's tally when it hands over the next batch, and only then what it found itself since it
 * handed over that batch, so that the report is the same as if one thread had done everything in order. Used by the
 * reading thread only.
 */
final class ImportBatches implements AutoCloseable {

    private final ImportTally tally;
    private final ImportBatchWriter writer;
    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(DaemonThreads.named("waybill-import-writer"));
    private ImportTally found;
    private Future<ImportTally> inFlight;

    ImportBatches(ImportTally tally, ImportBatchWriter writer) {
        this.tally = tally;
        this.writer = writer;
        this.found = writer.tally();
    }

    /** Where the reading thread counts what it finds. */
    ImportTally found() {
        return found;
    }

    /** Hands the batch over, once the one before it is written. */
    void write(List<ImportGroup> batch) {
        finish();
        inFlight = thread.submit(() -> {
            ImportTally outcome = writer.tally();
            writer.write(batch, outcome);
            return outcome;
        });
    }

    /**
     * Waits for the batch in flight and adds its outcome to the import's tally, then what was found since it was
     * handed over.
     *
     * @throws RuntimeException what writing the batch threw, such as a StorageUnavailableException
     */
    void finish() {
        if (inFlight != null) {
            Future<ImportTally> written = inFlight;
            inFlight = null;
            tally.add(outcome(written));
        }
        tally.add(found);
        found = writer.tally();
    }

    /** Lets a batch in flight finish, whatever the reading thread threw meanwhile, and stops the thread. */
    @Override
    public void close() {
        try {
            if (inFlight != null) {
                outcome(inFlight);
            }
        } catch (RuntimeException alreadyFailing) {
            // the reading thread's failure is the one to report
        } finally {
            thread.shutdown();
        }
    }

    private static ImportTally outcome(Future<ImportTally> batch) {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a batch of the import failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch of the import was written", e);
        }
    }
}
