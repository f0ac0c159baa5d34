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
    private int finds;
    private int claimAttempts;
    private RuntimeException nextSaveFails;
    private List<Address> awaitingDelivery = List.of();

    @Override
    public synchronized Optional<Stored> find(WeatherPlace place) {
        finds++;
        return Optional.ofNullable(stored.get(place.key()));
    }

    @Override
    public synchronized boolean claim(WeatherPlace place, Instant now, Instant until) {
        claimAttempts++;
        notifyAll();
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
        if (nextSaveFails != null) {
            RuntimeException failure = nextSaveFails;
            nextSaveFails = null;
            throw failure;
        }
        stored.put(outcome.place().key(), outcome);
        claims.remove(outcome.place().key());
        saves++;
        notifyAll();
    }

    @Override
    public synchronized void release(WeatherPlace place, Instant until) {
        claims.remove(place.key(), until);
    }

    @Override
    public synchronized List<Address> placesAwaitingDelivery(int limit) {
        return awaitingDelivery.stream().limit(limit).toList();
    }

    synchronized void awaitingDelivery(List<Address> places) {
        awaitingDelivery = List.copyOf(places);
    }

    synchronized int finds() {
        return finds;
    }

    synchronized boolean claimed(WeatherPlace place) {
        return claims.containsKey(place.key());
    }

    synchronized void failNextSave(RuntimeException failure) {
        nextSaveFails = failure;
    }

    /** Waits up to 10 s for {@code count} saves in all; whether they came. */
    synchronized boolean awaitSaves(int count) throws InterruptedException {
        return await(() -> saves >= count);
    }

    /** Waits up to 10 s for {@code count} claims asked for in all, won or not; whether they came. */
    synchronized boolean awaitClaimAttempts(int count) throws InterruptedException {
        return await(() -> claimAttempts >= count);
    }

    private boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
        }
        return condition.getAsBoolean();
    }

    synchronized int saves() {
        return saves;
    }
}
