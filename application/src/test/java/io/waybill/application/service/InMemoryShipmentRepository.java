package io.waybill.application.service;

import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.EventId;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentSummary;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The {@link ShipmentRepository} contract in memory: version checks, {@link ShipmentExistsException}, listing in
 * the cursor's order. It counts reads and writes, can be taken down, and can run a concurrent writer just before an
 * append checks the version, or just after a {@link #findAll}.
 */
final class InMemoryShipmentRepository implements ShipmentRepository {

    /** Newest first, then number and carrier, descending: the order of {@link Cursor}. */
    static final Comparator<Position> LISTING_ORDER = Comparator.comparing(Position::createdAt)
            .thenComparing(position -> position.key().number().value())
            .thenComparing(position -> position.key().carrier().code())
            .reversed();

    record Position(Instant createdAt, ShipmentKey key) {}

    private final Map<ShipmentKey, Shipment> stored = new HashMap<>();
    private final List<IssuedTrackingNumber> issued = new ArrayList<>();
    private final AtomicInteger readsByNumber = new AtomicInteger();
    private final AtomicInteger appends = new AtomicInteger();
    private final AtomicInteger finds = new AtomicInteger();
    private final AtomicInteger findAlls = new AtomicInteger();
    private final AtomicInteger registers = new AtomicInteger();
    private final AtomicInteger registerAlls = new AtomicInteger();
    private RuntimeException down;
    private Consumer<ShipmentKey> beforeAppend = key -> {};
    private Consumer<ShipmentKey> afterAppend = key -> {};
    private Consumer<Collection<ShipmentKey>> afterFindAll = keys -> {};

    // A number stored already fails the commit, as in the database: issued numbers never repeat.
    @Override
    public synchronized void add(IssuedTrackingNumber number) {
        failIfDown();
        if (stored.containsKey(number.asShipment().key())) {
            throw new StorageUnavailableException("the tracking number is stored already", null);
        }
        register(number.asShipment());
        issued.add(number);
    }

    @Override
    public synchronized void register(Shipment shipment) {
        failIfDown();
        registers.incrementAndGet();
        if (stored.containsKey(shipment.key())) {
            throw new ShipmentExistsException(shipment.key());
        }
        stored.put(shipment.key(), shipment.withVersion(0));
    }

    @Override
    public synchronized void registerAll(List<Shipment> shipments) {
        failIfDown();
        registerAlls.incrementAndGet();
        Set<ShipmentKey> keys = new HashSet<>();
        for (Shipment shipment : shipments) {
            if (stored.containsKey(shipment.key()) || !keys.add(shipment.key())) {
                throw new ShipmentExistsException(shipment.key());
            }
        }
        shipments.forEach(shipment -> stored.put(shipment.key(), shipment.withVersion(0)));
    }

    @Override
    public synchronized List<Shipment> findByNumber(CarrierTrackingNumber number) {
        failIfDown();
        readsByNumber.incrementAndGet();
        return stored.values().stream().filter(shipment -> shipment.key().number().equals(number))
                .sorted(Comparator.comparing(shipment -> shipment.key().carrier().code())).toList();
    }

    @Override
    public synchronized Optional<Shipment> find(ShipmentKey key) {
        failIfDown();
        finds.incrementAndGet();
        return Optional.ofNullable(stored.get(key));
    }

    // The writer that comes after runs without the lock, as another process would: it may use threads of its own.
    @Override
    public Map<ShipmentKey, Shipment> findAll(Collection<ShipmentKey> keys) {
        Map<ShipmentKey, Shipment> found;
        Consumer<Collection<ShipmentKey>> after;
        synchronized (this) {
            failIfDown();
            findAlls.incrementAndGet();
            found = new HashMap<>();
            for (ShipmentKey key : keys) {
                Shipment shipment = stored.get(key);
                if (shipment != null) {
                    found.put(key, shipment);
                }
            }
            after = afterFindAll;
        }
        after.accept(List.copyOf(keys));
        return found;
    }

    @Override
    public synchronized void append(Shipment updated, long expectedVersion, List<TrackingEvent> added) {
        failIfDown();
        appends.incrementAndGet();
        beforeAppend.accept(updated.key());
        Shipment current = stored.get(updated.key());
        if (current == null || current.version() != expectedVersion || anyStored(current, added)) {
            throw new ConcurrentUpdateException(updated.key());
        }
        List<TrackingEvent> expected = current.record(added).shipment().events();
        if (!expected.equals(updated.events())) {
            throw new IllegalStateException("the updated history is not the stored one with the added events");
        }
        stored.put(updated.key(), new Shipment(current.key(), current.details(), updated.events(),
                current.createdAt(), expectedVersion + 1));
        afterAppend.accept(updated.key());
    }

    @Override
    public synchronized List<ShipmentSummary> list(Filter filter, Optional<Cursor> after, int limit) {
        failIfDown();
        return stored.values().stream().map(ShipmentSummary::of)
                .filter(summary -> matches(filter, summary))
                .filter(summary -> after.map(cursor -> LISTING_ORDER.compare(position(summary),
                        new Position(cursor.createdAt(), cursor.key())) > 0).orElse(true))
                .sorted(Comparator.comparing(InMemoryShipmentRepository::position, LISTING_ORDER))
                .limit(limit).toList();
    }

    /** Every method throws {@code failure} from now on. */
    // Rolled back by restoring the shipments as they were; other writers' changes meanwhile are lost with it, which
    // the tests that use a transaction do not make.
    @Override
    public <T> T inOneTransaction(Function<ShipmentRepository, T> work) {
        Map<ShipmentKey, Shipment> before;
        synchronized (this) {
            failIfDown();
            before = new HashMap<>(stored);
        }
        try {
            return work.apply(this);
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                stored.clear();
                stored.putAll(before);
            }
            throw e;
        }
    }

    synchronized void goDown(RuntimeException failure) {
        down = failure;
    }

    synchronized void goUp() {
        down = null;
    }

    /** Runs {@code writer} inside every {@link #append}, before the version is checked: a concurrent writer. */
    synchronized void beforeEachAppend(Consumer<ShipmentKey> writer) {
        beforeAppend = writer;
    }

    /** Runs {@code action} once every {@link #append} has stored its change. */
    synchronized void afterEachAppend(Consumer<ShipmentKey> action) {
        afterAppend = action;
    }

    /** Runs {@code action} with the keys once every {@link #findAll} has read: a writer that comes just after. */
    synchronized void afterEachFindAll(Consumer<Collection<ShipmentKey>> action) {
        afterFindAll = action;
    }

    /** Another instance stores a change to the shipment, as one committed transaction: a new version. */
    synchronized void changeConcurrently(ShipmentKey key, UnaryOperator<Shipment> change) {
        stored.computeIfPresent(key, (k, shipment) -> change.apply(shipment).withVersion(shipment.version() + 1));
    }

    synchronized Optional<Shipment> stored(ShipmentKey key) {
        return Optional.ofNullable(stored.get(key));
    }

    synchronized List<IssuedTrackingNumber> issued() {
        return List.copyOf(issued);
    }

    int readsByNumber() {
        return readsByNumber.get();
    }

    int appends() {
        return appends.get();
    }

    /** Calls of {@link #find}, of one key each. */
    int finds() {
        return finds.get();
    }

    int findAlls() {
        return findAlls.get();
    }

    /** Calls of {@link #register}, of one shipment each. */
    int registers() {
        return registers.get();
    }

    int registerAlls() {
        return registerAlls.get();
    }

    private void failIfDown() {
        if (down != null) {
            throw down;
        }
    }

    /** An event id is stored once per shipment: another writer stored an event that this one adds. */
    private static boolean anyStored(Shipment current, List<TrackingEvent> added) {
        Set<EventId> ids = current.events().stream().map(TrackingEvent::id).collect(Collectors.toSet());
        return added.stream().anyMatch(event -> ids.contains(event.id()));
    }

    private static Position position(ShipmentSummary summary) {
        return new Position(summary.createdAt(), summary.key());
    }

    private static boolean matches(Filter filter, ShipmentSummary summary) {
        return filter.status().map(status -> status == summary.status()).orElse(true)
                && filter.carrier().map(carrier -> carrier.equals(summary.key().carrier())).orElse(true)
                && filter.customer().map(customer -> summary.customer().equals(Optional.of(customer))).orElse(true)
                && filter.origin().map(origin -> summary.origin().equals(Optional.of(origin))).orElse(true)
                && filter.destination().map(country -> summary.destination().equals(Optional.of(country)))
                        .orElse(true)
                && filter.createdFrom().map(from -> !summary.createdAt().isBefore(from)).orElse(true)
                && filter.createdBefore().map(before -> summary.createdAt().isBefore(before)).orElse(true);
    }
}
