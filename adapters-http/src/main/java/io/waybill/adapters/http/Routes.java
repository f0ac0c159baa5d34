package io.waybill.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.waybill.adapters.http.page.TrackingPages;
import java.time.Clock;

/**
 * Every route, and who may use it. Probes are open to all; the tracking-number generator and the lookups of one
 * shipment to anyone (the public view without a key, staff's with one; a wrong key is refused), within rate limits;
 * the rest to staff. The API's description and its viewer are open to all, and so is the receiver's tracking page
 * ({@link TrackingPageHandlers}), whose shipments are limited like the public lookup. ({@code GET /metrics}, when metrics are
 * on, is added by {@link HttpApi}: see {@link MetricsHandler}.)
 */
final class Routes {

    private Routes() {}

    static void register(RoutesConfig routes, HttpApi.UseCases useCases, Access access, RateLimiting limits,
            JsonBody body, JsonWriter json, long maxStrictImportBytes, Clock clock) {
        // Jetty lets through a path escape such as %u0041, on which Javalin's decoding of path parameters would throw.
        routes.before(ctx -> {
            try {
                PercentDecoder.checkEscapes(ctx.path());
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("The request is malformed: the path " + e.getMessage());
            }
        });
        routes.get("/health", new HealthHandler(json));
        routes.get("/ready", new ReadinessHandler(useCases.checkReadiness(), access, json));

        NextTrackingNumberHandler nextTrackingNumber = new NextTrackingNumberHandler(useCases.issueTrackingNumber(),
                useCases.issueTrackingNumberOnce(), json);
        routes.get("/next-tracking-number",
                limits.limited(access.anyone((ctx, audience) -> nextTrackingNumber.handle(ctx))));

        ShipmentLookupHandlers lookups =
                new ShipmentLookupHandlers(useCases.findShipment(), useCases.findWeather(), body, json);
        ListShipmentsHandlers lists = new ListShipmentsHandlers(useCases.listShipments(), useCases.findWeather(), json);
        routes.get("/api/v1/shipments/{tracking_number}", limits.limited(access.anyone(lookups::byPath)));
        routes.get("/api/v1/shipments", access.staff(lists::list));
        routes.post("/api/v1/shipments",
                access.staff(new RegisterShipmentHandler(useCases.registerShipment(), useCases.findWeather(), body,
                        json)));
        routes.post("/api/v1/shipments/{tracking_number}/events",
                access.staff(new RecordEventsHandler(useCases.recordTrackingEvents(), body, json)));
        routes.post("/api/v1/imports", access.staff(new ImportShipmentsHandler(useCases.importShipments(),
                maxStrictImportBytes, json)));

        routes.get(LegacyEnvelope.PATH, limits.limited(access.anyone(lookups::legacyQuery)));
        routes.get("/shipment", access.staff(lists::legacyList));
        routes.post("/shipment", limits.limited(access.anyone(lookups::legacyPost)));
        ReportHandlers reports = new ReportHandlers(useCases.makeReport(), useCases.publishReport(),
                useCases.readReports(), clock, json);
        routes.get("/trackingSummary", access.staff(reports::trackingSummary));
        routes.get(ReportHandlers.PATH, access.staff(reports::list));
        routes.get(ReportHandlers.PATH + "/{id}", access.staff(reports::one));
        routes.post(ReportHandlers.PATH, access.staff(reports::publish));
        WebhookHandlers webhooks = new WebhookHandlers(useCases.manageWebhooks(), access, body, json);
        routes.post(WebhookHandlers.PATH, access.staff(webhooks::subscribe));
        routes.get(WebhookHandlers.PATH, access.staff(webhooks::list));
        routes.get(WebhookHandlers.PATH + "/{id}", access.staff(webhooks::one));
        routes.delete(WebhookHandlers.PATH + "/{id}", access.staff(webhooks::delete));
        routes.post(WebhookHandlers.PATH + "/{id}/enable", access.staff(webhooks::enable));
        routes.get(WebhookHandlers.PATH + "/{id}/deliveries", access.staff(webhooks::deliveries));
        routes.post(WebhookHandlers.PATH + "/{id}/deliveries/{message_id}/replay", access.staff(webhooks::replay));
        routes.get(FakeShipmentsHandler.PATH,
                access.staff(new FakeShipmentsHandler(useCases.fakeShipments(), clock, json)::handle));

        TrackingPageHandlers page = new TrackingPageHandlers(useCases.findShipment(), useCases.findWeather(), clock);
        routes.get("/", page::home);
        routes.get(TrackingPages.FORM_PATH, page::form);
        routes.get(TrackingPageHandlers.SHIPMENT_PATH, page.inHtml(limits.limited(page::shipment)));
        routes.get(TrackingPageHandlers.ASSET_PATH, page::asset);

        // Every route above is described in openapi.json (OpenApiCoverageTest holds the two together).
        ApiDocs docs = ApiDocs.load();
        routes.get(ApiDocs.DESCRIPTION_PATH, docs::description);
        routes.get(ApiDocs.PAGE_PATH, docs::page);
        routes.get(ApiDocs.PAGE_PATH + "/{file}", docs::file);
    }
}
