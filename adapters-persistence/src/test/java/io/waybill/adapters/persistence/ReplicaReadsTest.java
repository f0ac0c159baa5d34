package io.waybill.adapters.persistence;

import static io.waybill.application.contract.StoredShipments.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.contract.CountingMetrics;
import io.waybill.application.contract.Poll;
import io.waybill.application.contract.StoredShipments;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.ComponentProbe.State;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Order;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.ShipmentSummary;
import io.waybill.domain.Weight;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads against a real streaming replica ({@link PostgresReplicaPair}): lookups, lists and report figures served by
 * it; a client's own write and a write heard from another instance read back at once though the replica has not
 * replayed it; a lagging replica and a stopped one bypassed, shown by the probe, and used again once well.
 *
 * <p>Which database answered is seen, not assumed: with the replica's replay paused, a change written straight into
 * the primary (past Waybill, so that no instance knows of it) is what the primary answers and the replica does not.
 */
class ReplicaReadsTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String CITY = "Kuala Lumpur";
    private static final String DIRECT = "Written past Waybill";
    private static final String REPLICA_READS = "waybill.db.replica.reads{database=replica}";
    private static final String PRIMARY_READS = "waybill.db.replica.reads{database=primary}";

    private static PostgresReplicaPair pair;
    private final List<Persistence> opened = new ArrayList<>();
    private final String schema = "replica_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final CountingMetrics metrics = new CountingMetrics();

    @BeforeAll
    static void startPair() {
        pair = PostgresReplicaPair.start();
    }

    @AfterAll
    static void stopPair() {
        if (pair != null) {
            pair.close();
        }
    }

    @AfterEach
    void closeAndResume() {
        try {
            opened.forEach(Persistence::close);
        } finally {
            superuser(pair.replicaUrl()).useHandle(handle -> handle.execute(
                    "SELECT pg_wal_replay_resume() WHERE pg_is_wal_replay_paused()"));
            superuser(pair.primaryUrl()).useHandle(
                    handle -> handle.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        }
    }

    @Test
    void lookupsListsAndReportsAreServedByTheReplica() {
        Persistence persistence = open(Duration.ofSeconds(30));
        Shipment shipment = registeredAndReplayed(persistence, persistence, "TN10000001");

        pauseReplay();
        writePastWaybill(shipment.key());

        assertThat(city(persistence.shipmentQueries().findByNumber(shipment.key().number()))).isEqualTo(CITY);
        assertThat(persistence.shipments().findByNumber(shipment.key().number())).extracting(ReplicaReadsTest::city)
                .as("the primary has the change").containsExactly(DIRECT);
        assertThat(persistence.shipmentQueries().list(Filter.NONE, Optional.empty(), 10))
                .extracting(summary -> summary.receiver().city().orElseThrow()).containsExactly(CITY);
        long before = metrics.count(REPLICA_READS);
        assertThat(persistence.reportFigures().count(new ReportPeriod(T0, T0.plusSeconds(60)), T0).byStatus())
                .isNotEmpty();
        assertThat(metrics.count(REPLICA_READS)).isEqualTo(before + 1);
        assertThat(persistence.replicaProbe().orElseThrow().check().state()).isEqualTo(State.UP);
    }

    @Test
    void aClientReadsItsOwnWriteBeforeTheReplicaHasReplayedIt() {
        Persistence persistence = open(Duration.ofSeconds(30));
        Shipment first = registeredAndReplayed(persistence, persistence, "TN10000002");
        pauseReplay();

        Shipment second = StoredShipments.full(key("TN10000003", "DHL"), T0.plusSeconds(1));
        persistence.shipments().register(second);
        deliver(persistence, first);

        assertThat(persistence.shipmentQueries().findByNumber(first.key().number()).get(0).events())
                .hasSize(first.events().size() + 1);
        assertThat(persistence.shipmentQueries().list(Filter.NONE, Optional.empty(), 10))
                .extracting(ShipmentSummary::key).containsExactly(second.key(), first.key());

        resumeReplay();
        awaitReplicaHolds(persistence, first.key());
    }

    @Test
    void aNumberIssuedAMomentAgoIsListed() {
        Persistence persistence = open(Duration.ofSeconds(30));
        registeredAndReplayed(persistence, persistence, "TN10000007");
        Poll.until("a list comes from the replica", () -> {
            long before = metrics.count(REPLICA_READS);
            persistence.shipmentQueries().list(Filter.NONE, Optional.empty(), 10);
            return metrics.count(REPLICA_READS) > before;
        }, WITHIN);
        pauseReplay();

        IssuedTrackingNumber issued = issue();
        persistence.shipments().add(issued);

        assertThat(persistence.shipmentQueries().list(Filter.NONE, Optional.empty(), 10))
                .extracting(summary -> summary.key().number().value())
                .containsExactly(issued.trackingNumber().value(), "TN10000007");
    }

    @Test
    void aChangeAnnouncedByAnotherInstanceIsReadFromThePrimaryUntilTheReplicaHasIt() {
        Persistence reader = open(Duration.ofSeconds(30));
        Persistence writer = open(Duration.ofSeconds(30));
        Shipment shipment = registeredAndReplayed(writer, reader, "TN10000004");
        pauseReplay();

        deliver(writer, shipment);

        // The paused replica never has it: only the announcement sends the reader to the primary.
        Poll.until("the reader sees the other instance's change", () -> reader.shipmentQueries()
                .findByNumber(shipment.key().number()).get(0).events().size() == shipment.events().size() + 1, WITHIN);
    }

    @Test
    void aLaggingReplicaIsBypassedAndUsedAgainOnceCaughtUp() {
        Persistence persistence = open(Duration.ofMillis(500));
        Shipment shipment = registeredAndReplayed(persistence, persistence, "TN10000005");
        ComponentProbe probe = persistence.replicaProbe().orElseThrow();

        pauseReplay();
        writePastWaybill(shipment.key());

        Poll.until("the replica is found lagging", () -> probe.check().detail()
                .filter(detail -> detail.startsWith("lagging: ")).isPresent(), WITHIN);
        assertThat(probe.check().state()).isEqualTo(State.DEGRADED);
        assertThat(probe.check().detail()).hasValueSatisfying(detail -> assertThat(detail)
                .endsWith("ms behind the primary, more than the 500 ms allowed"));
        assertThat(city(persistence.shipmentQueries().findByNumber(shipment.key().number()))).isEqualTo(DIRECT);

        resumeReplay();
        Poll.until("the replica is used again", () -> probe.check().state() == State.UP, WITHIN);
        assertThat(metrics.gauge("waybill.db.replica.used")).isEqualTo(1);
    }

    @Test
    void aStoppedReplicaIsBypassedAndUsedAgainOnceStarted() {
        Persistence persistence = open(Duration.ofSeconds(5));
        Shipment shipment = registeredAndReplayed(persistence, persistence, "TN10000006");
        ComponentProbe probe = persistence.replicaProbe().orElseThrow();

        pair.stopReplica();
        try {
            assertThat(persistence.shipmentQueries().findByNumber(shipment.key().number())).hasSize(1);
            Poll.until("the replica is found down", () -> probe.check().detail()
                    .filter(detail -> detail.startsWith("down: ")).isPresent(), WITHIN);
            assertThat(probe.check().state()).isEqualTo(State.DEGRADED);
            assertThat(metrics.gauge("waybill.db.replica.used")).isEqualTo(0);
            assertThat(persistence.shipmentQueries().list(Filter.NONE, Optional.empty(), 10)).hasSize(1);
        } finally {
            pair.startReplica();
        }
        Poll.until("the replica is used again", () -> probe.check().state() == State.UP, WITHIN);
        awaitReplicaHolds(persistence, shipment.key());
    }

    @Test
    void aReplicaThatIsNoReplicaIsNeverRead() {
        DatabaseSettings settings = settings(pair.primaryUrl(), Duration.ofSeconds(5));
        Persistence persistence = open(settings);
        ComponentProbe probe = persistence.replicaProbe().orElseThrow();

        Poll.until("the replica is checked", () -> probe.check().detail().filter(detail -> detail.startsWith("not a"))
                .isPresent(), WITHIN);
        assertThat(probe.check().detail()).hasValue("not a replica: it is not in recovery (promoted, or the primary"
                + " itself)");
    }

    /** Records the delivery of {@code shipment} through {@code writer}: one event more. */
    private static void deliver(Persistence writer, Shipment shipment) {
        Shipment.Recording recording = shipment.record(List.of(StoredShipments.event("ev-delivered",
                T0.plusSeconds(120).atOffset(ZoneOffset.UTC), ShipmentStatus.DELIVERED)));
        writer.shipments().append(recording.shipment(), shipment.version(), recording.added());
    }

    /** A shipment registered through {@code writer}, once a lookup through {@code reader} comes from the replica. */
    private Shipment registeredAndReplayed(Persistence writer, Persistence reader, String number) {
        Shipment shipment = StoredShipments.full(key(number, "DHL"), T0);
        writer.shipments().register(shipment);
        awaitReplicaHolds(reader, shipment.key());
        return shipment;
    }

    /** Polls until a lookup of {@code key} comes from the replica: it holds the key's changes, and is used. */
    private void awaitReplicaHolds(Persistence persistence, ShipmentKey key) {
        Poll.until("the replica serves " + key, () -> {
            long before = metrics.count(PRIMARY_READS);
            boolean found = !persistence.shipmentQueries().findByNumber(key.number()).isEmpty();
            return found && metrics.count(PRIMARY_READS) == before;
        }, WITHIN);
    }

    private Persistence open(Duration maxLag) {
        return open(settings(pair.replicaUrl(), maxLag));
    }

    private Persistence open(DatabaseSettings settings) {
        Persistence persistence = Persistence.open(settings, Clock.systemUTC(), metrics);
        opened.add(persistence);
        return persistence;
    }

    private DatabaseSettings settings(String replicaUrl, Duration maxLag) {
        return new DatabaseSettings(pair.primaryUrl(), PostgresReplicaPair.USER, "", Optional.of(schema), 4,
                Duration.ofSeconds(5)).withReplica(
                        new DatabaseSettings.Replica(replicaUrl, PostgresReplicaPair.USER, "", maxLag));
    }

    private void writePastWaybill(ShipmentKey key) {
        superuser(pair.primaryUrl()).useHandle(handle -> handle.createUpdate(
                        "UPDATE " + schema + ".shipments SET receiver_city = :city WHERE tracking_number = :number")
                .bind("city", DIRECT).bind("number", key.number().value()).execute());
    }

    private static void pauseReplay() {
        superuser(pair.replicaUrl()).useHandle(handle -> handle.execute("SELECT pg_wal_replay_pause()"));
    }

    private static void resumeReplay() {
        superuser(pair.replicaUrl()).useHandle(handle -> handle.execute("SELECT pg_wal_replay_resume()"));
    }

    private static IssuedTrackingNumber issue() {
        Order order = new Order(CountryCode.of("MY"), CountryCode.of("ID"), Weight.parse("1.230"),
                StoredShipments.REDBOX, OrderTime.parse("2026-11-21T09:00:00+08:00"));
        return new IssuedTrackingNumber(new TrackingNumberFormat(new PermutationKey(1, 2)).issue(order.origin(),
                () -> 7L), order, T0.plusSeconds(2));
    }

    private static Jdbi superuser(String url) {
        return Jdbi.create(url, PostgresReplicaPair.USER, "");
    }

    private static String city(List<Shipment> found) {
        assertThat(found).hasSize(1);
        return city(found.get(0));
    }

    private static String city(Shipment shipment) {
        return shipment.details().receiver().orElseThrow().address().city().orElseThrow();
    }
}
