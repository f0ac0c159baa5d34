package io.waybill.application.service;

import io.waybill.application.port.in.ImportShipmentsUseCase.Rejection;
import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.IllegalTransitionException;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes a batch of an import, or, for a dry run, only tells what it would write. Each batch costs a few round trips,
 * not a few per shipment: one {@link ShipmentRepository#findAll} for the whole batch, one
 * {@link ShipmentRepository#registerAll} (one transaction) for the shipments new to the database, one
 * {@link ShipmentRepository#append} for each shipment whose status changed (rare). When another writer registered or
 * changed one of the shipments meanwhile, those shipments are looked at again one by one, a few times each. The
 * numbers written are handed on after each batch, also when a write failed, since what was written before it is
 * stored. Used by one thread at a time.
 */
final class ImportBatchWriter {

    private final ShipmentRepository shipments;
    private final ImportEvents events;
    private final boolean write;
    private final Consumer<Collection<CarrierTrackingNumber>> written;

    ImportBatchWriter(ShipmentRepository shipments, Clock clock, boolean write,
            Consumer<Collection<CarrierTrackingNumber>> written) {
        this.shipments = shipments;
        this.events = new ImportEvents(clock);
        this.write = write;
        this.written = written;
    }

    /** A tally for a part of this import. */
    ImportTally tally() {
        return new ImportTally(write);
    }

    void write(List<ImportGroup> batch, ImportTally tally) {
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
        Set<CarrierTrackingNumber> numbers = new LinkedHashSet<>();
        try {
            List<ImportGroup> fresh = new ArrayList<>();
            List<Shipment> registrations = new ArrayList<>();
            for (ImportGroup group : valid) {
                Shipment current = stored.get(group.key());
                try {
                    if (current == null) {
                        registrations.add(events.registration(group));
                        fresh.add(group);
                    } else {
                        update(current, group, tally, numbers);
                    }
                } catch (ConcurrentUpdateException changedMeanwhile) {
                    store(group, tally, numbers);
                } catch (IllegalArgumentException | IllegalTransitionException refused) {
                    refuse(group, tally, refused);
                }
            }
            register(fresh, registrations, tally, numbers);
        } finally {
            if (write && !numbers.isEmpty()) {
                written.accept(numbers);
            }
        }
    }

    // All in one transaction; when another writer registered one of them meanwhile, one by one.
    private void register(List<ImportGroup> fresh, List<Shipment> registrations, ImportTally tally,
            Set<CarrierTrackingNumber> numbers) {
        if (registrations.isEmpty()) {
            return;
        }
        if (write) {
            try {
                shipments.registerAll(registrations);
            } catch (ShipmentExistsException registeredMeanwhile) {
                fresh.forEach(group -> store(group, tally, numbers));
                return;
            }
            registrations.forEach(shipment -> numbers.add(shipment.key().number()));
        }
        for (int i = 0; i < registrations.size(); i++) {
            tally.created();
        }
    }

    // A shipment registered or changed by someone else meanwhile is looked at again, a few times.
    private void store(ImportGroup group, ImportTally tally, Set<CarrierTrackingNumber> numbers) {
        for (int attempt = 0; attempt < RecordTrackingEventsService.ATTEMPTS; attempt++) {
            try {
                Optional<Shipment> stored = shipments.find(group.key());
                if (stored.isEmpty()) {
                    Shipment shipment = events.registration(group);
                    if (write) {
                        shipments.register(shipment);
                        numbers.add(group.key().number());
                    }
                    tally.created();
                } else {
                    update(stored.get(), group, tally, numbers);
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

    private void update(Shipment stored, ImportGroup group, ImportTally tally, Set<CarrierTrackingNumber> numbers) {
        if (!stored.details().equals(group.details())) {
            throw new IllegalArgumentException("is stored with other articles or addresses; an import never changes"
                    + " a shipment's details (are its rows apart in the file, or was it registered otherwise?)");
        }
        Optional<Shipment.Recording> recording = events.recording(stored, group);
        if (recording.isEmpty() || recording.get().added().isEmpty()) {
            tally.unchanged();
            return;
        }
        if (write) {
            shipments.append(recording.get().shipment(), stored.version(), recording.get().added());
            numbers.add(group.key().number());
        }
        tally.updated();
    }
}
