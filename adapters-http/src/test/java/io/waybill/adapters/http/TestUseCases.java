package io.waybill.adapters.http;

import io.waybill.application.port.in.AmbiguousShipmentException;
import io.waybill.application.port.in.CheckReadinessUseCase;
import io.waybill.application.port.in.FakeShipmentsUseCase;
import io.waybill.application.port.in.FindShipmentUseCase.Audience;
import io.waybill.application.port.in.FindShipmentUseCase;
import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.FindWeatherUseCase.Answer;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.port.in.IssueTrackingNumberOnceUseCase;
import io.waybill.application.port.in.IssueTrackingNumberUseCase;
import io.waybill.application.port.in.ListShipmentsUseCase;
import io.waybill.application.port.in.MakeReportUseCase;
import io.waybill.application.port.in.ManageWebhooksUseCase;
import io.waybill.application.port.in.PublishReportUseCase;
import io.waybill.application.port.in.ReadReportsUseCase;
import io.waybill.application.port.out.ReportRepository.StoredReport;
import io.waybill.application.port.in.RecordTrackingEventsUseCase.EventInput;
import io.waybill.application.port.in.RecordTrackingEventsUseCase;
import io.waybill.application.port.in.RegisterShipmentUseCase;
import io.waybill.application.port.in.UnknownCarrierStatusException;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.domain.EventId;
import io.waybill.domain.IdempotencyKey;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.StatusMapping;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Lambda use cases: ones that issue real tracking numbers, find shipments in a list, or fail if called at all. */
final class TestUseCases {

    static final CheckReadinessUseCase READY =
            () -> new CheckReadinessUseCase.Readiness(true, Map.of("database", ComponentProbe.State.UP));
    static final Instant ISSUED_AT = Instant.parse("2026-11-21T10:00:00.123Z");
    private static final AtomicInteger EVENT_IDS = new AtomicInteger();

    /** Weather turned off, as a service without a provider answers. */
    static final FindWeatherUseCase TURNED_OFF =
            receivers -> Collections.nCopies(receivers.size(), Answer.unavailable("weather is turned off"));

    private TestUseCases() {}

    static IssueTrackingNumberUseCase issuing(AtomicInteger calls) {
        TrackingNumberFormat format = new TrackingNumberFormat(new PermutationKey(0x5eed_0001L, 0x5eed_0002L));
        AtomicLong sequence = new AtomicLong();
        return order -> {
            calls.incrementAndGet();
            return new IssuedTrackingNumber(format.issue(order.origin(), sequence::getAndIncrement), order, ISSUED_AT);
        };
    }

    /** Issues as {@link #issuing} does, once per key: a key given again replays, or is refused for another order. */
    static IssueTrackingNumberOnceUseCase issuingOnce(AtomicInteger calls) {
        IssueTrackingNumberUseCase issuing = issuing(new AtomicInteger());
        Map<IdempotencyKey, IssuedTrackingNumber> issued = new ConcurrentHashMap<>();
        return command -> {
            calls.incrementAndGet();
            IssuedTrackingNumber earlier = issued.get(command.key());
            if (earlier == null) {
                IssuedTrackingNumber fresh = issued.computeIfAbsent(command.key(), key -> issuing.issue(command.order()));
                return new IssueTrackingNumberOnceUseCase.Issue(fresh, false);
            }
            if (!earlier.order().equals(command.order())) {
                throw new IssueTrackingNumberOnceUseCase.IdempotencyKeyReusedException();
            }
            return new IssueTrackingNumberOnceUseCase.Issue(earlier, true);
        };
    }

    /** Finds shipments as the service does: the public sees only publicly trackable ones. */
    static FindShipmentUseCase finding(List<Shipment> shipments) {
        return query -> {
            List<Shipment> visible = shipments.stream()
                    .filter(shipment -> shipment.key().number().equals(query.number()))
                    .filter(shipment -> query.audience() == Audience.STAFF || shipment.details().publicTracking())
                    .filter(shipment -> query.carrier().map(shipment.key().carrier()::equals).orElse(true))
                    .toList();
            if (visible.size() > 1) {
                throw new AmbiguousShipmentException(query.number(),
                        visible.stream().map(shipment -> shipment.key().carrier()).toList());
            }
            return visible.stream().findFirst();
        };
    }

    /** An event as the service would make it: the wording mapped when no status is given, an id made if none. */
    static TrackingEvent event(EventInput input) {
        ShipmentStatus status = input.status().orElseGet(() -> StatusMapping.builtIn()
                .canonical(input.carrierStatus().orElseThrow())
                .orElseThrow(() -> new UnknownCarrierStatusException(input.carrierStatus().orElseThrow())));
        return new TrackingEvent(input.id().orElseGet(() -> new EventId("ev-" + EVENT_IDS.incrementAndGet())),
                input.time(), status, input.carrierStatus().orElse(status.label()), input.location(),
                input.description());
    }

    static Builder builder() {
        return new Builder();
    }

    /** Every use case not given fails the test that calls it. */
    static final class Builder {

        private IssueTrackingNumberUseCase issueTrackingNumber = order -> fail();
        private IssueTrackingNumberOnceUseCase issueTrackingNumberOnce = command -> fail();
        private CheckReadinessUseCase checkReadiness = READY;
        private RegisterShipmentUseCase registerShipment = command -> fail();
        private RecordTrackingEventsUseCase recordTrackingEvents = command -> fail();
        private FindShipmentUseCase findShipment = query -> fail();
        private ListShipmentsUseCase listShipments = query -> fail();
        private ImportShipmentsUseCase importShipments = command -> fail();
        private FindWeatherUseCase findWeather = TURNED_OFF;
        private MakeReportUseCase makeReport = period -> fail();
        private PublishReportUseCase publishReport = new PublishReportUseCase() {
            @Override
            public Published publish(Instant slot) {
                return fail();
            }

            @Override
            public Published publishNow() {
                return fail();
            }

            @Override
            public byte[] reportOfNow() {
                return fail();
            }

            @Override
            public void archiveWaiting() {
                fail();
            }
        };
        private ManageWebhooksUseCase manageWebhooks = new InMemoryWebhooks();
        private ReadReportsUseCase readReports = new ReadReportsUseCase() {
            @Override
            public Optional<StoredReport> find(Instant slot) {
                return fail();
            }

            @Override
            public Page list(Optional<Instant> before, int limit) {
                return fail();
            }
        };
        private FakeShipmentsUseCase fakeShipments = new FakeShipmentsUseCase() {
            @Override
            public Stream<Shipment> generate(Generation generation) {
                return fail();
            }

            @Override
            public Created create(Generation generation, Consumer<Shipment> created) {
                return fail();
            }
        };

        Builder issueTrackingNumber(IssueTrackingNumberUseCase useCase) {
            issueTrackingNumber = useCase;
            return this;
        }

        Builder issueTrackingNumberOnce(IssueTrackingNumberOnceUseCase useCase) {
            issueTrackingNumberOnce = useCase;
            return this;
        }

        Builder checkReadiness(CheckReadinessUseCase useCase) {
            checkReadiness = useCase;
            return this;
        }

        Builder registerShipment(RegisterShipmentUseCase useCase) {
            registerShipment = useCase;
            return this;
        }

        Builder recordTrackingEvents(RecordTrackingEventsUseCase useCase) {
            recordTrackingEvents = useCase;
            return this;
        }

        Builder findShipment(FindShipmentUseCase useCase) {
            findShipment = useCase;
            return this;
        }

        Builder listShipments(ListShipmentsUseCase useCase) {
            listShipments = useCase;
            return this;
        }

        Builder importShipments(ImportShipmentsUseCase useCase) {
            importShipments = useCase;
            return this;
        }

        Builder fakeShipments(FakeShipmentsUseCase useCase) {
            fakeShipments = useCase;
            return this;
        }

        Builder makeReport(MakeReportUseCase useCase) {
            makeReport = useCase;
            return this;
        }

        Builder publishReport(PublishReportUseCase useCase) {
            publishReport = useCase;
            return this;
        }

        Builder readReports(ReadReportsUseCase useCase) {
            readReports = useCase;
            return this;
        }

        Builder manageWebhooks(ManageWebhooksUseCase useCase) {
            manageWebhooks = useCase;
            return this;
        }

        Builder findWeather(FindWeatherUseCase useCase) {
            findWeather = useCase;
            return this;
        }

        HttpApi.UseCases build() {
            return new HttpApi.UseCases(issueTrackingNumber, issueTrackingNumberOnce, checkReadiness, registerShipment,
                    recordTrackingEvents,
                    findShipment, listShipments, importShipments, fakeShipments, findWeather, makeReport, publishReport,
                    readReports, manageWebhooks);
        }

        private static <T> T fail() {
            throw new AssertionError("this use case is not to be called here");
        }
    }
}
