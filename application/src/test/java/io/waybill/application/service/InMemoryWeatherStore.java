package io.waybill.application.service;

import io.waybill.application.port.out.WeatherStore;
import io.waybill.domain.Address;
import io.waybill.domain.weather.WeatherPlace;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link WeatherStore} in memory, shared by the services of one test as a database is by instances. Thread-safe. */
final class InMemoryWeatherStore implements WeatherStore {

    private final Map<String, Stored> stored = new HashMap<>();
    private final Map<String, Instant> claims = new HashMap<>();
    private int saves;
    private List<Address> awaitingDelivery = List.of();

    @Override
    public synchronized Optional<Stored> find(WeatherPlace place) {
        return Optional.ofNullable(stored.get(place.key()));
    }

    @Override
    public synchronized boolean claim(WeatherPlace place, Instant now, Instant until) {
        Instant claimed = claims.get(place.key());
        Stored last = stored.get(place.key());
        if (claimed != null && claimed.isAfter(now) || last != null && last.goodUntil().isAfter(now)) {
            return false;
        }
        claims.put(place.key(), until);
        return true;
    }

    @Override
    public synchronized void save(Stored outcome) {
        stored.put(outcome.place().key(), outcome);
        claims.remove(outcome.place().key());
        saves++;
        notifyAll();
    }

    @Override
    public synchronized List<Address> placesAwaitingDelivery(int limit) {
        return awaitingDelivery.stream().limit(limit).toList();
    }

    synchronized void awaitingDelivery(List<Address> places) {
        awaitingDelivery = List.copyOf(places);
    }

    /** Waits up to 10 s for {@code count} saves in all; whether they came. */
    synchronized boolean awaitSaves(int count) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (saves < count && System.nanoTime() < end) {
            wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
        }
        return saves >= count;
    }

    synchronized int saves() {
        return saves;
    }
}
