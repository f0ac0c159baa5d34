package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.waybill.application.port.in.FindShipmentUseCase.Audience;
import io.waybill.application.port.in.FindShipmentUseCase;
import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.ShipmentNotFoundException;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.util.List;
import java.util.Optional;

/**
 * The three ways to look one shipment up, each answering staff's view with a valid key and the public's without:
 * {@code GET /api/v1/shipments/{tracking_number}?carrier=}, the legacy {@code GET /query?sno=} (in its envelope) and
 * the legacy {@code POST /shipment/} with {@code {"tracking_number", "carrier"}}. A shipment hidden from the public
 * is answered exactly like one that does not exist. The shipment's answers carry the weather at its receiver
 * ({@link WeatherJson}); {@code /query}'s envelope keeps the legacy shape without it.
 */
final class ShipmentLookupHandlers {

    private final FindShipmentUseCase findShipment;
    private final FindWeatherUseCase findWeather;
    private final JsonBody body;
    private final JsonWriter json;
    private final RenderedViews views;
    private final WeatherJson weather;

    ShipmentLookupHandlers(FindShipmentUseCase findShipment, FindWeatherUseCase findWeather, JsonBody body,
            JsonWriter json) {
        this.findShipment = findShipment;
        this.findWeather = findWeather;
        this.body = body;
        this.json = json;
        this.views = new RenderedViews(json);
        this.weather = new WeatherJson(json);
    }

    void byPath(Context ctx, Audience audience) {
        ShipmentRef ref = ShipmentRef.inPath(ctx.pathParam("tracking_number"), ctx.queryString());
        Shipment shipment = find(ref, audience);
        revalidatedIfPublic(ctx, audience);
        answer(ctx, shipment, audience);
    }

    void legacyQuery(Context ctx, Audience audience) {
        ShipmentRef ref = ShipmentRef.inQuery(ctx.queryString(), "sno");
        Shipment shipment = find(ref, audience);
        revalidatedIfPublic(ctx, audience);
        json.rendered(ctx, 200, views.of(shipment, RenderedViews.Shape.LEGACY_QUERY, audience,
                found -> LegacyEnvelope.success(LegacyQueryJson.of(found, audience))));
    }

    /** Fields other than the two are ignored, as the legacy system did. */
    void legacyPost(Context ctx, Audience audience) {
        ShipmentRef ref = BodyProblems.read(body.read(ctx.header(Header.CONTENT_TYPE), ctx.bodyAsBytes()), fields -> {
            fields.required("tracking_number");
            Optional<CarrierTrackingNumber> number = fields.text("tracking_number", CarrierTrackingNumber::parse);
            Optional<Carrier> carrier = fields.text(ShipmentRef.CARRIER, Carrier::parse);
            return fields.valid() ? number.map(code -> new ShipmentRef(code, carrier)) : Optional.empty();
        });
        answer(ctx, find(ref, audience), audience);
    }

    private void answer(Context ctx, Shipment shipment, Audience audience) {
        byte[] view = views.of(shipment, RenderedViews.Shape.SHIPMENT, audience,
                found -> audience == Audience.STAFF ? StaffShipmentJson.of(found) : PublicShipmentJson.of(found));
        json.rendered(ctx, 200, weather.added(view, findWeather.at(List.of(shipment.receiverAddress())).get(0)));
    }

    // Only a GET's public view: a POST's answer is not kept by caches, and a 404 keeps no-store, as a number that
    // is not found now may be issued a moment later.
    private static void revalidatedIfPublic(Context ctx, Audience audience) {
        if (audience == Audience.PUBLIC) {
            ResponseHeaders.publicLookup(ctx);
        }
    }

    private Shipment find(ShipmentRef ref, Audience audience) {
        return findShipment.find(new FindShipmentUseCase.Query(ref.number(), ref.carrier(), audience))
                .orElseThrow(() -> new ShipmentNotFoundException(ref.notFound()));
    }
}
