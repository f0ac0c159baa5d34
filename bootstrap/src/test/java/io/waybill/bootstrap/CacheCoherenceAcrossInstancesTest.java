package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.cache.CacheSettings;
import io.waybill.application.contract.Poll;
import io.waybill.application.contract.TcpProxy;
import io.waybill.application.port.in.FindShipmentUseCase.Audience;
import io.waybill.application.port.in.FindShipmentUseCase.Query;
import io.waybill.application.port.in.RecordTrackingEventsUseCase.EventInput;
import io.waybill.application.port.in.RecordTrackingEventsUseCase;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.ShipmentStatus;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL schema: a status change written through one reaches the other's lookups within a
 * second, whatever their caches hold, also when the writer cannot reach the Redis the other one reads.
 */
class CacheCoherenceAcrossInstancesTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    private TestDatabase database;
    private TestRedis redis;
    private TcpProxy proxy;

    @BeforeEach
    void connect() throws IOException {
        database = TestDatabase.postgres();
        redis = TestRedis.connect();
        proxy = new TcpProxy(TestRedis.URL.getHost(), TestRedis.URL.getPort() < 0 ? 6379 : TestRedis.URL.getPort());
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (TestDatabase schema = database; TestRedis keys = redis; TcpProxy closing = proxy) {
            // closing drops the schema, deletes the keys and stops the proxy
        }
    }

    @Test
    void aChangeWrittenByAnInstanceCutOffFromRedisReachesTheOthersWithinASecond() {
        try (Waybill cutOff = Waybill.start(config(redis.cacheSettings().withRedisUrl(proxy.url())));
                Waybill other = Waybill.start(config(redis.cacheSettings()))) {
            awaitListening(2);
            CarrierTrackingNumber number = CarrierTrackingNumber.of(cutOff.nextTrackingNumber(Orders.sample()).trackingNumber());
            cacheEverywhere(number, cutOff, other);

            proxy.cut();
            cutOff.recordEvents(received(number));

            Poll.until("the other instance shows the change", () -> status(other, number) == ShipmentStatus.RECEIVED,
                    WITHIN);
            assertThat(status(cutOff, number)).isEqualTo(ShipmentStatus.RECEIVED);
        }
    }

    @Test
    void anInstanceCutOffFromRedisSeesTheOthersChangesWithinASecond() {
        try (Waybill cutOff = Waybill.start(config(redis.cacheSettings().withRedisUrl(proxy.url())));
                Waybill writer = Waybill.start(config(redis.cacheSettings()))) {
            awaitListening(2);
            CarrierTrackingNumber number = CarrierTrackingNumber.of(writer.nextTrackingNumber(Orders.sample()).trackingNumber());
            cacheEverywhere(number, cutOff, writer);

            proxy.cut();
            writer.recordEvents(received(number));

            Poll.until("the instance cut off from Redis shows the change",
                    () -> status(cutOff, number) == ShipmentStatus.RECEIVED, WITHIN);
            assertThat(status(writer, number)).isEqualTo(ShipmentStatus.RECEIVED);
        }
    }

    @Test
    void aChangeReachesTheInProcessCacheOfAnotherInstanceWithinASecond() {
        try (Waybill writer = Waybill.start(config(CacheSettings.defaults()));
                Waybill other = Waybill.start(config(CacheSettings.defaults()))) {
            awaitListening(2);
            CarrierTrackingNumber number = CarrierTrackingNumber.of(writer.nextTrackingNumber(Orders.sample()).trackingNumber());
            cacheEverywhere(number, writer, other);

            writer.recordEvents(received(number));

            Poll.until("the other instance shows the change", () -> status(other, number) == ShipmentStatus.RECEIVED,
                    WITHIN);
        }
    }

    // A change committed before an instance listens is not reported to it (it drops its own copies once it does).
    private void awaitListening(int instances) {
        Poll.until("every instance listens", () -> {
            try {
                return database.listeningInstances() == instances;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(10));
    }

    private WaybillConfig config(CacheSettings cache) {
        return WaybillConfig.fromEnvironmentWithoutHttp(database.environment()).withCache(cache);
    }

    // A few lookups each, so that the entry is in Redis and in each instance's near cache once that is open.
    private static void cacheEverywhere(CarrierTrackingNumber number, Waybill... instances) {
        for (int round = 0; round < 3; round++) {
            for (Waybill instance : instances) {
                assertThat(status(instance, number)).isEqualTo(ShipmentStatus.CREATED);
            }
        }
    }

    private static ShipmentStatus status(Waybill instance, CarrierTrackingNumber number) {
        return instance.findShipment(new Query(number, Optional.empty(), Audience.STAFF)).orElseThrow().status();
    }

    private static RecordTrackingEventsUseCase.Command received(CarrierTrackingNumber number) {
        return new RecordTrackingEventsUseCase.Command(number, Optional.of(Carrier.WAYBILL),
                List.of(new EventInput(Optional.empty(), OffsetDateTime.now(), Optional.of(ShipmentStatus.RECEIVED),
                        Optional.empty(), Optional.empty(), Optional.empty())));
    }
}
