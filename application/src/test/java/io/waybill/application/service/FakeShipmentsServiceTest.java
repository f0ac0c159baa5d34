package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.in.FakeShipmentsUseCase.Created;
import io.waybill.application.port.in.FakeShipmentsUseCase.Generation;
import io.waybill.domain.Location;
import io.waybill.domain.Party;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.StatusMapping;
import io.waybill.domain.TrackingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FakeShipmentsServiceTest {

    private static final Instant UNTIL = Instant.parse("2026-11-21T10:00:00Z");
    private static final int MANY = 20_000;
    private static final List<Shipment> GENERATED = generate(MANY, 42);

    private final InMemoryShipmentRepository repository = new InMemoryShipmentRepository();
    private final InMemoryShipmentCache cache = new InMemoryShipmentCache();
    private final FakeShipmentsService service = new FakeShipmentsService(repository,
            new ShipmentLookup(repository, cache));

    @Test
    void historiesFollowTheLogisticsSystemsLifecycle() {
        for (Shipment shipment : GENERATED) {
            List<ShipmentStatus> statuses = shipment.events().stream().map(TrackingEvent::status).toList();
            assertThat(statuses.subList(0, 2)).containsExactly(ShipmentStatus.CREATED, ShipmentStatus.RECEIVED);
            String path = statuses.stream().skip(2).map(FakeShipmentsServiceTest::letter)
                    .collect(Collectors.joining());
            // T: in transit, O: out for delivery, A: attempted, D: delivered, R: returned, X: exception.
            assertThat(path).as(shipment.key() + " " + statuses).matches("T{0,2}X|T{1,3}(X|OX|OAX|OA[DR])?");
        }
    }

    @Test
    void endingsComeInTheLogisticsSystemsProportions() {
        Map<ShipmentStatus, Long> endings = GENERATED.stream()
                .collect(Collectors.groupingBy(Shipment::status, () -> new EnumMap<>(ShipmentStatus.class),
                        Collectors.counting()));
        // Worked out from the probabilities: on the way 0.452, delivered 0.368, returned 0.019, exception 0.161.
        assertThat(share(endings, ShipmentStatus.IN_TRANSIT)).isBetween(0.43, 0.47);
        assertThat(share(endings, ShipmentStatus.DELIVERED)).isBetween(0.35, 0.39);
        assertThat(share(endings, ShipmentStatus.RETURNED_TO_SENDER)).isBetween(0.014, 0.025);
        assertThat(share(endings, ShipmentStatus.EXCEPTION)).isBetween(0.145, 0.18);
        assertThat(endings.keySet()).containsOnly(ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED,
                ShipmentStatus.RETURNED_TO_SENDER, ShipmentStatus.EXCEPTION);
    }

    @Test
    void timesMoveForwardAndEndWithinTwoWeeksBeforeTheLimit() {
        for (Shipment shipment : GENERATED) {
            List<TrackingEvent> events = shipment.events();
            for (int i = 1; i < events.size(); i++) {
                assertThat(Duration.between(events.get(i - 1).time(), events.get(i).time()))
                        .isGreaterThanOrEqualTo(Duration.ofHours(1));
            }
            Instant last = events.get(events.size() - 1).time().toInstant();
            assertThat(last).isBeforeOrEqualTo(UNTIL).isAfter(UNTIL.minus(Duration.ofDays(15)));
            assertThat(shipment.details().orderedAt().orElseThrow().value()).isBefore(events.get(0).time());
        }
    }

    @Test
    void everyWordingIsOneTheStatusMappingKnows() {
        StatusMapping mapping = StatusMapping.builtIn();
        Set<String> wordings = GENERATED.stream().flatMap(shipment -> shipment.events().stream())
                .peek(event -> assertThat(mapping.canonical(event.carrierStatus())).contains(event.status()))
                .map(TrackingEvent::carrierStatus)
                .collect(Collectors.toSet());
        assertThat(wordings).contains("in_transit", "in-transit", "inbound-scan", "delivery");
    }

    @Test
    void eventsAreAtCentresAndExceptionsSayWhy() {
        for (Shipment shipment : GENERATED) {
            for (TrackingEvent event : shipment.events()) {
                assertThat(event.location()).get().isInstanceOf(Location.Centre.class);
                assertThat(event.description().isPresent()).isEqualTo(event.status() == ShipmentStatus.EXCEPTION);
            }
        }
    }

    @Test
    void theLogisticsSystemsCentresAndRecipientsAreOneRegionAmongSeveral() {
        Set<String> titles = GENERATED.stream().flatMap(shipment -> shipment.events().stream())
                .map(event -> event.location().orElseThrow().title()).collect(Collectors.toSet());
        assertThat(titles).contains("台北物流中心", "金門物流中心");
        List<Party> receivers = GENERATED.stream().map(shipment -> shipment.details().receiver().orElseThrow())
                .toList();
        assertThat(receivers).anySatisfy(receiver -> {
            assertThat(receiver.id()).contains("1234");
            assertThat(receiver.name()).contains("賴小賴");
            assertThat(receiver.address().city()).contains("台北市");
            assertThat(receiver.address().street()).contains("中正區仁愛路二段99號");
        });
        Set<String> countries = receivers.stream().map(receiver -> receiver.address().country().orElseThrow().value())
                .collect(Collectors.toSet());
        assertThat(countries).containsExactlyInAnyOrder("TW", "US", "DE", "FR", "NL");
        Set<String> carriers = GENERATED.stream().map(shipment -> shipment.key().carrier().code())
                .collect(Collectors.toSet());
        assertThat(carriers).contains("TCAT", "UPS", "DHL", "POSTNL", "COLISSIMO");
        assertThat(GENERATED).allSatisfy(shipment -> {
            assertThat(shipment.details().receiver().orElseThrow().phone()).isPresent();
            assertThat(shipment.details().articles()).hasSizeBetween(1, 3).allSatisfy(article -> {
                assertThat(article.sku()).isPresent();
                assertThat(article.price()).isPresent();
            });
            assertThat(shipment.details().weight()).isPresent();
        });
    }

    @Test
    void numbersAreDistinctAndTheSameSeedGivesTheSameShipments() {
        assertThat(GENERATED.stream().map(shipment -> shipment.key().number()).distinct().count()).isEqualTo(MANY);
        assertThat(GENERATED).allSatisfy(shipment -> assertThat(shipment.key().number().asWaybillNumber()).isPresent());
        assertThat(generate(200, 42)).isEqualTo(GENERATED.subList(0, 200));
        assertThat(generate(200, 43)).doesNotContainAnyElementsOf(GENERATED.subList(0, 200));
    }

    @Test
    void createStoresEveryShipmentAndLeavesThoseOfTheSameSeedAlone() {
        cache.offer(GENERATED.get(700).key().number(), List.of());
        List<Shipment> told = new ArrayList<>();

        Created first = service.create(generation(1_200, 42, new ArrayList<>()), told::add);

        assertThat(first).isEqualTo(new Created(1_200, 0));
        assertThat(told).isEqualTo(GENERATED.subList(0, 1_200));
        assertThat(repository.find(GENERATED.get(1_199).key())).contains(GENERATED.get(1_199));
        assertThat(cache.get(GENERATED.get(700).key().number())).as("a cached 'none' is dropped").isEmpty();

        told.clear();
        Created again = service.create(generation(1_500, 42, new ArrayList<>()), told::add);

        assertThat(again).isEqualTo(new Created(300, 1_200));
        assertThat(told).isEqualTo(GENERATED.subList(1_200, 1_500));
    }

    @Test
    void progressIsToldEveryTenThousandAndAtTheEnd() {
        List<Long> progress = new ArrayList<>();

        assertThat(service.generate(generation(25_000, 7, progress)).count()).isEqualTo(25_000);

        assertThat(progress).containsExactly(10_000L, 20_000L, 25_000L);
    }

    private static double share(Map<ShipmentStatus, Long> counts, ShipmentStatus status) {
        return counts.getOrDefault(status, 0L) / (double) MANY;
    }

    private static String letter(ShipmentStatus status) {
        switch (status) {
            case IN_TRANSIT: return "T";
            case OUT_FOR_DELIVERY: return "O";
            case DELIVERY_ATTEMPTED: return "A";
            case DELIVERED: return "D";
            case RETURNED_TO_SENDER: return "R";
            case EXCEPTION: return "X";
            default: return "?";
        }
    }

    private static List<Shipment> generate(int count, long seed) {
        FakeShipmentsService generator = new FakeShipmentsService(new InMemoryShipmentRepository(),
                new ShipmentLookup(new InMemoryShipmentRepository(), new InMemoryShipmentCache()));
        return generator.generate(generation(count, seed, new ArrayList<>())).toList();
    }

    private static Generation generation(long count, long seed, List<Long> progress) {
        return new Generation(count, OptionalLong.of(seed), UNTIL, progress::add);
    }
}
