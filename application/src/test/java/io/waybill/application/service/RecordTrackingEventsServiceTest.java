package io.waybill.application.service;

import static io.waybill.application.service.TestShipments.DHL;
import static io.waybill.application.service.TestShipments.NUMBER;
import static io.waybill.application.service.TestShipments.UPS;
import static io.waybill.application.service.TestShipments.input;
import static io.waybill.application.service.TestShipments.worded;
import static io.waybill.domain.ShipmentStatus.CREATED;
import static io.waybill.domain.ShipmentStatus.DELIVERED;
import static io.waybill.domain.ShipmentStatus.IN_TRANSIT;
import static io.waybill.domain.ShipmentStatus.OUT_FOR_DELIVERY;
import static io.waybill.domain.ShipmentStatus.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.in.AmbiguousShipmentException;
import io.waybill.application.port.in.RecordTrackingEventsUseCase.Command;
import io.waybill.application.port.in.RecordTrackingEventsUseCase.EventInput;
import io.waybill.application.port.in.ShipmentNotFoundException;
import io.waybill.application.port.in.UnknownCarrierStatusException;
import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.IllegalTransitionException;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.TrackingEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordTrackingEventsServiceTest {

    private static final ShipmentKey KEY = new ShipmentKey(NUMBER, DHL);

    private final InMemoryShipmentRepository repository = new InMemoryShipmentRepository();
    private final InMemoryShipmentCache cache = new InMemoryShipmentCache();
    private final ShipmentLookup lookup = new ShipmentLookup(repository, cache);
    private final TrackingEventMapper events = TestShipments.trackingEvents();
    private final RecordTrackingEventsService service = new RecordTrackingEventsService(repository, lookup, events);
    private Shipment registered;

    @BeforeEach
    void registerAShipmentThatWasReceived() {
        registered = TestShipments.shipment(NUMBER, DHL, true).record(events.from(List.of(
                input("ev-1", "2024-03-04T09:00+08:00", CREATED),
                input("ev-2", "2024-03-04T10:00+08:00", RECEIVED)))).shipment();
        repository.register(registered);
    }

    @Test
    void recordsTheEventsAndStoresThemAsTheNextVersion() {
        Shipment.Recording recording = service.record(command(input("ev-3", "2024-03-04T12:00+08:00", IN_TRANSIT)));

        assertThat(recording.added()).extracting(TrackingEvent::status).containsExactly(IN_TRANSIT);
        assertThat(recording.outcomes()).singleElement()
                .satisfies(outcome -> assertThat(outcome.duplicate()).isFalse());
        assertThat(recording.shipment().version()).isEqualTo(1);
        assertThat(repository.stored(KEY)).contains(recording.shipment());
        assertThat(recording.shipment().status()).isEqualTo(IN_TRANSIT);
    }

    @Test
    void theCachedLookupIsRefreshedBeforeRecordingReturns() {
        assertThat(lookup.byNumber(NUMBER)).containsExactly(registered);

        Shipment recorded = service.record(command(input("ev-3", "2024-03-04T12:00+08:00", IN_TRANSIT))).shipment();

        assertThat(cache.peek(NUMBER)).contains(List.of(recorded));
        int reads = repository.readsByNumber();
        assertThat(lookup.byNumber(NUMBER)).containsExactly(recorded);
        assertThat(repository.readsByNumber()).as("served from the cache").isEqualTo(reads);
    }

    @Test
    void eventsSeenBeforeChangeNothing() {
        lookup.byNumber(NUMBER);

        Shipment.Recording recording = service.record(command(input("ev-2", "2024-03-05T10:00+08:00", DELIVERED)));

        assertThat(recording.outcomes()).singleElement().satisfies(outcome -> {
            assertThat(outcome.duplicate()).isTrue();
            assertThat(outcome.event()).isEqualTo(registered.events().get(1));
        });
        assertThat(recording.added()).isEmpty();
        assertThat(repository.appends()).isZero();
        assertThat(repository.stored(KEY)).contains(registered);
        assertThat(cache.peek(NUMBER)).contains(List.of(registered));
    }

    @Test
    void unknownWordingRecordsNothing() {
        assertThatThrownBy(() -> service.record(command(input("ev-3", "2024-03-04T12:00+08:00", IN_TRANSIT),
                        worded("2024-03-04T13:00+08:00", "beamed up"))))
                .isInstanceOf(UnknownCarrierStatusException.class)
                .hasMessageStartingWith("Unknown carrier status 'beamed up'");
        assertThat(repository.appends()).isZero();
    }

    @Test
    void anIllegalEventRecordsNothing() {
        lookup.byNumber(NUMBER);

        assertThatThrownBy(() -> service.record(command(input("ev-3", "2024-03-04T12:00+08:00", IN_TRANSIT),
                        input("ev-4", "2024-03-04T13:00+08:00", DELIVERED),
                        input("ev-5", "2024-03-04T14:00+08:00", IN_TRANSIT))))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageEndingWith("cannot move from delivered to in transit (delivered is final)");
        assertThat(repository.appends()).isZero();
        assertThat(repository.stored(KEY)).contains(registered);
        assertThat(cache.peek(NUMBER)).contains(List.of(registered));
    }

    @Test
    void anUnknownShipmentIsNotFound() {
        assertThatThrownBy(() -> service.record(new Command(new CarrierTrackingNumber("XX0000"), Optional.empty(),
                        List.of(input("ev-3", "2024-03-04T12:00+08:00", IN_TRANSIT)))))
                .isInstanceOf(ShipmentNotFoundException.class)
                .hasMessage("No shipment has tracking number XX0000");
        assertThatThrownBy(() -> service.record(new Command(NUMBER, Optional.of(UPS),
                        List.of(input("ev-3", "2024-03-04T12:00+08:00", IN_TRANSIT)))))
                .isInstanceOf(ShipmentNotFoundException.class)
                .hasMessage("No shipment has tracking number TN12345678 and carrier UPS");
    }

    @Test
    void aNumberOfSeveralCarriersNeedsTheCarrier() {
        Shipment ups = TestShipments.shipment(NUMBER, UPS, true);
        repository.register(ups);
        EventInput inTransit = input("ev-3", "2024-03-04T12:00+08:00", IN_TRANSIT);

        assertThatThrownBy(() -> service.record(command(inTransit))).isInstanceOf(AmbiguousShipmentException.class);
        service.record(new Command(NUMBER, Optional.of(UPS), List.of(inTransit)));

        assertThat(repository.stored(ups.key()).orElseThrow().events()).hasSize(1);
        assertThat(repository.stored(KEY)).contains(registered);
    }

    @Test
    void aConcurrentChangeIsReadAgainAndTheEventsRecordedOnTop() {
        TrackingEvent theirs = events.from(List.of(input("theirs", "2024-03-04T11:00+08:00", IN_TRANSIT))).get(0);
        AtomicBoolean once = new AtomicBoolean();
        repository.beforeEachAppend(key -> {
            if (once.compareAndSet(false, true)) {
                repository.changeConcurrently(key, shipment -> shipment.record(List.of(theirs)).shipment());
            }
        });

        Shipment.Recording recording = service.record(command(input("ev-3", "2024-03-04T12:00+08:00",
                OUT_FOR_DELIVERY)));

        assertThat(repository.appends()).isEqualTo(2);
        assertThat(recording.shipment().events()).extracting(event -> event.id().value())
                .containsExactly("ev-1", "ev-2", "theirs", "ev-3");
        assertThat(recording.shipment().version()).isEqualTo(2);
        assertThat(repository.stored(KEY)).contains(recording.shipment());
        assertThat(cache.peek(NUMBER)).contains(List.of(recording.shipment()));
    }

    @Test
    void madeIdsAreKeptAcrossAttemptsSoAnEventIsStoredOnce() {
        AtomicBoolean once = new AtomicBoolean();
        repository.beforeEachAppend(key -> {
            if (once.compareAndSet(false, true)) {
                repository.changeConcurrently(key, shipment -> shipment);
            }
        });

        Shipment.Recording recording = service.record(command(worded("2024-03-04T12:00+08:00", "in-transit")));

        Shipment stored = repository.stored(KEY).orElseThrow();
        assertThat(stored.events()).hasSize(3);
        assertThat(stored.events().get(2)).isEqualTo(recording.added().get(0));
        assertThat(stored.events().get(2).carrierStatus()).isEqualTo("in-transit");
    }

    @Test
    void anEventACompetitorStoredMeanwhileIsADuplicateOnTheNextAttempt() {
        EventInput ours = input("ev-3", "2024-03-04T12:00+08:00", IN_TRANSIT);
        AtomicBoolean once = new AtomicBoolean();
        repository.beforeEachAppend(key -> {
            if (once.compareAndSet(false, true)) {
                repository.changeConcurrently(key, shipment -> shipment.record(events.from(List.of(ours))).shipment());
            }
        });

        Shipment.Recording recording = service.record(command(ours));

        assertThat(recording.outcomes()).singleElement()
                .satisfies(outcome -> assertThat(outcome.duplicate()).isTrue());
        assertThat(repository.appends()).isEqualTo(1);
        assertThat(repository.stored(KEY).orElseThrow().events()).hasSize(3);
    }

    @Test
    void givesUpAfterSoManyConflicts() {
        repository.beforeEachAppend(key -> repository.changeConcurrently(key, shipment -> shipment));

        assertThatThrownBy(() -> service.record(command(input("ev-3", "2024-03-04T12:00+08:00", IN_TRANSIT))))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Shipment TN12345678/DHL changed while it was being updated");
        assertThat(repository.appends()).isEqualTo(RecordTrackingEventsService.ATTEMPTS).isEqualTo(5);
        assertThat(repository.stored(KEY).orElseThrow().events()).isEqualTo(registered.events());
    }

    @Test
    void aWriteWhileTheCacheIsDownLeavesNoOldEntryBehind() {
        lookup.byNumber(NUMBER);
        cache.failing(true);

        Shipment recorded = service.record(command(input("ev-3", "2024-03-04T12:00+08:00", IN_TRANSIT))).shipment();
        cache.failing(false);

        assertThat(lookup.byNumber(NUMBER)).containsExactly(recorded);
    }

    @Test
    void aRefreshThatFailsAfterTheAppendStillAcknowledgesTheWriteAndLeavesNoStaleEntry() {
        lookup.byNumber(NUMBER);
        StorageUnavailableException lost = new StorageUnavailableException("connection lost", null);
        repository.afterEachAppend(key -> repository.goDown(lost));

        Shipment recorded = service.record(command(input("ev-3", "2024-03-04T12:00+08:00", IN_TRANSIT))).shipment();
        repository.goUp();

        assertThat(recorded.status()).isEqualTo(IN_TRANSIT);
        assertThat(cache.peek(NUMBER)).isEmpty();
        assertThat(lookup.byNumber(NUMBER)).singleElement()
                .satisfies(shipment -> assertThat(shipment.status()).isEqualTo(IN_TRANSIT));
    }

    private static Command command(EventInput... inputs) {
        return new Command(NUMBER, Optional.<Carrier>empty(), List.of(inputs));
    }
}
