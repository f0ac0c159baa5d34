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
import java.time.Duration;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The {@link ShipmentRepository} contract in memory: version checks, {@link ShipmentExistsException}, listing in
 * the cursor's order, and transactions whose writes no one else sees before they commit
 * ({@link InMemoryShipmentTransaction}). It counts reads and writes, can be taken down, and can run a concurrent writer
 * just before an append checks the version, or just after a {@code findAll}.
 */
final class InMemoryShipmentRepository implements ShipmentRepository {

    /** Newest first, then number and carrier, descending: the order of {@link Cursor}. */
    static final Comparator<Position> LISTING_ORDER = Comparator.comparing(Position::createdAt)
            .thenComparing(position -> position.key().number().value())
            .thenComparing(position -> position.key().carrier().code())
            .reversed();

    record Position(Instant createdAt, ShipmentKey key) {}

    /** What one transaction wrote and has not committed; compared by identity. */
    static final class Pending {

        private final Map<ShipmentKey, Shipment> writes = new HashMap<>();
    }

    /** Where writes outside a transaction go: straight to the stored shipments. */
    private static final Pending AUTOCOMMIT = new Pending();
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    private final Map<ShipmentKey, Shipment> stored = new HashMap<>();
    /** The shipments written by open transactions, and which one wrote each. */
    private final Map<ShipmentKey, Pending> locks = new HashMap<>();
    private final List<IssuedTrackingNumber> issued = new ArrayList<>();
    private final AtomicInteger readsByNumber = new AtomicInteger();
    private final AtomicInteger appends = new AtomicInteger();
    private final AtomicInteger finds = new AtomicInteger();
    private final AtomicInteger findAlls = new AtomicInteger();
    private final AtomicInteger registers = new AtomicInteger();
    private final AtomicInteger registerAlls = new AtomicInteger();
    private int waiting;
    private RuntimeException down;
    private Consumer<ShipmentKey> beforeAppend = key -> {};
    private Consumer<ShipmentKey> afterAppend = key -> {};
    private Consumer<Collection<ShipmentKey>> afterFindAll = keys -> {};

    // A number stored already fails the commit, as in the database: issued numbers never repeat.
    @Override
    public synchronized void add(IssuedTrackingNumber number) {
        failIfDown();
        awaitLocks(AUTOCOMMIT, List.of(number.asShipment().key()));
        if (stored.containsKey(number.asShipment().key())) {
            throw new StorageUnavailableException("the tracking number is stored already", null);
        }
        register(number.asShipment());
        issued.add(number);
    }

    @Override
    public void register(Shipment shipment) {
        register(AUTOCOMMIT, shipment);
    }

    synchronized void register(Pending pending, Shipment shipment) {
        failIfDown();
        registers.incrementAndGet();
        store(pending, List.of(shipment));
    }

    @Override
    public void registerAll(List<Shipment> shipments) {
        registerAll(AUTOCOMMIT, shipments);
    }

    synchronized void registerAll(Pending pending, List<Shipment> shipments) {
        failIfDown();
        registerAlls.incrementAndGet();
        store(pending, shipments);
    }

    private void store(Pending pending, List<Shipment> shipments) {
        Set<ShipmentKey> keys = new HashSet<>();
        for (Shipment shipment : shipments) {
            if (!keys.add(shipment.key())) {
                throw new ShipmentExistsException(shipment.key());
            }
        }
        awaitLocks(pending, keys);
        for (Shipment shipment : shipments) {
            if (current(pending, shipment.key()) != null) {
                throw new ShipmentExistsException(shipment.key());
            }
        }
        shipments.forEach(shipment -> write(pending, shipment.withVersion(0)));
    }

    @Override
    public List<Shipment> findByNumber(CarrierTrackingNumber number) {
        return findByNumber(AUTOCOMMIT, number);
    }

    synchronized List<Shipment> findByNumber(Pending pending, CarrierTrackingNumber number) {
        failIfDown();
        readsByNumber.incrementAndGet();
        return visible(pending).stream().filter(shipment -> shipment.key().number().equals(number))
                .sorted(Comparator.comparing(shipment -> shipment.key().carrier().code())).toList();
    }

    @Override
    public Optional<Shipment> find(ShipmentKey key) {
        return find(AUTOCOMMIT, key);
    }

    synchronized Optional<Shipment> find(Pending pending, ShipmentKey key) {
        failIfDown();
        finds.incrementAndGet();
        return Optional.ofNullable(current(pending, key));
    }

    @Override
    public Map<ShipmentKey, Shipment> findAll(Collection<ShipmentKey> keys) {
        return findAll(AUTOCOMMIT, keys);
    }

    // The writer that comes after runs without the lock, as another process would: it may use threads of its own.
    Map<ShipmentKey, Shipment> findAll(Pending pending, Collection<ShipmentKey> keys) {
        Map<ShipmentKey, Shipment> found;
        Consumer<Collection<ShipmentKey>> after;
        synchronized (this) {
            failIfDown();
            findAlls.incrementAndGet();
            found = new HashMap<>();
            for (ShipmentKey key : keys) {
                Shipment shipment = current(pending, key);
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
    public void append(Shipment updated, long expectedVersion, List<TrackingEvent> added) {
        append(AUTOCOMMIT, updated, expectedVersion, added);
    }

    synchronized void append(Pending pending, Shipment updated, long expectedVersion, List<TrackingEvent> added) {
        failIfDown();
        appends.incrementAndGet();
        beforeAppend.accept(updated.key());
        awaitLocks(pending, List.of(updated.key()));
        Shipment current = current(pending, updated.key());
        if (current == null || current.version() != expectedVersion || anyStored(current, added)) {
            throw new ConcurrentUpdateException(updated.key());
        }
        List<TrackingEvent> expected = current.record(added).shipment().events();
        if (!expected.equals(updated.events())) {
            throw new IllegalStateException("the updated history is not the stored one with the added events");
        }
        write(pending, new Shipment(current.key(), current.details(), updated.events(), current.createdAt(),
                expectedVersion + 1));
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

    // The transaction's writes wait in its Pending, seen only by its own reads, until they are stored on commit or
    // dropped. Meanwhile writers of the same shipments wait, as they do for a database's row locks.
    @Override
    public <T> T inOneTransaction(Function<ShipmentRepository, T> work) {
        synchronized (this) {
            failIfDown();
        }
        Pending pending = new Pending();
        try {
            T result = work.apply(new InMemoryShipmentTransaction(this, pending));
            commit(pending);
            return result;
        } finally {
            release(pending);
        }
    }

    private synchronized void commit(Pending pending) {
        failIfDown();
        stored.putAll(pending.writes);
    }

    private synchronized void release(Pending pending) {
        locks.values().removeIf(owner -> owner == pending);
        pending.writes.clear();
        notifyAll();
    }

    /** The shipment as {@code pending} sees it: its own write, else the stored one; null when there is none. */
    private Shipment current(Pending pending, ShipmentKey key) {
        Shipment own = pending.writes.get(key);
        return own != null ? own : stored.get(key);
    }

    private Collection<Shipment> visible(Pending pending) {
        if (pending.writes.isEmpty()) {
            return stored.values();
        }
        Map<ShipmentKey, Shipment> merged = new HashMap<>(stored);
        merged.putAll(pending.writes);
        return merged.values();
    }

    private void write(Pending pending, Shipment shipment) {
        if (pending == AUTOCOMMIT) {
            stored.put(shipment.key(), shipment);
        } else {
            pending.writes.put(shipment.key(), shipment);
            locks.put(shipment.key(), pending);
        }
    }

    /**
     * Waits until no other open transaction has written any of {@code keys}, as a database's writer waits for a
     * row's lock; fails as a lock timeout would when that takes longer than {@link #LOCK_TIMEOUT}, such as when a
     * transaction's work writes outside it what it wrote inside.
     */
    private void awaitLocks(Pending pending, Collection<ShipmentKey> keys) {
        long deadline = System.nanoTime() + LOCK_TIMEOUT.toNanos();
        while (keys.stream().map(locks::get).anyMatch(owner -> owner != null && owner != pending)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new StorageUnavailableException("another transaction holds the shipments " + keys, null);
            }
            waiting++;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageUnavailableException("interrupted while waiting for another transaction", e);
            } finally {
                waiting--;
            }
        }
    }

    /** Every method throws {@code failure} from now on. */
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

    /** How many writers wait for a transaction to end. */
    synchronized int waiting() {
        return waiting;
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
