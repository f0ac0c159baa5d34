package io.waybill.application.service;

import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.domain.EventId;
import io.waybill.domain.IllegalTransitionException;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.StatusMapping;
import io.waybill.domain.TrackingEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Streams the lines, gathering each shipment's rows until {@value #BATCH} shipments are open, then writes them; so
 * memory stays bounded whatever the file's size, and the rows of one shipment must come within that many shipments
 * of each other (a file written shipment by shipment always does; rows further apart are refused, with the reason).
 * Each write evicts the number's cache entry. Thread-safe.
 *
 * <p>The event an import records has an id made from the shipment and the carrier's wording, so that importing the
 * same status twice, even at once from two processes, records it once.
 */
public final class ImportShipmentsService implements ImportShipmentsUseCase {

    static final int BATCH = 500;

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
        Map<ShipmentKey, ImportGroup> open = new LinkedHashMap<>();
        try (Stream<Line> lines = command.lines().get()) {
            Iterator<Line> iterator = lines.iterator();
            while (iterator.hasNext()) {
                Line line = iterator.next();
                if (tally.read() % Command.PROGRESS_EVERY == 0) {
                    command.progress().accept(tally.lines());
                }
                if (line instanceof Unreadable unreadable) {
                    tally.reject(new Rejection(unreadable.number(), unreadable.reason()));
                } else if (line instanceof Row row) {
                    gather(row, open, tally, write);
                }
            }
        }
        flush(open, tally, write);
        command.progress().accept(tally.lines());
        return tally.report();
    }

    // The batch is written when a row opens a shipment beyond it, never before: the shipment that filled it may have
    // more rows to come.
    private void gather(Row row, Map<ShipmentKey, ImportGroup> open, ImportTally tally, boolean write) {
        ShipmentKey key;
        try {
            key = ImportGroup.keyOf(row);
        } catch (IllegalArgumentException e) {
            tally.reject(new Rejection(row.number(), e.getMessage()));
            return;
        }
        ImportGroup group = open.get(key);
        if (group == null) {
            if (open.size() >= BATCH) {
                flush(open, tally, write);
            }
            group = ImportGroup.of(key, mapping);
            open.put(key, group);
        }
        group.add(row);
    }

    private void flush(Map<ShipmentKey, ImportGroup> open, ImportTally tally, boolean write) {
        for (ImportGroup group : open.values()) {
            if (group.valid()) {
                store(group, tally, write);
            } else {
                tally.refuse(group, group.problems());
            }
        }
        open.clear();
    }

    // A shipment registered or changed by someone else meanwhile is looked at again, a few times.
    private void store(ImportGroup group, ImportTally tally, boolean write) {
        for (int attempt = 0; attempt < RecordTrackingEventsService.ATTEMPTS; attempt++) {
            try {
                Optional<Shipment> stored = shipments.find(group.key());
                if (stored.isEmpty()) {
                    Shipment shipment = Shipment.register(group.key(), group.details(), List.of(event(group)),
                            clock.instant());
                    if (write) {
                        shipments.register(shipment);
                        lookup.forget(group.key().number());
                    }
                    tally.created();
                } else {
                    update(stored.get(), group, tally, write);
                }
                return;
            } catch (ShipmentExistsException | ConcurrentUpdateException changedMeanwhile) {
                // look again
            } catch (IllegalArgumentException | IllegalTransitionException refused) {
                tally.refuse(group, List.of(new Rejection(group.lines().get(0), group.key() + ": "
                        + refused.getMessage())));
                return;
            }
        }
        tally.refuse(group, List.of(new Rejection(group.lines().get(0), group.key()
                + ": changed by others while it was imported; import it again")));
    }

    private void update(Shipment stored, ImportGroup group, ImportTally tally, boolean write) {
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
            lookup.forget(group.key().number());
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
