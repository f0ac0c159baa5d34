package io.waybill.application.port.out;

import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shipments as stored, with their articles and histories. Every method is atomic: a shipment is never seen or left
 * half-written. Thread-safe; every method may throw {@link StorageUnavailableException} when the database cannot do
 * what is asked. Its reads ({@link #findByNumber}, {@link #list} among them) are the primary database's: a writer that
 * reads before it writes sees every committed write.
 */
public interface ShipmentRepository extends ShipmentQueries {

    /**
     * Stores a newly issued tracking number with its order, as a new shipment without events, and returns once that
     * is committed durably. Implementations may commit many concurrent calls in one transaction.
     *
     * @throws StorageUnavailableException when the commit failed or did not finish in time; the shipment may or
     *     may not be stored then, and its number must not be handed out
     */
    void add(IssuedTrackingNumber issued);

    /**
     * Stores a new shipment with its details, articles and events, at version 0.
     *
     * @throws ShipmentExistsException when a shipment with the same key is stored
     */
    void register(Shipment shipment);

    /**
     * Stores new shipments as {@link #register} does, all in one transaction: every one of them, or, when this throws,
     * none. For writers of many shipments at once, such as an import, to whom one transaction per shipment costs more
     * than the writing itself.
     *
     * @throws ShipmentExistsException when a shipment with the key of one of them is stored, or two of them share a
     *     key; nothing is stored then, and the caller may register them one by one to learn which
     */
    void registerAll(List<Shipment> shipments);

    Optional<Shipment> find(ShipmentKey key);

    /**
     * The stored shipments with these keys, each whole as {@link #find} returns it; a key with no shipment is absent
     * from the map. For readers of many shipments at once, such as an import, to whom a round trip per shipment costs
     * more than the reading itself.
     */
    Map<ShipmentKey, Shipment> findAll(Collection<ShipmentKey> keys);

    /**
     * Stores {@code added}, events of {@code updated}, and the status and estimated delivery of {@code updated},
     * provided the stored shipment is still at {@code expectedVersion}; its version becomes
     * {@code expectedVersion + 1}.
     *
     * @throws ConcurrentUpdateException when the stored version differs; nothing is stored then
     */
    void append(Shipment updated, long expectedVersion, List<TrackingEvent> added);

    /**
     * Runs {@code work} on a repository whose writes, and the reads that follow them, are all one transaction:
     * committed when {@code work} returns, rolled back when it throws (what it threw passes on). For a writer that
     * must store all or nothing over many batches, such as a strict import. The repository given is to be used only
     * inside {@code work}, by one thread at a time; a write that fails there with {@link ShipmentExistsException} or
     * {@link ConcurrentUpdateException} leaves the transaction usable. Its {@link #add} and {@link #list} are not
     * part of the transaction.
     *
     * @throws StorageUnavailableException when the transaction cannot begin or commit; nothing is stored then
     */
    <T> T inOneTransaction(Function<ShipmentRepository, T> work);

    /** A shipment with the same number and carrier is stored already. */
    final class ShipmentExistsException extends RuntimeException {

        public ShipmentExistsException(ShipmentKey key) {
            super("A shipment with tracking number " + key.number() + " and carrier " + key.carrier()
                    + " exists already");
        }
    }

    /** The shipment changed since it was read. */
    final class ConcurrentUpdateException extends RuntimeException {

        public ConcurrentUpdateException(ShipmentKey key) {
            super("Shipment " + key + " changed while it was being updated");
        }
    }
}
