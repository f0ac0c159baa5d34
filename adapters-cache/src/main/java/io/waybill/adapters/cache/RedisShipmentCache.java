package io.waybill.adapters.cache;

import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shipments cached in Redis, shared by every instance; newest wins on the server (see {@link RedisEntries}). Never
 * fails: when Redis fails, {@link CircuitBreaker} keeps lookups away from it and deletes the entries that a failed
 * or skipped offer may have left stale before Redis is read again. Thread-safe.
 *
 * <p>What it reads from Redis it keeps decoded in a {@link NearCache}, which answers the next lookups of the number
 * without Redis until Redis reports a change to its key. This instance's own offers and evictions drop the number
 * from the near cache before they go to Redis; the near cache is read only while the breaker is closed, and is
 * emptied before it closes again, since changes may have gone unreported meanwhile. Another instance's change
 * reaches the near cache as soon as Redis's report does, typically within a millisecond; until then a lookup here
 * may answer what that change replaced.
 *
 * <p>What remains:
 * <ul>
 *   <li>A read that reached Redis before a concurrent offer failed may return the entry that offer meant to replace;
 *       it raced with the write, as any read a moment earlier would have.
 *   <li>Other instances know nothing of this one's failures: if Redis is unreachable from this instance only, the
 *       others serve the entries this one could not replace until it reaches Redis again, or until they expire,
 *       unless they hear of its changes by another channel (on PostgreSQL they do, see the application's
 *       {@code CacheCoherence}, and reload those entries themselves).
 *   <li>An instance that stops while its breaker is open forgets its numbers; their entries live out their ttl.
 *   <li>An offer may fail after Redis stored it; the entry is then deleted, which costs only a miss.
 *   <li>Newest-wins needs the newer entry in Redis. A reader that loaded before a write whose offer failed, and
 *       offers only after the recovery deleted the entry, stores what it loaded, until the ttl or the next write.
 *       That takes a reader slower than the whole outage; the same holds after an expiry or an eviction.
 * </ul>
 */
final class RedisShipmentCache implements ShipmentCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisShipmentCache.class);

    private final RedisEntries entries;
    private final NearCache near;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final CircuitBreaker breaker;
    private final RedisWriteGuard writes;
    private final AtomicBoolean undecodableLogged;
    private final CacheMeters meters;

    RedisShipmentCache(RedisEntries entries, NearCache near, CacheSettings settings, String target, int staleLimit) {
        this(entries, near, settings, target, staleLimit, CacheMeters.NONE);
    }

    /** {@code meters} count the lookups that reach Redis, or would have but for a failure. */
    RedisShipmentCache(RedisEntries entries, NearCache near, CacheSettings settings, String target, int staleLimit,
            CacheMeters meters) {
        this.meters = meters;
        this.entries = entries;
        this.near = near;
        this.ttl = settings.ttl();
        this.negativeTtl = settings.negativeTtl();
        this.breaker = new CircuitBreaker(target, settings.retryAfter(), staleLimit,
                new StaleEntriesRecovery(entries, near));
        this.writes = new RedisWriteGuard(entries, breaker, true);
        this.undecodableLogged = new AtomicBoolean();
    }

    private RedisShipmentCache(RedisShipmentCache cache) {
        this.entries = cache.entries;
        this.near = cache.near;
        this.ttl = cache.ttl;
        this.negativeTtl = cache.negativeTtl;
        this.breaker = cache.breaker;
        this.writes = cache.writes.forgettingFailedWrites();
        this.undecodableLogged = cache.undecodableLogged;
        this.meters = cache.meters;
    }

    /**
     * The same entries, near cache and breaker, but the numbers of writes that fail or are skipped are not
     * remembered: the instance that made the change deletes their entries itself. Otherwise an instance cut off from
     * Redis would remember every change the whole cluster made meanwhile, and past the stale limit delete every entry.
     */
    @Override
    public ShipmentCache forChangesMadeElsewhere() {
        return writes.remembersFailedWrites() ? new RedisShipmentCache(this) : this;
    }

    @Override
    public Optional<List<Shipment>> get(CarrierTrackingNumber number) {
        if (!breaker.allowsReads()) {
            meters.skipped().increment();
            return Optional.empty();
        }
        Optional<List<Shipment>> held = near.get(number);
        if (held.isPresent()) {
            return held;
        }
        long stamp = near.stamp(number);
        Optional<byte[]> value;
        try {
            value = entries.read(number);
        } catch (RuntimeException e) {
            meters.errors().increment();
            breaker.failed(e);
            return Optional.empty();
        }
        Optional<List<Shipment>> cached;
        try {
            cached = value.map(bytes -> ShipmentJson.decode(bytes, RedisEntries.jsonStart(bytes)));
        } catch (RuntimeException e) {
            meters.errors().increment();
            logUndecodable(number, e);
            writes.delete(number);
            return Optional.empty();
        }
        (cached.isPresent() ? meters.hits() : meters.misses()).increment();
        cached.ifPresent(shipments -> near.fill(number, stamp, shipments));
        return cached;
    }

    @Override
    public void offer(CarrierTrackingNumber number, List<Shipment> shipments) {
        near.evict(number);
        if (writes.skipped(number)) {
            return;
        }
        String json;
        try {
            json = ShipmentJson.encode(shipments);
        } catch (RuntimeException e) {
            LOG.error("Cannot cache the shipments with number {}; their cached entry is deleted", number, e);
            writes.delete(number);
            return;
        }
        try {
            entries.offer(number, ShipmentCache.generation(shipments), json, shipments.isEmpty() ? negativeTtl : ttl);
        } catch (RuntimeException e) {
            writes.failed(List.of(number), e);
        }
    }

    /** While Redis fails, the number is remembered, and its entry deleted before Redis is read again. */
    @Override
    public void evict(CarrierTrackingNumber number) {
        near.evict(number);
        if (writes.skipped(number)) {
            return;
        }
        writes.delete(number);
    }

    /**
     * {@link #evict} for each number, with one {@code DEL} of many keys (a few, for very many numbers) rather than a
     * round trip each. When it fails, every number is remembered as if its own eviction had failed.
     */
    @Override
    public void evictAll(Collection<CarrierTrackingNumber> numbers) {
        List<CarrierTrackingNumber> sent = new ArrayList<>(numbers.size());
        for (CarrierTrackingNumber number : numbers) {
            near.evict(number);
            if (!writes.skipped(number)) {
                sent.add(number);
            }
        }
        if (sent.isEmpty()) {
            return;
        }
        try {
            entries.delete(sent);
        } catch (RuntimeException e) {
            writes.failed(sent, e);
        }
    }

    /** Empties the near cache; Redis keeps its entries, which other instances' writers keep current. */
    @Override
    public void forgetLocalCopies() {
        near.evictAll();
    }

    /** UP when Redis answers a ping now; DEGRADED when it does not, or has failed and is not back yet. */
    ComponentProbe.State state() {
        if (!breaker.allowsReads()) {
            return ComponentProbe.State.DEGRADED;
        }
        try {
            entries.ping();
            return ComponentProbe.State.UP;
        } catch (RuntimeException e) {
            breaker.failed(e);
            return ComponentProbe.State.DEGRADED;
        }
    }

    void close() {
        breaker.close();
    }

    private void logUndecodable(CarrierTrackingNumber number, RuntimeException e) {
        if (undecodableLogged.compareAndSet(false, true)) {
            LOG.warn("The cached entry {} could not be read ({}); it is deleted and counts as a miss. Further such"
                    + " entries are logged at DEBUG", entries.key(number), e.getMessage());
        } else {
            LOG.debug("The cached entry {} could not be read; it is deleted", entries.key(number), e);
        }
    }
}