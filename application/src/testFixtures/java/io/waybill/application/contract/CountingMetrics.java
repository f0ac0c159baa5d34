package io.waybill.application.contract;

import io.waybill.application.port.out.Metrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * Meters kept in memory, for tests that check what the code counts: each meter is found by its name and tags, as
 * {@code name{key=value,...}} ({@code waybill.cache.gets{layer=near,result=hit}}). Thread-safe.
 */
public final class CountingMetrics implements Metrics {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, List<Double>> records = new ConcurrentHashMap<>();
    private final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

    @Override
    public Counter counter(String name, String description, String... tags) {
        AtomicLong count = counts.computeIfAbsent(id(name, tags), id -> new AtomicLong());
        return count::addAndGet;
    }

    @Override
    public Timer timer(String name, String description, String... tags) {
        List<Double> recorded = recorded(id(name, tags));
        return nanos -> recorded.add((double) nanos);
    }

    @Override
    public Distribution distribution(String name, String description, String unit, String... tags) {
        return recorded(id(name, tags))::add;
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value, String... tags) {
        gauges.put(id(name, tags), value);
    }

    /** What the counter {@code id} counted; 0 for a counter never asked for. */
    public long count(String id) {
        AtomicLong count = counts.get(id);
        return count == null ? 0 : count.get();
    }

    /** What the timer (in nanoseconds) or distribution {@code id} recorded, in order. */
    public List<Double> recorded(String id) {
        return records.computeIfAbsent(id, key -> Collections.synchronizedList(new ArrayList<>()));
    }

    /** The gauge {@code id}'s value now. */
    public double gauge(String id) {
        DoubleSupplier gauge = gauges.get(id);
        if (gauge == null) {
            throw new AssertionError("no gauge " + id + "; there are " + gauges.keySet());
        }
        return gauge.getAsDouble();
    }

    public boolean hasGauge(String id) {
        return gauges.containsKey(id);
    }

    private static String id(String name, String... tags) {
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("tags come in name and value pairs: " + List.of(tags));
        }
        if (tags.length == 0) {
            return name;
        }
        StringBuilder id = new StringBuilder(name).append('{');
        for (int i = 0; i < tags.length; i += 2) {
            id.append(i == 0 ? "" : ",").append(tags[i]).append('=').append(tags[i + 1]);
        }
        return id.append('}').toString();
    }
}
