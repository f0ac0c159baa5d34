package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.waybill.application.contract.CountingMetrics;
import io.waybill.application.contract.PermutationKeyStoreContract;
import io.waybill.application.contract.StoredShipments;
import io.waybill.application.contract.TrackingSequenceContract;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.PermutationKeyStore;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.application.port.out.TrackingSequence;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.Order;
import io.waybill.domain.OrderTime;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.Weight;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One contract for every database Waybill runs on; subclasses say which. */
abstract class PersistenceContract {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final TrackingNumberFormat FORMAT = new TrackingNumberFormat(new PermutationKey(1, 2));

    private final AtomicLong sequence = new AtomicLong();

    @RegisterExtension
    final DatabasePerTest database = new DatabasePerTest(this::newDatabase);

    abstract DatabaseSettings newDatabase() throws Exception;

    private Persistence open() {
        return database.open(CLOCK);
    }

    /** The tracking-sequence contract on this database, each instance opened on it. */
    @Nested
    class TrackingSequenceOnTheDatabase extends TrackingSequenceContract {

        @Override
        protected TrackingSequence trackingSequence() {
            return open().trackingSequence();
        }
    }

    /** The permutation-key contract on this database, each instance opened on it. */
    @Nested
    class PermutationKeysOnTheDatabase extends PermutationKeyStoreContract {

        @Override
        protected PermutationKeyStore permutationKeys() {
            return open().permutationKeys();
        }
    }

    @Test
    void blocksAreOfTheSequencesBlockSize() {
        TrackingSequence sequence = open().trackingSequence();

        assertThat(sequence.reserveBlock().size()).isEqualTo(JdbiTrackingSequence.BLOCK_SIZE);
        assertThat(sequence.reserveBlock().size()).isEqualTo(JdbiTrackingSequence.BLOCK_SIZE);
    }

    @Test
    void blocksAfterARestartComeAfterEveryEarlierBlock() {
        Persistence first = open();
        long before = first.trackingSequence().reserveBlock().first();
        database.close(first);

        long after = open().trackingSequence().reserveBlock().first();

        assertThat(after).isGreaterThanOrEqualTo(before + JdbiTrackingSequence.BLOCK_SIZE);
    }

    @Test
    void countsItsCommitsAndHandsThePoolToHikariCpsOwnMetersWhenTheyAreMicrometers() {
        CountingMetrics counted = new CountingMetrics();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Persistence persistence = database.open(CLOCK, new Metrics() {
            @Override
            public Counter counter(String name, String description, String... tags) {
                return counted.counter(name, description, tags);
            }

            @Override
            public Timer timer(String name, String description, String... tags) {
                return counted.timer(name, description, tags);
            }

            @Override
            public Distribution distribution(String name, String description, String unit, String... tags) {
                return counted.distribution(name, description, unit, tags);
            }

            @Override
            public void gauge(String name, String description, DoubleSupplier value, String... tags) {
                counted.gauge(name, description, value, tags);
            }

            @Override
            public <T> Optional<T> unwrap(Class<T> type) {
                return Optional.of(registry).filter(type::isInstance).map(type::cast);
            }
        });

        persistence.shipments().add(issue("RedBox Logistics"));
        persistence.shipments().add(issue("RedBox Logistics"));

        assertThat(counted.recorded("waybill.db.commit.batch.size{queue=shipments}").stream()
                .mapToDouble(Double::doubleValue).sum()).isEqualTo(2);
        assertThat(counted.recorded("waybill.db.commit.wait{queue=shipments}")).hasSize(2);
        assertThat(counted.gauge("waybill.db.commit.queued{queue=keyed-shipments}")).isZero();
        assertThat(registry.find("hikaricp.connections.active").tag("pool", "waybill").gauge()).isNotNull();
        assertThat(registry.find("hikaricp.connections.max").tag("pool", "waybill").gauge().value())
                .isEqualTo(database.settings().poolSize());
        assertThat(registry.find("hikaricp.connections.acquire").tag("pool", "waybill").timer().count()).isPositive();
    }

    @Test
    void storesAnIssuedNumberWithItsOrder() {
        IssuedTrackingNumber issued = issue("紅盒物流");

        open().shipments().add(issued);

        Map<String, Object> row = jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT * FROM shipments WHERE tracking_number = :number")
                .bind("number", issued.trackingNumber().value())
                .mapToMap()
                .one());
        assertThat(row).containsEntry("carrier", "WAYBILL")
                .containsEntry("status", "created")
                .containsEntry("origin_country", "MY")
                .containsEntry("destination_country", "ID")
                .containsEntry("customer_name", "紅盒物流")
                .containsEntry("customer_slug", "redbox-logistics")
                .hasEntrySatisfying("customer_id", id ->
                        assertThat(id).hasToString(issued.order().customer().id().value().toString()));
        assertThat(new BigDecimal(row.get("weight_kg").toString())).isEqualByComparingTo("1.234");
        List<Instant> times = jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT order_created_at, created_at FROM shipments")
                .map((rs, ctx) -> List.of(
                        database.settings().engine().readTime(rs, 1).toInstant(),
                        database.settings().engine().readTime(rs, 2).toInstant()))
                .one());
        assertThat(times).containsExactly(issued.order().createdAt().value().toInstant(), issued.issuedAt());
    }

    @Test
    void aFailedCommitFailsTheCaller() {
        var shipments = open().shipments();
        TestDatabases.dropTable(database.settings(), "shipments");

        assertThatThrownBy(() -> shipments.add(issue("RedBox Logistics")))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void aFailureTellsNeitherTheLogNorTheCallerTheRowsValues() {
        var shipments = open().shipments();
        // Drivers quote a refused row, and the statement with its values, in their messages.
        jdbi().useHandle(handle -> handle.execute(database.settings().isPostgres()
                ? "ALTER TABLE shipments ADD CONSTRAINT refuses_names CHECK"
                        + " (customer_name IS NULL OR customer_name NOT IN ('Zelda Quaxley', '紅盒物流'))"
                : "CREATE TRIGGER refuses_names BEFORE INSERT ON shipments"
                        + " WHEN NEW.customer_name IN ('Zelda Quaxley', '紅盒物流') BEGIN SELECT RAISE(ABORT, 'refused'); END"));
        List<Throwable> failures = new ArrayList<>();

        try (CapturedLogs logs = new CapturedLogs()) {
            failures.add(catchThrowable(() -> shipments.add(issue("Zelda Quaxley"))));
            failures.add(catchThrowable(() -> shipments.register(StoredShipments.full(
                    StoredShipments.key("TN12345678", "DHL"), CLOCK.instant()))));
            jdbi().useHandle(handle -> handle.execute("DROP TABLE tracking_events"));
            failures.add(catchThrowable(() -> shipments.register(StoredShipments.plain(StoredShipments.key("TN87654321",
                    "DHL"), CLOCK.instant(), ShipmentStatus.IN_TRANSIT, Optional.of(StoredShipments.BLUEBOX), "TW", "MY"))));

            assertThat(failures).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageMatching("(?s).*(SQLSTATE|SQLITE_).*"));
            String told = logs.text() + "\n" + failures.stream().map(CapturedLogs::render).toList();
            assertThat(told).doesNotContain("Zelda", "Quaxley", "紅盒物流", "賴小賴", "912 345 678", "忠孝東路", "烏龍茶",
                    "Ann Lee", "Bluebox", "INSERT", "insert into", "VALUES", "Failing row", "COPY");
        }
    }

    @Test
    void theProbeSaysWhetherTheDatabaseAnswers() {
        Persistence persistence = open();
        var probe = persistence.probe();
        assertThat(probe.name()).isEqualTo("database");
        assertThat(probe.state()).isEqualTo(ComponentProbe.State.UP);

        database.close(persistence);

        assertThat(probe.state()).isEqualTo(ComponentProbe.State.DOWN);
    }

    private IssuedTrackingNumber issue(String customerName) {
        Order order = new Order(
                CountryCode.of("MY"),
                CountryCode.of("ID"),
                Weight.parse("1.234"),
                new Customer(new CustomerId(UUID.randomUUID()), new CustomerName(customerName),
                        new CustomerSlug("redbox-logistics")),
                OrderTime.parse("2018-11-20T19:29:32+08:00"));
        return new IssuedTrackingNumber(
                FORMAT.issue(order.origin(), sequence::getAndIncrement), order, CLOCK.instant());
    }

    private Jdbi jdbi() {
        return TestDatabases.jdbi(database.settings());
    }
}
