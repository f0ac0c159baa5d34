package io.waybill.bootstrap;

import io.waybill.adapters.cache.Caches;
import io.waybill.adapters.http.HttpApi;
import io.waybill.adapters.http.MetricsSettings;
import io.waybill.adapters.http.Monitoring;
import io.waybill.adapters.http.weather.WeatherProviders;
import io.waybill.adapters.http.webhooks.WebhookSenders;
import io.waybill.adapters.persistence.Persistence;
import io.waybill.adapters.persistence.archive.ReportArchives;
import io.waybill.application.port.in.FakeShipmentsUseCase;
import io.waybill.application.port.in.FindShipmentUseCase;
import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.port.in.IssueTrackingNumberOnceUseCase;
import io.waybill.application.port.in.IssueTrackingNumberUseCase;
import io.waybill.application.port.in.ListShipmentsUseCase;
import io.waybill.application.port.in.PublishReportUseCase;
import io.waybill.application.port.in.RecordTrackingEventsUseCase;
import io.waybill.application.port.in.RegisterShipmentUseCase;
import io.waybill.application.port.out.ClusterJobs;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.ReportArchive;
import io.waybill.application.port.out.ShipmentQueries;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.WeatherProvider;
import io.waybill.application.port.out.WebhookSender;
import io.waybill.application.service.AnnounceStalledShipmentsService;
import io.waybill.application.service.CacheCoherence;
import io.waybill.application.service.FakeShipmentsService;
import io.waybill.application.service.FindShipmentService;
import io.waybill.application.service.FindWeatherService;
import io.waybill.application.service.ImportShipmentsService;
import io.waybill.application.service.IssueTrackingNumberOnceService;
import io.waybill.application.service.IssueTrackingNumberService;
import io.waybill.application.service.DeliverWebhooksService;
import io.waybill.application.service.ListShipmentsService;
import io.waybill.application.service.MakeReportService;
import io.waybill.application.service.ManageWebhooksService;
import io.waybill.application.service.PruneWebhooksService;
import io.waybill.application.service.PermutationKeys;
import io.waybill.application.service.PublishReportService;
import io.waybill.application.service.ReadReportsService;
import io.waybill.application.service.ReadinessService;
import io.waybill.application.service.RecordTrackingEventsService;
import io.waybill.application.service.RegisterShipmentService;
import io.waybill.application.service.ReportArchiveProbe;
import io.waybill.application.service.SequenceAllocator;
import io.waybill.application.service.ShipmentLookup;
import io.waybill.application.service.TrackingEventMapper;
import io.waybill.application.support.DaemonThreads;
import io.waybill.domain.Address;
import io.waybill.domain.IdempotencyKey;
import io.waybill.domain.Order;
import io.waybill.domain.Shipment;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waybill, started: its database, its services and, when configured, its HTTP API. The one entry point for the
 * command line, the tests and applications that embed Waybill as a library.
 *
 * <pre>{@code
 * try (Waybill waybill = Waybill.start(WaybillConfig.embedded())) {
 *     TrackingNumber number = waybill.nextTrackingNumber(order).trackingNumber();
 * }
 * }</pre>
 *
 * <p>Lifecycle: {@link #start} makes the meters (with HTTP, unless metrics are off), connects to and migrates the
 * database, opens the cache, listens for the changes other instances on the same database make, settles the
 * tracking-number key and, with HTTP configured, takes its share of the cluster's weather refresh (when weather is on)
 * and starts HTTP; {@link #close} stops HTTP, the refresh and the weather's fetches, closes the cache, stores what is
 * queued, closes the database and drops the meters, in that order; {@link #shutDownGracefully} first tells load
 * balancers to go away and gives them the time to. Thread-safe: any number of threads may use it at once.
 */
public final class Waybill implements AutoCloseable {

    // How long one call to the weather provider may take; lookups wait only WeatherSettings.timeout for it.
    private static final Duration WEATHER_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    // How often one instance of the cluster refreshes the weather where parcels are under way (a service's job: an
    // instance without HTTP, such as an import, runs none).
    private static final Duration WEATHER_REFRESH_EVERY = Duration.ofMinutes(5);

    // How often one instance of the cluster looks for shipments newly stalled, for shipment.stalled webhooks.
    private static final Duration STALLED_CHECK_EVERY = Duration.ofMinutes(15);
    // How often one instance of the cluster deletes webhook messages past WAYBILL_WEBHOOK_RETENTION.
    private static final Duration WEBHOOK_PRUNE_EVERY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(Waybill.class);

    private final ResourceStack resources;
    private final HttpApi.UseCases useCases;
    private final Optional<HttpApi> http;
    private final ReadinessService readiness;
    private final Duration shutdownGrace;

    private Waybill(ResourceStack resources, HttpApi.UseCases useCases, Optional<HttpApi> http,
            ReadinessService readiness, Duration shutdownGrace) {
        this.resources = resources;
        this.useCases = useCases;
        this.http = http;
        this.readiness = readiness;
        this.shutdownGrace = shutdownGrace;
    }

    /**
     * @throws IllegalStateException when the configured tracking key differs from the database's
     * @throws RuntimeException when the database cannot be reached or the HTTP port cannot be bound
     */
    public static Waybill start(WaybillConfig config) {
        Clock clock = config.clock();
        ResourceStack resources = new ResourceStack();
        try {
            SecureRandom random = new SecureRandom();
            // Metrics are served by HTTP: without it (an import, an embedding application) none are kept.
            Monitoring monitoring = resources.push(Monitoring.open(
                    config.http().isPresent() ? config.metrics() : MetricsSettings.OFF));
            Metrics metrics = monitoring.metrics();
            Persistence persistence = resources.push(Persistence.open(config.database(), clock, metrics,
                    Optional.of(HttpApi.webhookPayloads())));
            Caches caches = resources.push(Caches.open(config.cache(), metrics));
            ExecutorService background = Executors.newSingleThreadExecutor(DaemonThreads.named("waybill-background"));
            resources.push(background::shutdownNow);
            TrackingNumberFormat format = new TrackingNumberFormat(
                    PermutationKeys.bind(persistence.permutationKeys(), config.trackingKey(), random));
            SequenceAllocator sequence = new SequenceAllocator(persistence.trackingSequence(), background, metrics);
            ShipmentRepository shipments = persistence.shipments();
            ShipmentQueries queries = persistence.shipmentQueries();
            ShipmentLookup lookup = new ShipmentLookup(shipments, queries, caches.shipments());
            persistence.shipmentChanges().subscribe(new CacheCoherence(shipments, caches.shipments()));
            TrackingEventMapper events = new TrackingEventMapper(config.statusMapping(), random);
            FindWeatherService weather = resources.push(new FindWeatherService(weatherProvider(config.weather()),
                    persistence.weather(), config.weather().maxAge(), config.weather().timeout(), clock, metrics));
            ReportSettings reports = config.reports();
            Optional<ReportArchive> archive = reports.store().map(store ->
                    resources.push(ReportArchives.open(store, reports.s3Endpoint())));
            MakeReportService makeReport = new MakeReportService(persistence.reportFigures(), reports.stalledDays());
            PublishReportService publishReport = new PublishReportService(makeReport, HttpApi.reportFormat(),
                    persistence.reports(), archive, reports.calendar(), reports.retries(), clock, metrics);
            List<ComponentProbe> probes = new ArrayList<>(List.of(persistence.probe(), caches.probe()));
            persistence.replicaProbe().ifPresent(probes::add);
            archive.ifPresent(present -> probes.add(new ReportArchiveProbe(persistence.reports())));
            ReadinessService readiness = new ReadinessService(probes);
            WebhookSender webhookSender =
                    WebhookSenders.open(config.webhooks().allowPrivate(),
                    DeliverWebhooksService.CONNECT_TIMEOUT, DeliverWebhooksService.TIMEOUT);
            HttpApi.UseCases useCases = new HttpApi.UseCases(
                    new IssueTrackingNumberService(format, sequence, shipments, clock, metrics),
                    new IssueTrackingNumberOnceService(format, sequence, persistence.keyedIssues(), clock, metrics),
                    readiness,
                    new RegisterShipmentService(
                            origin -> format.issue(origin, sequence), shipments, lookup, events, clock),
                    new RecordTrackingEventsService(shipments, lookup, events),
                    new FindShipmentService(lookup),
                    new ListShipmentsService(queries),
                    new ImportShipmentsService(shipments, Persistence.shipmentFileReader(), lookup,
                            config.statusMapping(), clock),
                    new FakeShipmentsService(shipments, lookup),
                    weather,
                    makeReport,
                    publishReport,
                    new ReadReportsService(persistence.reports()),
                    new ManageWebhooksService(persistence.webhooks(), webhookSender, random, clock));
            List<ClusterJobs.Job> jobs = new ArrayList<>(config.http().isPresent()
                    ? jobs(config, weather, publishReport, archive.isPresent()) : List.of());
            if (config.http().isPresent()) {
                AnnounceStalledShipmentsService stalled =
                        new AnnounceStalledShipmentsService(persistence.webhooks(), reports.stalledDays(), clock);
                jobs.add(new ClusterJobs.Job("webhook-stalled", STALLED_CHECK_EVERY, stalled::announce));
                PruneWebhooksService prune =
                        new PruneWebhooksService(persistence.webhooks(), config.webhooks().retention(), clock);
                jobs.add(new ClusterJobs.Job("webhook-retention", WEBHOOK_PRUNE_EVERY, prune::prune));
            }
            if (!jobs.isEmpty()) {
                AutoCloseable started = persistence.clusterJobs().start(jobs);
                // The weather first, which ends a refresh under way, then the jobs, which wait for their runs to end.
                resources.push(() -> {
                    weather.close();
                    started.close();
                });
            }
            if (config.http().isPresent() && config.webhooks().workers() > 0) {
                // Every serving instance with workers delivers; the outbox's leases keep each message to one at a time.
                resources.push(WebhookDeliveryLoop.start(new DeliverWebhooksService(persistence.webhooks(),
                        webhookSender, config.webhooks().retries(), clock), config.webhooks().poll(),
                        config.webhooks().workers()));
            }
            Optional<HttpApi> http = config.http().map(settings -> resources.push(
                    HttpApi.start(settings, useCases, config.rateLimits(), caches.tokenBuckets(), clock, monitoring)));
            return new Waybill(resources, useCases, http, readiness, config.shutdownGrace());
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    /**
     * A service's jobs, once per cluster (an instance without HTTP, such as an import, runs none): the weather
     * refresh, when weather is on; the report on its schedule, when there is one; and the next attempt of the reports
     * the archive refused, when there is an archive, as often as the first retry waits.
     */
    private static List<ClusterJobs.Job> jobs(WaybillConfig config, FindWeatherService weather,
            PublishReportService publishReport, boolean archived) {
        List<ClusterJobs.Job> jobs = new ArrayList<>();
        if (config.weather().provider() != WeatherSettings.Provider.NONE) {
            jobs.add(new ClusterJobs.Job("weather-refresh", WEATHER_REFRESH_EVERY, weather::refresh));
        }
        ReportSettings reports = config.reports();
        if (reports.scheduled()) {
            jobs.add(new ClusterJobs.Job("report", reports.calendar(), publishReport::publish));
        }
        if (archived) {
            jobs.add(new ClusterJobs.Job("report-archive", reports.retries().first(), publishReport::archiveWaiting));
        }
        return jobs;
    }

    private static Optional<WeatherProvider> weatherProvider(WeatherSettings settings) {
        return switch (settings.provider()) {
            case OPEN_METEO -> Optional.of(WeatherProviders.openMeteo(settings.url(), settings.geocodingUrl(),
                    WEATHER_REQUEST_TIMEOUT));
            case OPEN_WEATHER_MAP -> Optional.of(WeatherProviders.openWeatherMap(settings.url(),
                    settings.apiKey().orElseThrow(), WEATHER_REQUEST_TIMEOUT));
            case NONE -> Optional.empty();
        };
    }

    /** The weather at each of {@code receivers}; see {@link FindWeatherUseCase#at}. */
    public List<FindWeatherUseCase.Answer> weatherAt(List<Address> receivers) {
        return useCases.findWeather().at(receivers);
    }

    /** Makes the report of now, keeps it and archives it; see {@link PublishReportUseCase#publishNow}. */
    public PublishReportUseCase.Published publishReport() {
        return useCases.publishReport().publishNow();
    }

    /** The report of now, written down, stored nowhere: for {@code waybill report --out}. */
    public byte[] reportOfNow() {
        return useCases.publishReport().reportOfNow();
    }

    /** Issues a tracking number for {@code order}; see {@link IssueTrackingNumberUseCase#issue}. */
    public IssuedTrackingNumber nextTrackingNumber(Order order) {
        return useCases.issueTrackingNumber().issue(order);
    }

    /**
     * Issues a tracking number for {@code order} at most once per {@code key}: a repeated call answers the number
     * stored under the key; see {@link IssueTrackingNumberOnceUseCase#issue}.
     */
    public IssueTrackingNumberOnceUseCase.Issue nextTrackingNumber(IdempotencyKey key, Order order) {
        return useCases.issueTrackingNumberOnce().issue(new IssueTrackingNumberOnceUseCase.Command(key, order));
    }

    /** Registers a shipment; see {@link RegisterShipmentUseCase#register}. */
    public Shipment registerShipment(RegisterShipmentUseCase.Command command) {
        return useCases.registerShipment().register(command);
    }

    /** Records tracking events; see {@link RecordTrackingEventsUseCase#record}. */
    public Shipment.Recording recordEvents(RecordTrackingEventsUseCase.Command command) {
        return useCases.recordTrackingEvents().record(command);
    }

    /** Looks a shipment up, through the cache; see {@link FindShipmentUseCase#find}. */
    public Optional<Shipment> findShipment(FindShipmentUseCase.Query query) {
        return useCases.findShipment().find(query);
    }

    /** Lists shipments a page at a time; see {@link ListShipmentsUseCase#list}. */
    public ListShipmentsUseCase.Page listShipments(ListShipmentsUseCase.Query query) {
        return useCases.listShipments().list(query);
    }

    /** Imports shipments from the track-and-trace format; see {@link ImportShipmentsUseCase#importShipments}. */
    public ImportShipmentsUseCase.Report importShipments(ImportShipmentsUseCase.Command command) {
        return useCases.importShipments().importShipments(command);
    }

    /** Generates shipments and stores them; see {@link FakeShipmentsUseCase#create}. */
    public FakeShipmentsUseCase.Created fakeShipments(FakeShipmentsUseCase.Generation generation,
            Consumer<Shipment> created) {
        return useCases.fakeShipments().create(generation, created);
    }

    /** Generates shipments without storing them, no database needed; see {@link FakeShipmentsUseCase#generate}. */
    public static Stream<Shipment> generateShipments(FakeShipmentsUseCase.Generation generation) {
        return FakeShipmentsService.generated(generation);
    }

    /** The port HTTP listens on, when it runs. */
    public OptionalInt httpPort() {
        return http.map(api -> OptionalInt.of(api.port())).orElse(OptionalInt.empty());
    }

    /**
     * Stops without failing a client of a load balancer: {@code /ready} answers 503, {@code shutting down}, at once,
     * while HTTP goes on serving every request for {@link WaybillConfig#shutdownGrace} (time for the balancer to see
     * it and send no more); then it closes as {@link #close} does: no new connections, the requests in progress finish
     * (a client may pause for two seconds in the middle of one, not a tenth as on {@code close}), what is queued is
     * stored. Without HTTP there is no balancer to warn, and it closes at once. Returns once closed; interrupted
     * during the grace, it cuts the grace short, closes as above, and keeps the interrupt.
     *
     * @throws IllegalStateException as {@link #close} does
     */
    public void shutDownGracefully() {
        readiness.announceShutdown();
        boolean interrupted = false;
        if (http.isPresent() && !shutdownGrace.isZero()) {
            LOG.info("Shutting down: /ready answers 503, and requests are served for {} ms more",
                    shutdownGrace.toMillis());
            try {
                Thread.sleep(shutdownGrace.toMillis()); // the grace itself: the balancer's time to move away
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            // Closed with the flag clear, so that the waits for requests in flight and for the queue's commit run.
            closeGracefully();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // Like close, with HTTP's patience for a client that pauses in the middle of a request in progress; the rest is
    // closed even when HTTP fails to.
    private synchronized void closeGracefully() {
        try {
            http.ifPresent(HttpApi::closeGracefully);
        } finally {
            resources.close();
        }
    }

    /**
     * Stops now: HTTP takes no new connections and lets the requests in progress finish, then the rest closes in the
     * reverse order of {@link #start}. A second call does nothing.
     *
     * @throws IllegalStateException when something did not close cleanly, after everything else was closed
     */
    @Override
    public synchronized void close() {
        resources.close();
    }
}
