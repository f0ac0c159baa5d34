package io.waybill.application.service;

import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.application.support.DaemonThreads;
import io.waybill.domain.EventId;
import io.waybill.domain.IllegalTransitionException;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.StatusMapping;
import io.waybill.domain.TrackingCode;
import io.waybill.domain.TrackingEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Streams the lines, gathering each shipment's rows while up to {@value #WINDOW} shipments are open; when one more
 * begins, the {@value #BATCH} that began first are written. So memory stays bounded whatever the file's size, and the
 * rows of one shipment are gathered whole as long as fewer than {@value #BATCH} other shipments begin between its first
 * row and its last (a file written shipment by shipment always is; rows further apart may make a shipment of their
 * own, which an import then refuses, with the reason). Thread-safe.
 *
 * <p>Each batch costs a few round trips, not a few per shipment: one {@link ShipmentRepository#findAll} for the whole
 * batch, one {@link ShipmentRepository#registerAll} (one transaction) for the shipments new to the database, one
 * {@link ShipmentRepository#append} for each shipment whose status changed (rare), and one eviction from the cache for
 * all the numbers written. When another writer registered or changed one of the shipments meanwhile, those shipments
 * are looked at again one by one, a few times each.
 *
 * <p>A batch is written on a thread of its own while the calling thread reads and gathers the next one, so that
 * reading the file and the database's work overlap; one batch at a time, so a shipment whose rows come too far apart
 * still finds its first part stored. The report is the same as if one thread had done everything in order.
 *
 * <p>The event an import records has an id made from the shipment and the carrier's wording, so that importing the
 * same status twice, even at once from two processes, records it once.
 */
public final class ImportShipmentsService implements ImportShipmentsUseCase {

    /** How many shipments are written together. */
    static final int BATCH = 1000;
    /** How many shipments may be open, gathering rows, at once. */
    static final int WINDOW = 2 * BATCH;

    private final ShipmentRepository shipments;
    private final ShipmentLookup lookup;
    private final StatusMapping mapping;
    private final Clock clock;

    public ImportShipmentsService(ShipmentRepository shipments, ShipmentLookup lookup, StatusMapping mapping,
            Clock clock) {
        this.shipments = shipments;
        this.lookup = lookup;
        this.mapping = mapping;
        this.clock = clock;
    }

    @Override
    public Report importShipments(Command command) {
        if (command.mode() == Mode.STRICT) {
            Report check = run(command, false);
            if (check.rejectedLines() > 0) {
                return check;
            }
        }
        return run(command, command.mode() != Mode.DRY_RUN);
    }

    private Report run(Command command, boolean write) {
        ImportTally tally = new ImportTally(write);
        // In the order the shipments began: the first BATCH are the ones to write when the window is full.
        Map<ShipmentKey, ImportGroup> open = new LinkedHashMap<>();
        RuntimeException broken = null;
        try (Batches batches = new Batches(tally, write); Stream<Line> lines = command.lines().get()) {
            Iterator<Line> iterator = lines.iterator();
            ImportGroup last = null;
            while (true) {
                Line line;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    line = iterator.next();
                } catch (RuntimeException unreadable) {
                    broken = unreadable;
                    break;
                }
                if (tally.read() % Command.PROGRESS_EVERY == 0) {
                    command.progress().accept(tally.lines());
                }
                if (line instanceof Unreadable unreadable) {
                    batches.found().reject(new Rejection(unreadable.number(), unreadable.reason()));
                } else if (line instanceof Row row) {
                    last = gather(row, open, batches).orElse(last);
                }
            }
            // The rows of the shipment read last may go on past a break: it waits for the mended file.
            boolean withheld = broken != null && last != null && open.remove(last.key(), last);
            while (!open.isEmpty()) {
                batches.write(oldest(open));
            }
            batches.finish();
            if (withheld) {
                tally.refuse(last, List.of(new Rejection(last.lines().get(0), last.key() + ": not imported: the file"
                        + " could not be read past line " + last.lines().get(last.lines().size() - 1)
                        + ", and more rows of this shipment may follow; import it again once the file is mended")));
            }
        }
        command.progress().accept(tally.lines());
        if (broken != null) {
            throw new IncompleteImportException(tally.report(), broken);
        }
        return tally.report();
    }

    /** The row's shipment, gathering its rows; empty when the row names none. */
    private Optional<ImportGroup> gather(Row row, Map<ShipmentKey, ImportGroup> open, Batches batches) {
        ShipmentKey key;
        try {
            key = ImportGroup.keyOf(row);
        } catch (IllegalArgumentException e) {
            batches.found().reject(new Rejection(row.number(), e.getMessage()));
            return Optional.empty();
        }
        ImportGroup group = open.get(key);
        if (group == null) {
            if (open.size() >= WINDOW) {
                batches.write(oldest(open));
            }
            group = ImportGroup.of(key, mapping);
            open.put(key, group);
        }
        group.add(row);
        return Optional.of(group);
    }

    /** Closes the {@value #BATCH} shipments that began first, and returns them. */
    private static List<ImportGroup> oldest(Map<ShipmentKey, ImportGroup> open) {
        List<ImportGroup> batch = new ArrayList<>(Math.min(BATCH, open.size()));
        Iterator<ImportGroup> oldest = open.values().iterator();
        while (batch.size() < BATCH && oldest.hasNext()) {
            batch.add(oldest.next());
            oldest.remove();
        }
        return batch;
    }

    /**
     * The batches of one import, written one at a time on a thread of their own, and what the reading thread finds
     * meanwhile. Each batch counts its outcome apart; the reading thread adds it to the import's tally when it hands
     * over the next batch, and only then what it found itself since it handed over that batch, so that rejections are
     * listed in the order a single thread would have found them. Used by the reading thread only.
     */
    private final class Batches implements AutoCloseable {

        private final ImportTally tally;
        private final boolean write;
        private final ExecutorService writer =
                Executors.newSingleThreadExecutor(DaemonThreads.named("waybill-import-writer"));
        private ImportTally found;
        private Future<ImportTally> inFlight;

        Batches(ImportTally tally, boolean write) {
            this.tally = tally;
            this.write = write;
            this.found = new ImportTally(write);
        }

        /** Where the reading thread counts what it finds. */
        ImportTally found() {
            return found;
        }

        /** Hands the batch over, once the one before it is written. */
        void write(List<ImportGroup> batch) {
            finish();
            inFlight = writer.submit(() -> {
                ImportTally outcome = new ImportTally(write);
                flush(batch, outcome, write);
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
            found = new ImportTally(write);
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
                writer.shutdown();
            }
        }

        private ImportTally outcome(Future<ImportTally> batch) {
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

    private void flush(List<ImportGroup> batch, ImportTally tally, boolean write) {
        List<ImportGroup> valid = new ArrayList<>(batch.size());
        for (ImportGroup group : batch) {
            if (group.valid()) {
                valid.add(group);
            } else {
                tally.refuse(group, group.problems());
            }
        }
        if (valid.isEmpty()) {
            return;
        }
        List<ShipmentKey> keys = new ArrayList<>(valid.size());
        valid.forEach(group -> keys.add(group.key()));
        Map<ShipmentKey, Shipment> stored = shipments.findAll(keys);
        Set<TrackingCode> written = new LinkedHashSet<>();
        try {
            List<ImportGroup> fresh = new ArrayList<>();
            List<Shipment> registrations = new ArrayList<>();
            for (ImportGroup group : valid) {
                Shipment current = stored.get(group.key());
                try {
                    if (current == null) {
                        registrations.add(registration(group));
                        fresh.add(group);
                    } else {
                        update(current, group, tally, write, written);
                    }
                } catch (ConcurrentUpdateException changedMeanwhile) {
                    store(group, tally, write, written);
                } catch (IllegalArgumentException | IllegalTransitionException refused) {
                    refuse(group, tally, refused);
                }
            }
            register(fresh, registrations, tally, write, written);
        } finally {
            // Also when a write failed: what was written before it is committed, and must not be hidden by the cache.
            if (write) {
                lookup.forgetAll(written);
            }
        }
    }

    // All in one transaction; when another writer registered one of them meanwhile, one by one.
    private void register(List<ImportGroup> fresh, List<Shipment> registrations, ImportTally tally, boolean write,
            Set<TrackingCode> written) {
        if (registrations.isEmpty()) {
            return;
        }
        if (write) {
            try {
                shipments.registerAll(registrations);
            } catch (ShipmentExistsException registeredMeanwhile) {
                fresh.forEach(group -> store(group, tally, write, written));
                return;
            }
            registrations.forEach(shipment -> written.add(shipment.key().number()));
        }
        for (int i = 0; i < registrations.size(); i++) {
            tally.created();
        }
    }

    // A shipment registered or changed by someone else meanwhile is looked at again, a few times.
    private void store(ImportGroup group, ImportTally tally, boolean write, Set<TrackingCode> written) {
        for (int attempt = 0; attempt < RecordTrackingEventsService.ATTEMPTS; attempt++) {
            try {
                Optional<Shipment> stored = shipments.find(group.key());
                if (stored.isEmpty()) {
                    Shipment shipment = registration(group);
                    if (write) {
                        shipments.register(shipment);
                        written.add(group.key().number());
                    }
                    tally.created();
                } else {
                    update(stored.get(), group, tally, write, written);
                }
                return;
            } catch (ShipmentExistsException | ConcurrentUpdateException changedMeanwhile) {
                // look again
            } catch (IllegalArgumentException | IllegalTransitionException refused) {
                refuse(group, tally, refused);
                return;
            }
        }
        tally.refuse(group, List.of(new Rejection(group.lines().get(0), group.key()
                + ": changed by others while it was imported; import it again")));
    }

    private static void refuse(ImportGroup group, ImportTally tally, RuntimeException refused) {
        tally.refuse(group, List.of(new Rejection(group.lines().get(0), group.key() + ": " + refused.getMessage())));
    }

    private Shipment registration(ImportGroup group) {
        return Shipment.register(group.key(), group.details(), List.of(event(group)), clock.instant());
    }

    private void update(Shipment stored, ImportGroup group, ImportTally tally, boolean write,
            Set<TrackingCode> written) {
        if (!stored.details().equals(group.details())) {
            throw new IllegalArgumentException("is stored with other articles or addresses; an import never changes"
                    + " a shipment's details (are its rows apart in the file, or was it registered otherwise?)");
        }
        boolean sameStatus = stored.status() == group.status() && !stored.events().isEmpty()
                && stored.events().get(stored.events().size() - 1).carrierStatus().equals(group.carrierStatus());
        Shipment.Recording recording = sameStatus ? null : stored.record(List.of(event(group)));
        if (recording == null || recording.added().isEmpty()) {
            tally.unchanged();
            return;
        }
        if (write) {
            shipments.append(recording.shipment(), stored.version(), recording.added());
            written.add(group.key().number());
        }
        tally.updated();
    }

    private TrackingEvent event(ImportGroup group) {
        return new TrackingEvent(eventId(group), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), group.status(),
                group.carrierStatus(), Optional.empty(), Optional.empty());
    }

    private static EventId eventId(ImportGroup group) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((group.key().number() + "\n"
                    + group.key().carrier() + "\n" + group.carrierStatus()).getBytes(StandardCharsets.UTF_8));
            return new EventId("import-" + HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
