package io.waybill.application.contract;

import static io.waybill.application.contract.StoredShipments.BLUEBOX;
import static io.waybill.application.contract.StoredShipments.REDBOX;
import static io.waybill.application.contract.StoredShipments.event;
import static io.waybill.application.contract.StoredShipments.key;
import static io.waybill.application.contract.StoredShipments.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.Address;
import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.EventId;
import io.waybill.domain.Location;
import io.waybill.domain.Order;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Party;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.ShipmentSummary;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.Weight;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ShipmentRepository} contract, as its callers see it through the port, for every implementation: each
 * database Waybill runs on, and the in-memory fake that the services' tests rely on. A subclass supplies an empty
 * repository and closes it; checks of what only one implementation can show, such as rows, stay with its tests.
 */
public abstract class ShipmentRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-11-01T08:00:00.001Z");
    private static final TrackingNumberFormat FORMAT = new TrackingNumberFormat(new PermutationKey(1, 2));
    /** Listing order: newest first, then number and carrier, descending. */
    private static final Comparator<ShipmentSummary> LISTING = Comparator.comparing(ShipmentSummary::createdAt)
            .thenComparing(summary -> summary.key().number().value())
            .thenComparing(summary -> summary.key().carrier().code())
            .reversed();

    private final AtomicLong sequence = new AtomicLong();
    private ShipmentRepository shipments;

    /** An empty repository of the implementation under test, which the subclass closes after the test. */
    protected abstract ShipmentRepository newRepository() throws Exception;

    @BeforeEach
    void openRepository() throws Exception {
        shipments = newRepository();
    }

    /** The repository under test, for the checks a subclass adds. */
    protected final ShipmentRepository shipments() {
        return shipments;
    }

    @Test
    void aRegisteredShipmentReadsBackEqualToTheOriginal() {
        Shipment original = StoredShipments.full(key("TN12345678", "dhl"), T0);

        shipments.register(original);

        assertThat(shipments.find(original.key())).contains(original);
        assertThat(shipments.findByNumber(original.key().number())).containsExactly(original);
        assertThat(shipments.find(key("TN12345678", "Dhl"))).as("carriers compare case-insensitively")
                .contains(original);
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).containsExactly(ShipmentSummary.of(original));
    }

    @Test
    void anIssuedNumberReadsBackAsAShipmentOfItsOrder() {
        IssuedTrackingNumber issued = issue(OrderTime.parse("2018-11-20T19:29:32.987654321+08:00"));
        Shipment expected = new Shipment(ShipmentKey.of(issued.trackingNumber()), ShipmentDetails.of(issued.order()),
                List.of(), issued.issuedAt(), 0);

        shipments.add(issued);

        assertThat(shipments.find(expected.key())).contains(expected);
        assertThat(shipments.findByNumber(expected.key().number())).containsExactly(expected);
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).containsExactly(ShipmentSummary.of(expected));
    }

    @Test
    void anIssuedShipmentTakesEvents() {
        IssuedTrackingNumber issued = issue(OrderTime.parse("2018-11-20T19:29:32+08:00"));
        shipments.add(issued);
        Shipment stored = shipments.find(ShipmentKey.of(issued.trackingNumber())).orElseThrow();
        Shipment.Recording recording = stored.record(List.of(
                event("ev-1", OffsetDateTime.parse("2026-11-21T09:00:00+08:00"), ShipmentStatus.RECEIVED)));

        shipments.append(recording.shipment(), 0, recording.added());

        assertThat(shipments.find(stored.key())).contains(recording.shipment().withVersion(1));
    }

    @Test
    void concurrentAddsAreAllStored() throws Exception {
        List<Callable<List<CarrierTrackingNumber>>> workers = new ArrayList<>();
        for (int worker = 0; worker < 32; worker++) {
            workers.add(() -> {
                List<CarrierTrackingNumber> numbers = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    IssuedTrackingNumber issued = issue(OrderTime.parse("2018-11-20T19:29:32+08:00"));
                    shipments.add(issued);
                    numbers.add(ShipmentKey.of(issued.trackingNumber()).number());
                }
                return numbers;
            });
        }
        Set<CarrierTrackingNumber> added = new HashSet<>();
        Concurrently.runAll(workers).forEach(added::addAll);

        assertThat(added).hasSize(3200);
        assertThat(storedNumbers()).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    void aRepeatedNumberIsRefusedWithoutFailingTheOthers() throws Exception {
        IssuedTrackingNumber repeated = issue(OrderTime.parse("2018-11-20T19:29:32+08:00"));
        shipments.add(repeated);

        List<Callable<Boolean>> adds = new ArrayList<>();
        adds.add(() -> addSucceeds(repeated));
        for (int i = 0; i < 50; i++) {
            IssuedTrackingNumber fresh = issue(OrderTime.parse("2018-11-20T19:29:32+08:00"));
            adds.add(() -> addSucceeds(fresh));
        }
        List<Boolean> outcomes = Concurrently.runAll(adds);

        assertThat(outcomes.get(0)).as("a repeated number is a failed commit, not a shipment that exists").isFalse();
        assertThat(outcomes.subList(1, outcomes.size())).containsOnly(true);
        assertThat(storedNumbers()).hasSize(51);
    }

    @Test
    void oneNumberMayBelongToSeveralCarriers() {
        Shipment ups = StoredShipments.full(key("1Z999AA10123456784", "UPS"), T0);
        Shipment dhl = plain(key("1Z999AA10123456784", "DHL"), T0.plusSeconds(1), ShipmentStatus.IN_TRANSIT,
                Optional.empty(), "DE", "FR");
        shipments.register(ups);
        shipments.register(dhl);

        assertThat(shipments.findByNumber(new CarrierTrackingNumber("1Z999AA10123456784"))).containsExactly(dhl, ups);
        assertThat(shipments.find(ups.key())).contains(ups);
        assertThat(shipments.find(dhl.key())).contains(dhl);
        assertThat(shipments.find(key("1Z999AA10123456784", "FEDEX"))).isEmpty();
        assertThat(shipments.findByNumber(new CarrierTrackingNumber("TN00000000"))).isEmpty();
    }

    @Test
    void eachShipmentOfANumberReadsBackWithItsOwnArticlesAndEventsOnly() {
        List<Article> twelve = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            twelve.add(new Article("Article " + i, i, Optional.empty(), Optional.of("SKU-" + i)));
        }
        Shipment full = StoredShipments.full(key("1Z999AA10123456784", "DHL"), T0);
        Shipment dhl = Shipment.register(full.key(), withArticles(full.details(), twelve), full.events(), T0);
        Shipment fedex = StoredShipments.bare(key("1Z999AA10123456784", "FEDEX"), T0.plusSeconds(1));
        Shipment ups = StoredShipments.full(key("1Z999AA10123456784", "UPS"), T0.plusSeconds(2));
        List.of(ups, fedex, dhl).forEach(shipments::register);

        assertThat(shipments.findByNumber(new CarrierTrackingNumber("1Z999AA10123456784")))
                .as("in carrier order, whatever the order of registration").containsExactly(dhl, fedex, ups);
        assertThat(shipments.find(dhl.key())).contains(dhl);
        assertThat(shipments.find(fedex.key())).contains(fedex);
        assertThat(shipments.find(ups.key())).contains(ups);
    }

    @Test
    void aShipmentWithoutAnyOptionalValueReadsBackEqual() {
        Shipment bare = StoredShipments.bare(key("TN12345678", "DHL"), T0);

        shipments.register(bare);

        assertThat(shipments.find(bare.key())).contains(bare);
        assertThat(shipments.findByNumber(bare.key().number())).containsExactly(bare);
    }

    @Test
    void partiesKnownOnlyByTheirAddressReadBackEqual() {
        Shipment bare = StoredShipments.bare(key("TN12345678", "DHL"), T0);
        ShipmentDetails details = bare.details();
        Shipment imported = Shipment.register(bare.key(), new ShipmentDetails(details.origin(),
                details.destination(), details.weight(), details.customer(), details.orderedAt(),
                Optional.of(Party.at(Address.of("Street 1", "10115", "Berlin", CountryCode.of("DE")))),
                Optional.of(Party.at(Address.of("Street 10, 75001 Paris, Atlantis", null, null, null))),
                details.articles(), details.publicTracking()), List.of(), T0);

        shipments.register(imported);

        assertThat(shipments.find(imported.key())).contains(imported);
    }

    @Test
    void everyKindOfLocationReadsBackWithTheFewestParts() {
        OffsetDateTime noon = OffsetDateTime.parse("2026-11-02T12:00:00+08:00");
        List<TrackingEvent> history = List.of(
                new TrackingEvent(new EventId("centre"), noon, ShipmentStatus.RECEIVED, "Received",
                        Optional.of(new Location.Centre("HUB", "Hub", Address.NONE)), Optional.empty()),
                new TrackingEvent(new EventId("place"), noon.plusHours(1), ShipmentStatus.IN_TRANSIT, "Departed",
                        Optional.of(new Location.Place(new Address(Optional.empty(), Optional.of("50450"),
                                Optional.empty(), Optional.empty()))),
                        Optional.of("Left the hub")),
                new TrackingEvent(new EventId("nowhere"), noon.plusHours(2), ShipmentStatus.IN_TRANSIT, "Moving",
                        Optional.empty(), Optional.empty()));
        Shipment shipment = Shipment.register(key("TN12345678", "DHL"),
                StoredShipments.bare(key("TN12345678", "DHL"), T0).details(), history, T0);

        shipments.register(shipment);

        assertThat(shipments.find(shipment.key())).contains(shipment);
    }

    @Test
    void aLookupDuringAppendsSeesTheRowAndEventsOfOneVersion() throws Exception {
        Shipment registered = received(key("TN12345678", "DHL"));
        shipments.register(registered);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch appended = new CountDownLatch(1);
            List<Future<Integer>> reads = new ArrayList<>();
            for (int reader = 0; reader < 2; reader++) {
                reads.add(readers.submit(() -> {
                    int count = 0;
                    do {
                        for (Shipment read : shipments.findByNumber(registered.key().number())) {
                            assertThat(read.events()).as("events at version " + read.version())
                                    .hasSize((int) read.version() + 1);
                        }
                        count++;
                    } while (!appended.await(0, TimeUnit.MILLISECONDS));
                    return count;
                }));
            }
            Shipment current = registered;
            for (int version = 0; version < 30; version++) {
                OffsetDateTime time = OffsetDateTime.parse("2026-11-02T08:00:00Z").plusMinutes(version);
                Shipment.Recording recording = current.record(
                        List.of(event("ev-" + version, time, ShipmentStatus.IN_TRANSIT)));
                shipments.append(recording.shipment(), version, recording.added());
                current = recording.shipment().withVersion(version + 1);
            }
            appended.countDown();
            for (Future<Integer> read : reads) {
                assertThat(read.get(30, TimeUnit.SECONDS)).isPositive();
            }
            assertThat(shipments.find(registered.key())).contains(current);
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void findAllReadsEachShipmentAskedForWholeAndLeavesOutTheRest() {
        Shipment ups = StoredShipments.full(key("1Z999AA10123456784", "UPS"), T0);
        Shipment dhl = plain(key("1Z999AA10123456784", "DHL"), T0.plusSeconds(1), ShipmentStatus.IN_TRANSIT,
                Optional.empty(), "DE", "FR");
        Shipment fedex = StoredShipments.bare(key("1Z999AA10123456784", "FEDEX"), T0.plusSeconds(2));
        Shipment other = StoredShipments.full(key("TN12345678", "DHL"), T0.plusSeconds(3));
        Shipment unasked = StoredShipments.full(key("TN12345678", "UPS"), T0.plusSeconds(4));
        List.of(ups, dhl, fedex, other, unasked).forEach(shipments::register);
        Shipment.Recording recording = other.record(List.of(
                event("ev-4", OffsetDateTime.parse("2026-11-21T09:00:00+08:00"), ShipmentStatus.OUT_FOR_DELIVERY),
                event("ev-0", OffsetDateTime.parse("2026-11-20T10:00:00Z"), ShipmentStatus.RECEIVED)));
        shipments.append(recording.shipment(), 0, recording.added());
        Shipment appended = recording.shipment().withVersion(1);

        Map<ShipmentKey, Shipment> found = shipments.findAll(List.of(ups.key(), dhl.key(), other.key(),
                key("1Z999AA10123456784", "GLS"), key("TN00000000", "DHL"), key("TN00000000", "UPS")));

        // TN12345678/UPS matches a number and a carrier asked for, but not a key.
        assertThat(found).containsOnlyKeys(ups.key(), dhl.key(), other.key())
                .containsEntry(ups.key(), ups)
                .containsEntry(dhl.key(), dhl)
                .containsEntry(other.key(), appended);
        assertThat(found.get(other.key()).events()).extracting(event -> event.id().value())
                .as("in time order").containsExactly("ev-0", "ev-1", "ev-4", "ev-2", "ev-3");
        assertThat(shipments.findAll(List.of())).isEmpty();
        assertThat(shipments.findAll(List.of(fedex.key()))).containsExactly(Map.entry(fedex.key(), fedex));
    }

    @Test
    void findAllReadsManyShipmentsAtOnce() {
        List<Shipment> stored = new ArrayList<>();
        List<String> carriers = List.of("DHL", "UPS", "DPD", "GLS", "FEDEX");
        for (int i = 0; i < 1_200; i++) {
            stored.add(imported(key("TN" + (1_000_000_000L + i), carriers.get(i % carriers.size())), i));
        }
        for (int from = 0; from < stored.size(); from += 500) {
            shipments.registerAll(stored.subList(from, Math.min(stored.size(), from + 500)));
        }
        List<ShipmentKey> keys = new ArrayList<>(stored.stream().map(Shipment::key).toList());
        keys.add(key("TN0000000001", "DHL"));

        Map<ShipmentKey, Shipment> found = shipments.findAll(keys);

        assertThat(found).hasSize(stored.size());
        assertThat(stored).allSatisfy(shipment -> assertThat(found.get(shipment.key())).isEqualTo(shipment));
    }

    @Test
    void registerAllStoresEveryShipmentWithItsArticlesAndEvents() {
        Shipment dhl = StoredShipments.full(key("1Z999AA10123456784", "DHL"), T0);
        shipments.register(dhl);
        List<Shipment> batch = List.of(
                StoredShipments.full(key("1Z999AA10123456784", "UPS"), T0),
                StoredShipments.bare(key("1Z999AA10123456784", "FEDEX"), T0.plusSeconds(1)),
                plain(key("TN12345678", "DHL"), T0.plusSeconds(2), ShipmentStatus.IN_TRANSIT, Optional.of(REDBOX),
                        "TW", "MY"),
                imported(key("TN12345679", "GLS"), 2),
                // What PostgreSQL's COPY would read as NULL, a tab, or an escape, were it not escaped.
                Shipment.register(key("TN12345680", "DPD"), withArticles(StoredShipments.bare(key("TN12345680", "DPD"),
                        T0).details(), List.of(new Article("\\N", 1, Optional.empty(), Optional.of("C:\\t\\")))),
                        List.of(), T0));

        shipments.registerAll(batch);

        for (Shipment shipment : batch) {
            assertThat(shipments.find(shipment.key())).contains(shipment);
        }
        assertThat(shipments.findByNumber(new CarrierTrackingNumber("1Z999AA10123456784")))
                .containsExactly(dhl, batch.get(1), batch.get(0));
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).hasSize(6)
                .contains(batch.stream().map(ShipmentSummary::of).toArray(ShipmentSummary[]::new));
        assertThat(shipments.find(key("TN12345680", "DPD")).orElseThrow().details().articles()).singleElement()
                .satisfies(article -> {
                    assertThat(article.name()).isEqualTo("\\N");
                    assertThat(article.sku()).contains("C:\\t\\");
                });
        shipments.registerAll(List.of());
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).hasSize(6);
    }

    @Test
    void registerAllWithATakenKeyIsRefusedAndStoresNothingOfTheBatch() {
        Shipment first = plain(key("TN12345678", "DHL"), T0, ShipmentStatus.RECEIVED, Optional.of(REDBOX), "TW", "MY");
        shipments.register(first);
        List<Shipment> batch = List.of(
                StoredShipments.full(key("TN11111111", "DHL"), T0),
                StoredShipments.full(key("TN12345678", "dhl"), T0.plusSeconds(60)),
                imported(key("TN22222222", "UPS"), 2));

        assertThatThrownBy(() -> shipments.registerAll(batch)).isInstanceOf(ShipmentExistsException.class)
                .hasMessageContaining("TN12345678").hasMessageContaining("DHL");

        assertThat(shipments.find(first.key())).contains(first);
        assertThat(shipments.findAll(batch.stream().map(Shipment::key).toList()))
                .containsOnlyKeys(first.key());
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).containsExactly(summary(first));
    }

    @Test
    void registerAllWithAKeyTwiceIsRefusedAndStoresNothing() {
        List<Shipment> batch = List.of(imported(key("TN11111111", "DHL"), 1), imported(key("TN22222222", "DHL"), 1),
                imported(key("TN11111111", "DHL"), 2));

        assertThatThrownBy(() -> shipments.registerAll(batch)).isInstanceOf(ShipmentExistsException.class)
                .hasMessageContaining("TN11111111");

        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aSecondShipmentWithTheSameKeyIsRefusedAndLeavesNothingBehind() {
        Shipment first = plain(key("TN12345678", "DHL"), T0, ShipmentStatus.RECEIVED, Optional.of(REDBOX), "TW", "MY");
        shipments.register(first);
        Shipment second = StoredShipments.full(key("TN12345678", "dhl"), T0.plusSeconds(60));

        assertThatThrownBy(() -> shipments.register(second)).isInstanceOf(ShipmentExistsException.class)
                .hasMessageContaining("TN12345678");

        assertThat(shipments.find(first.key())).contains(first);
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).containsExactly(summary(first));
    }

    @Test
    void anAppendStoresTheEventsStatusAndEstimateAndBumpsTheVersion() {
        Shipment registered = StoredShipments.full(key("TN12345678", "DHL"), T0);
        shipments.register(registered);
        Shipment.Recording recording = registered.record(List.of(
                event("ev-4", OffsetDateTime.parse("2026-11-23T08:00:00+08:00"), ShipmentStatus.OUT_FOR_DELIVERY)));

        shipments.append(recording.shipment(), 0, recording.added());

        Shipment updated = recording.shipment().withVersion(1);
        assertThat(shipments.find(updated.key())).contains(updated);
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).singleElement().satisfies(summary -> {
            assertThat(summary.status()).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
            assertThat(summary.estimatedDelivery()).contains(LocalDate.parse("2026-11-23"));
            assertThat(summary).isEqualTo(ShipmentSummary.of(updated));
        });
        Shipment.Recording delivery = updated.record(List.of(
                event("ev-5", OffsetDateTime.parse("2026-11-23T15:00:00+08:00"), ShipmentStatus.DELIVERED)));
        shipments.append(delivery.shipment(), 1, delivery.added());

        assertThat(shipments.find(updated.key())).contains(delivery.shipment().withVersion(2));
    }

    @Test
    void anAppendOnAStaleVersionStoresNothing() {
        Shipment registered = received(key("TN12345678", "DHL"));
        shipments.register(registered);
        Shipment.Recording winner = registered.record(List.of(
                event("ev-won", OffsetDateTime.parse("2026-11-02T08:00:00Z"), ShipmentStatus.IN_TRANSIT)));
        Shipment.Recording loser = registered.record(List.of(
                event("ev-lost", OffsetDateTime.parse("2026-11-02T09:00:00Z"), ShipmentStatus.EXCEPTION)));
        shipments.append(winner.shipment(), 0, winner.added());

        assertThatThrownBy(() -> shipments.append(loser.shipment(), 0, loser.added()))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(shipments.find(registered.key())).contains(winner.shipment().withVersion(1));
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).extracting(ShipmentSummary::status)
                .containsExactly(ShipmentStatus.IN_TRANSIT);
    }

    @Test
    void anEventIdStoredAlreadyIsAConcurrentUpdateAndStoresNothing() {
        Shipment registered = received(key("TN12345678", "DHL"));
        shipments.register(registered);
        TrackingEvent again = registered.events().get(0);
        TrackingEvent fresh =
                event("ev-fresh", OffsetDateTime.parse("2026-11-02T08:00:00Z"), ShipmentStatus.IN_TRANSIT);
        Shipment updated = registered.record(List.of(fresh)).shipment();

        assertThatThrownBy(() -> shipments.append(updated, 0, List.of(fresh, again)))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(shipments.find(registered.key())).contains(registered);
    }

    @Test
    void ofConcurrentAppendsOnOneVersionExactlyOneWins() throws Exception {
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 5; round++) {
                Shipment registered = received(key("TN1000000" + round, "DHL"));
                shipments.register(registered);
                CountDownLatch start = new CountDownLatch(1);
                List<Shipment.Recording> recordings = new ArrayList<>();
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    OffsetDateTime time = OffsetDateTime.parse("2026-11-02T08:00:00Z").plusMinutes(writer);
                    Shipment.Recording recording = registered.record(
                            List.of(event("ev-writer-" + writer, time, ShipmentStatus.IN_TRANSIT)));
                    recordings.add(recording);
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try {
                            shipments.append(recording.shipment(), 0, recording.added());
                            return true;
                        } catch (ConcurrentUpdateException lost) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                List<Integer> winners = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    if (outcomes.get(writer).get(30, TimeUnit.SECONDS)) {
                        winners.add(writer);
                    }
                }

                assertThat(winners).hasSize(1);
                assertThat(shipments.find(registered.key()))
                        .contains(recordings.get(winners.get(0)).shipment().withVersion(1));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).hasSize(5);
    }

    @Test
    void eventsAtTheSameTimeKeepTheOrderTheyWereRecordedIn() {
        OffsetDateTime noon = OffsetDateTime.parse("2026-11-02T12:00:00Z");
        // Ids in reverse alphabetical order, the same instant in three offsets, and two times a tenth of a
        // microsecond apart, recorded later one first.
        Shipment registered = Shipment.register(key("TN12345678", "DHL"),
                plain(key("TN12345678", "DHL"), T0, ShipmentStatus.CREATED, Optional.empty(), "TW", "MY").details(),
                List.of(event("z", noon, ShipmentStatus.RECEIVED),
                        event("y", noon.withOffsetSameInstant(ZoneOffset.ofHours(8)), ShipmentStatus.IN_TRANSIT),
                        event("w", noon.plusNanos(900), ShipmentStatus.IN_TRANSIT)),
                T0);
        shipments.register(registered);
        Shipment.Recording recording = registered.record(List.of(
                event("x", noon.withOffsetSameInstant(ZoneOffset.ofHoursMinutes(-9, -30)), ShipmentStatus.IN_TRANSIT),
                event("v", noon.plusNanos(100), ShipmentStatus.IN_TRANSIT),
                event("u", noon.minusHours(1), ShipmentStatus.RECEIVED)));

        shipments.append(recording.shipment(), 0, recording.added());

        Shipment stored = shipments.find(registered.key()).orElseThrow();
        assertThat(stored.events()).extracting(event -> event.id().value())
                .containsExactly("u", "z", "y", "x", "v", "w");
        assertThat(stored).isEqualTo(recording.shipment().withVersion(1));
    }

    @Test
    void aTransactionCommitsWhatItsWorkWroteWhichOnlyItsOwnReadsSeeBefore() {
        Shipment stored = received(key("TX10000000", "DHL"));
        shipments.register(stored);
        Shipment first = StoredShipments.full(key("TX10000001", "DHL"), T0);
        Shipment.Recording moved = stored.record(List.of(
                event("ev-9", OffsetDateTime.parse("2026-11-21T13:00:00Z"), ShipmentStatus.IN_TRANSIT)));
        Shipment.Recording firstDelivered = first.record(List.of(
                event("ev-9", OffsetDateTime.parse("2026-11-21T13:00:00Z"), ShipmentStatus.DELIVERED)));
        List<ShipmentKey> both = List.of(stored.key(), first.key());

        String result = shipments.inOneTransaction(transaction -> {
            transaction.registerAll(List.of(first));
            transaction.append(moved.shipment(), 0, moved.added());
            Shipment registered = transaction.find(first.key()).orElseThrow();
            transaction.append(firstDelivered.shipment(), registered.version(), firstDelivered.added());

            assertThat(registered).isEqualTo(first);
            assertThat(transaction.findByNumber(first.key().number()))
                    .containsExactly(firstDelivered.shipment().withVersion(1));
            assertThat(transaction.findAll(both)).containsOnlyKeys(both)
                    .containsEntry(stored.key(), moved.shipment().withVersion(1));
            assertThat(shipments.find(first.key())).as("not committed yet").isEmpty();
            assertThat(shipments.findByNumber(first.key().number())).as("not committed yet").isEmpty();
            assertThat(shipments.findAll(both)).as("not committed yet").containsExactly(Map.entry(stored.key(), stored));
            assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).as("not committed yet")
                    .containsExactly(summary(stored));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(shipments.findAll(both)).containsOnly(
                Map.entry(stored.key(), moved.shipment().withVersion(1)),
                Map.entry(first.key(), firstDelivered.shipment().withVersion(1)));
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).extracting(ShipmentSummary::status)
                .containsExactlyInAnyOrder(ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED);
    }

    @Test
    void aTransactionRollsBackEverythingItsWorkWroteWhenItThrows() {
        Shipment stored = received(key("TX10000000", "DHL"));
        shipments.register(stored);
        Shipment first = StoredShipments.full(key("TX10000001", "DHL"), T0);
        Shipment second = imported(key("TX10000002", "UPS"), 1);
        Shipment joined = StoredShipments.bare(key("TX10000003", "GLS"), T0);
        Shipment.Recording moved = stored.record(List.of(
                event("ev-9", OffsetDateTime.parse("2026-11-21T13:00:00Z"), ShipmentStatus.IN_TRANSIT)));
        List<ShipmentKey> keys = List.of(stored.key(), first.key(), second.key(), joined.key());
        IllegalStateException failure = new IllegalStateException("a bad line");

        assertThatThrownBy(() -> shipments.inOneTransaction(transaction -> {
            transaction.registerAll(List.of(first));
            transaction.register(second);
            transaction.append(moved.shipment(), 0, moved.added());
            transaction.inOneTransaction(inner -> {
                inner.register(joined);
                return null;
            });
            throw failure;
        })).isSameAs(failure);

        assertThat(shipments.findAll(keys)).containsExactly(Map.entry(stored.key(), stored));
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).containsExactly(summary(stored));
        shipments.inOneTransaction(transaction -> {
            transaction.registerAll(List.of(first, second, joined));
            transaction.append(moved.shipment(), 0, moved.added());
            return null;
        });
        assertThat(shipments.findAll(keys)).as("written again, as if never tried").hasSize(4)
                .containsEntry(stored.key(), moved.shipment().withVersion(1));
    }

    @Test
    void aRefusedWriteInATransactionLeavesNothingAndTheTransactionUsable() {
        Shipment first = StoredShipments.full(key("TX10000001", "DHL"), T0);
        Shipment second = StoredShipments.full(key("TX10000002", "DHL"), T0);

        shipments.inOneTransaction(transaction -> {
            transaction.register(first);
            assertThatThrownBy(() -> transaction.registerAll(List.of(second, first)))
                    .isInstanceOf(ShipmentExistsException.class);
            assertThatThrownBy(() -> transaction.register(first)).isInstanceOf(ShipmentExistsException.class);
            assertThat(transaction.find(second.key())).as("nothing of the refused batch").isEmpty();
            Shipment stored = transaction.find(first.key()).orElseThrow();
            Shipment.Recording recording = stored.record(List.of(
                    event("ev-9", OffsetDateTime.parse("2026-11-21T13:00:00Z"), ShipmentStatus.DELIVERED)));
            assertThatThrownBy(() -> transaction.append(recording.shipment(), 7, recording.added()))
                    .isInstanceOf(ConcurrentUpdateException.class);
            assertThat(transaction.find(first.key())).as("nothing of the refused append").contains(first);
            transaction.register(second);
            return null;
        });

        assertThat(shipments.findAll(List.of(first.key(), second.key())))
                .containsOnly(Map.entry(first.key(), first), Map.entry(second.key(), second));
    }

    /** Overridden for a database that lets one writer in at a time, whose other writers wait for the transaction. */
    @Test
    protected void whatOthersCommitWhileATransactionRunsOutlivesItsRollback() throws Exception {
        Shipment stored = received(key("TX10000000", "DHL"));
        shipments.register(stored);
        Shipment first = StoredShipments.full(key("TX10000001", "DHL"), T0);
        Shipment other = StoredShipments.full(key("TX10000002", "DHL"), T0);
        IssuedTrackingNumber issued = issue(OrderTime.parse("2018-11-20T19:29:32+08:00"));
        Shipment.Recording theirs = stored.record(List.of(
                event("ev-8", OffsetDateTime.parse("2026-11-21T12:00:00Z"), ShipmentStatus.IN_TRANSIT)));
        IllegalStateException failure = new IllegalStateException("a bad line");

        assertThatThrownBy(() -> shipments.inOneTransaction(transaction -> {
            transaction.register(first);
            shipments.register(other);
            shipments.append(theirs.shipment(), 0, theirs.added());
            transaction.add(issued);
            throw failure;
        })).isSameAs(failure);

        assertThat(shipments.find(first.key())).isEmpty();
        assertThat(shipments.find(other.key())).contains(other);
        assertThat(shipments.find(stored.key())).contains(theirs.shipment().withVersion(1));
        assertThat(shipments.find(ShipmentKey.of(issued.trackingNumber()))).as("issuing is outside the transaction")
                .isPresent();
    }

    /** Overridden for a database that lets one writer in at a time, whose other writers wait for the transaction. */
    @Test
    protected void aTransactionSeesWhatOthersCommitWhileItRunsAndListsOutsideItself() throws Exception {
        Shipment stored = received(key("TX10000000", "DHL"));
        shipments.register(stored);
        Shipment first = StoredShipments.full(key("TX10000001", "DHL"), T0);
        Shipment other = StoredShipments.full(key("TX10000002", "DHL"), T0);
        Shipment.Recording theirs = stored.record(List.of(
                event("ev-8", OffsetDateTime.parse("2026-11-21T12:00:00Z"), ShipmentStatus.IN_TRANSIT)));
        Shipment.Recording ours = stored.record(List.of(
                event("ev-9", OffsetDateTime.parse("2026-11-21T13:00:00Z"), ShipmentStatus.IN_TRANSIT)));

        shipments.inOneTransaction(transaction -> {
            assertThat(transaction.find(stored.key())).contains(stored);
            shipments.register(other);
            shipments.append(theirs.shipment(), 0, theirs.added());

            assertThat(transaction.find(other.key())).as("committed by another").contains(other);
            assertThat(transaction.find(stored.key())).contains(theirs.shipment().withVersion(1));
            assertThatThrownBy(() -> transaction.append(ours.shipment(), 0, ours.added()))
                    .isInstanceOf(ConcurrentUpdateException.class);
            transaction.register(first);
            assertThat(transaction.list(Filter.NONE, Optional.empty(), 10)).as("listing is outside the transaction")
                    .extracting(ShipmentSummary::key).containsExactlyInAnyOrder(stored.key(), other.key());
            return null;
        });

        assertThat(shipments.findAll(List.of(stored.key(), first.key(), other.key()))).containsOnly(
                Map.entry(stored.key(), theirs.shipment().withVersion(1)), Map.entry(first.key(), first),
                Map.entry(other.key(), other));
    }

    @Test
    void everyFilterMustHold() {
        Instant t1 = T0.plusSeconds(3600);
        Instant t2 = t1.plusSeconds(3600);
        Shipment a = plain(key("AA0001", "DHL"), T0, ShipmentStatus.IN_TRANSIT, Optional.of(REDBOX), "TW", "MY");
        Shipment b = plain(key("BB0002", "UPS"), t1, ShipmentStatus.DELIVERED, Optional.of(BLUEBOX), "MY", "TW");
        Shipment c = plain(key("CC0003", "DHL"), t2, ShipmentStatus.CREATED, Optional.empty(), "MY", "SG");
        Shipment d = plain(key("DD0004", "FEDEX"), t2, ShipmentStatus.IN_TRANSIT, Optional.of(REDBOX), "SG", "TW");
        List.of(a, b, c, d).forEach(shipments::register);

        assertThat(listed(filter().status(ShipmentStatus.IN_TRANSIT))).containsExactly(summary(d), summary(a));
        assertThat(listed(filter().status(ShipmentStatus.CREATED))).containsExactly(summary(c));
        assertThat(listed(filter().carrier("dhl"))).containsExactly(summary(c), summary(a));
        assertThat(listed(filter().customer(REDBOX))).containsExactly(summary(d), summary(a));
        assertThat(listed(filter().origin("MY"))).containsExactly(summary(c), summary(b));
        assertThat(listed(filter().destination("TW"))).containsExactly(summary(d), summary(b));
        assertThat(listed(filter().from(t1))).as("from is inclusive")
                .containsExactly(summary(d), summary(c), summary(b));
        assertThat(listed(filter().before(t2))).as("before is exclusive").containsExactly(summary(b), summary(a));
        assertThat(listed(filter().from(t1).before(t2))).containsExactly(summary(b));
        assertThat(listed(filter().from(T0.plusMillis(1)).before(t1))).isEmpty();
        assertThat(listed(filter().status(ShipmentStatus.IN_TRANSIT).customer(REDBOX).origin("SG").destination("TW")
                        .carrier("FEDEX").from(t2).before(t2.plusMillis(1))))
                .containsExactly(summary(d));
        assertThat(listed(filter().customer(REDBOX).carrier("UPS"))).isEmpty();
    }

    @Test
    void pagesFollowEachOtherWithoutLosingOrRepeatingTiedRows() {
        List<String> carriers = List.of("DHL", "UPS", "FEDEX");
        List<ShipmentSummary> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Three carriers share each number, and four creation times are shared by six or seven shipments.
            Shipment shipment = plain(key("NUM" + (1000 + i / 3), carriers.get(i % 3)), T0.plusMillis(i % 4),
                    ShipmentStatus.IN_TRANSIT, Optional.of(i % 2 == 0 ? REDBOX : BLUEBOX), "TW", "MY");
            shipments.register(shipment);
            all.add(summary(shipment));
        }
        all.sort(LISTING);

        assertThat(allPages(Filter.NONE, 4)).containsExactlyElementsOf(all);
        assertThat(allPages(Filter.NONE, 1)).containsExactlyElementsOf(all);
        assertThat(allPages(filter().customer(BLUEBOX).build(), 5))
                .containsExactlyElementsOf(all.stream().filter(s -> s.customer().equals(Optional.of(BLUEBOX.id())))
                        .toList());
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 30)).containsExactlyElementsOf(all);
    }

    @Test
    void anEmptyListIsNoError() {
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 10)).isEmpty();
        Shipment only = received(key("TN12345678", "DHL"));
        shipments.register(only);

        assertThat(shipments.list(Filter.NONE, Optional.of(Cursor.after(summary(only))), 10)).isEmpty();
        assertThat(listed(filter().status(ShipmentStatus.DELIVERED))).isEmpty();
        assertThat(shipments.list(Filter.NONE, Optional.empty(), 0)).isEmpty();
    }

    private List<ShipmentSummary> allPages(Filter filter, int limit) {
        List<ShipmentSummary> listed = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        while (true) {
            List<ShipmentSummary> page = shipments.list(filter, after, limit);
            assertThat(page).hasSizeLessThanOrEqualTo(limit);
            listed.addAll(page);
            if (page.size() < limit) {
                return listed;
            }
            after = Optional.of(Cursor.after(page.get(page.size() - 1)));
        }
    }

    private List<ShipmentSummary> listed(FilterBuilder filter) {
        return shipments.list(filter.build(), Optional.empty(), 100);
    }

    protected static ShipmentDetails withArticles(ShipmentDetails details, List<Article> articles) {
        return new ShipmentDetails(details.origin(), details.destination(), details.weight(), details.customer(),
                details.orderedAt(), details.sender(), details.receiver(), articles, details.publicTracking());
    }

    /**
     * A shipment as an import makes it: parties known by their addresses only, 1 to 3 articles (by {@code seed}),
     * one event.
     */
    protected static Shipment imported(ShipmentKey key, int seed) {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i <= seed % 3; i++) {
            articles.add(new Article("Article " + i, i + 1,
                    i == 1 ? Optional.empty() : Optional.of(new BigDecimal(seed + ".5" + i)),
                    i == 2 ? Optional.empty() : Optional.of("SKU-" + seed)));
        }
        ShipmentDetails details = new ShipmentDetails(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(),
                Optional.of(Party.at(Address.of("Musterstraße " + seed, "10115", "Berlin", CountryCode.of("DE")))),
                Optional.of(Party.at(Address.of("Street 10, 75001 Paris, Atlantis", null, null, null))), articles,
                true);
        TrackingEvent event = new TrackingEvent(new EventId("import-" + seed),
                OffsetDateTime.parse("2026-11-21T10:00:00Z").plusNanos(seed), ShipmentStatus.IN_TRANSIT,
                "in_transit", Optional.empty(), Optional.empty());
        return Shipment.register(key, details, List.of(event), T0.plusMillis(seed));
    }

    protected static Shipment received(ShipmentKey key) {
        return plain(key, T0, ShipmentStatus.RECEIVED, Optional.empty(), "TW", "MY");
    }

    private static ShipmentSummary summary(Shipment shipment) {
        return ShipmentSummary.of(shipment);
    }

    private IssuedTrackingNumber issue(OrderTime orderedAt) {
        Order order = new Order(CountryCode.of("MY"), CountryCode.of("ID"), Weight.parse("1.230"),
                new Customer(new CustomerId(UUID.randomUUID()), new CustomerName("賴小賴的店"),
                        new CustomerSlug("lai-shop")),
                orderedAt);
        return new IssuedTrackingNumber(FORMAT.issue(order.origin(), sequence::getAndIncrement), order,
                Instant.parse("2026-11-21T10:00:00.123Z"));
    }

    private boolean addSucceeds(IssuedTrackingNumber issued) {
        try {
            shipments.add(issued);
            return true;
        } catch (StorageUnavailableException e) {
            return false;
        }
    }

    private List<CarrierTrackingNumber> storedNumbers() {
        return shipments.list(Filter.NONE, Optional.empty(), 10_000).stream()
                .map(summary -> summary.key().number()).toList();
    }


    private static FilterBuilder filter() {
        return new FilterBuilder(Filter.NONE);
    }

    private record FilterBuilder(Filter filter) {

        FilterBuilder status(ShipmentStatus status) {
            return new FilterBuilder(new Filter(Optional.of(status), filter.carrier(), filter.customer(),
                    filter.origin(), filter.destination(), filter.createdFrom(), filter.createdBefore()));
        }

        FilterBuilder carrier(String carrier) {
            return new FilterBuilder(new Filter(filter.status(), Optional.of(Carrier.parse(carrier)),
                    filter.customer(), filter.origin(), filter.destination(), filter.createdFrom(),
                    filter.createdBefore()));
        }

        FilterBuilder customer(Customer customer) {
            return new FilterBuilder(new Filter(filter.status(), filter.carrier(), Optional.of(customer.id()),
                    filter.origin(), filter.destination(), filter.createdFrom(), filter.createdBefore()));
        }

        FilterBuilder origin(String country) {
            return new FilterBuilder(new Filter(filter.status(), filter.carrier(), filter.customer(),
                    Optional.of(CountryCode.of(country)), filter.destination(), filter.createdFrom(),
                    filter.createdBefore()));
        }

        FilterBuilder destination(String country) {
            return new FilterBuilder(new Filter(filter.status(), filter.carrier(), filter.customer(),
                    filter.origin(), Optional.of(CountryCode.of(country)), filter.createdFrom(),
                    filter.createdBefore()));
        }

        FilterBuilder from(Instant from) {
            return new FilterBuilder(new Filter(filter.status(), filter.carrier(), filter.customer(),
                    filter.origin(), filter.destination(), Optional.of(from), filter.createdBefore()));
        }

        FilterBuilder before(Instant before) {
            return new FilterBuilder(new Filter(filter.status(), filter.carrier(), filter.customer(),
                    filter.origin(), filter.destination(), filter.createdFrom(), Optional.of(before)));
        }

        Filter build() {
            return filter;
        }
    }
}
