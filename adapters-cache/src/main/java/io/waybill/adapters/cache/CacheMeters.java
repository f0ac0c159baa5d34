package io.waybill.adapters.cache;

import io.waybill.application.port.out.Metrics;

/**
 * The lookups of one layer of the shipment cache ({@code near}, {@code redis}, {@code in-process}), counted in
 * {@code waybill.cache.gets} by {@code layer} and {@code result}: {@code hit}, {@code miss}, and for Redis
 * {@code error} (a failed read, or an entry that could not be decoded) and {@code skipped} (not asked while Redis is
 * failing).
 */
record CacheMeters(Metrics.Counter hits, Metrics.Counter misses, Metrics.Counter errors, Metrics.Counter skipped) {

    static final CacheMeters NONE = new CacheMeters(Metrics.Counter.NONE, Metrics.Counter.NONE, Metrics.Counter.NONE,
            Metrics.Counter.NONE);

    private static final String NAME = "waybill.cache.gets";
    private static final String DESCRIPTION = "Lookups of shipments in a layer of the cache, by result";

    static CacheMeters of(Metrics metrics, String layer) {
        return new CacheMeters(get(metrics, layer, "hit"), get(metrics, layer, "miss"), get(metrics, layer, "error"),
                get(metrics, layer, "skipped"));
    }

    private static Metrics.Counter get(Metrics metrics, String layer, String result) {
        return metrics.counter(NAME, DESCRIPTION, "layer", layer, "result", result);
    }
}
