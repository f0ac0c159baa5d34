package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The shipment-tracking scenario on PostgreSQL, in a schema of its own, with the cache in Redis under a key prefix
 * of its own; both are removed afterwards. Skipped without them on a developer's machine, failed under CI.
 */
class ShipmentTrackingOnPostgresAndRedisTest extends ShipmentTrackingEndToEndContract {

    private TestDatabase database;
    private TestRedis redis;

    @Override
    protected WaybillConfig backend() {
        database = TestDatabase.postgres();
        redis = TestRedis.connect();
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("WAYBILL_API_KEYS", KEY);
        return WaybillConfig.fromEnvironment(environment).withCache(redis.cacheSettings());
    }

    @Test
    @Order(100)
    void keptTheLookupsInRedisUnderItsOwnPrefix() {
        assertThat(redis.keys()).contains(redis.prefix() + "shipments:v1:TN12345678",
                redis.prefix() + "shipments:v1:" + HIDDEN);
    }

    @Override
    protected void cleanUp() throws Exception {
        try (TestDatabase schema = database; TestRedis keys = redis) {
            // closing drops the schema and deletes the keys
        }
    }
}
