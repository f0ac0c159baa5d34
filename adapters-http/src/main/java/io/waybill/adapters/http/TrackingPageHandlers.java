package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.TooManyRequestsResponse;
import io.waybill.adapters.http.page.Asset;
import io.waybill.adapters.http.page.Language;
import io.waybill.adapters.http.page.Lookup;
import io.waybill.adapters.http.page.TrackingPages;
import io.waybill.application.port.in.AmbiguousShipmentException;
import io.waybill.application.port.in.FindShipmentUseCase;
import io.waybill.application.port.in.FindShipmentUseCase.Audience;
import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.Shipment;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The receiver's tracking page ({@link TrackingPages} writes it): {@code GET /} leads to {@code GET /track}, the form,
 * which sends a valid entry on to {@code GET /track/{tracking_number}?carrier=}: the shipment as the public sees it,
 * whatever key the request carries; 300 with the carriers to choose from when the number has several; 404 with the
 * form when there is none; 400 with the form and what is wrong, in the page's language. A busy client (429) and
 * storage that is down (503) get a page too. Pages vary with {@code Accept-Language}; the form, a shipment and a
 * choice of carriers may be kept if revalidated, like the API's public lookup, the rest is not stored. The pages'
 * files ({@code GET /assets/{file}}) are named by their content and kept for a year.
 */
final class TrackingPageHandlers {

    static final String SHIPMENT_PATH = TrackingPages.FORM_PATH + "/{tracking_number}";
    static final String ASSET_PATH = TrackingPages.ASSETS_PATH + "{file}";

    private static final String HTML = "text/html;charset=utf-8";
    private static final String LANG = "lang";

    private final FindShipmentUseCase findShipment;
    private final FindWeatherUseCase findWeather;
    private final Clock clock;
    private final TrackingPages pages = TrackingPages.load();

    TrackingPageHandlers(FindShipmentUseCase findShipment, FindWeatherUseCase findWeather, Clock clock) {
        this.findShipment = findShipment;
        this.findWeather = findWeather;
        this.clock = clock;
    }

    /** {@code GET /}: to the form, in the language asked for, if any. */
    void home(Context ctx) {
        Optional<Language> chosen = QueryParameters.parse(ctx.queryString()).asSent(LANG).flatMap(Language::ofTag);
        seeOther(ctx, TrackingPages.FORM_PATH + chosen.map(language -> "?lang=" + language.tag()).orElse(""));
    }

    void form(Context ctx) {
        QueryParameters query = QueryParameters.parse(ctx.queryString());
        Language language = language(ctx, query);
        Optional<String> number = query.asSent("number");
        Optional<String> carrier = query.asSent(ShipmentRef.CARRIER);
        if (number.isEmpty() && carrier.isEmpty()) {
            ResponseHeaders.publicLookup(ctx);
            send(ctx, 200, language, pages.form(language, Lookup.empty()));
            return;
        }
        Lookup entry = Lookup.of(number.orElse(""), carrier.orElse(""));
        if (!entry.valid()) {
            send(ctx, 400, language, pages.form(language, entry));
            return;
        }
        String carrierParameter = entry.carrier().map(code -> "carrier=" + code.code()).orElse("");
        String langParameter = query.asSent(LANG).flatMap(Language::ofTag).map(chosen -> "lang=" + chosen.tag())
                .orElse("");
        String parameters = String.join("&", List.of(carrierParameter, langParameter).stream()
                .filter(parameter -> !parameter.isEmpty()).toList());
        seeOther(ctx, TrackingPages.FORM_PATH + "/" + entry.number().orElseThrow().value()
                + (parameters.isEmpty() ? "" : "?" + parameters));
    }

    void shipment(Context ctx) {
        QueryParameters query = QueryParameters.parse(ctx.queryString());
        Language language = language(ctx, query);
        Lookup entry = Lookup.of(ctx.pathParam("tracking_number"), query.asSent(ShipmentRef.CARRIER).orElse(""));
        if (!entry.valid()) {
            send(ctx, 400, language, pages.form(language, entry));
            return;
        }
        try {
            Optional<Shipment> found = findShipment.find(
                    new FindShipmentUseCase.Query(entry.number().get(), entry.carrier(), Audience.PUBLIC));
            if (found.isEmpty()) {
                send(ctx, 404, language, pages.notFound(language, entry.number().get(), entry.carrier()));
                return;
            }
            FindWeatherUseCase.Answer weather = findWeather.at(List.of(found.get().receiverAddress())).get(0);
            ResponseHeaders.publicLookup(ctx);
            send(ctx, 200, language, pages.shipment(language, found.get(), weather, clock.instant()));
        } catch (AmbiguousShipmentException several) {
            ResponseHeaders.publicLookup(ctx);
            send(ctx, 300, language, pages.carriers(language, entry.number().get(), several.carriers()));
        }
    }

    /** {@code handler}'s busy client and unavailable storage answered with a page rather than a problem. */
    Handler inHtml(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (TooManyRequestsResponse busy) {
                Language language = language(ctx, QueryParameters.parse(ctx.queryString()));
                long retryAfter = Long.parseLong(Optional.ofNullable(ctx.res().getHeader("Retry-After")).orElse("1"));
                send(ctx, 429, language, pages.busy(language, retryAfter));
            } catch (StorageUnavailableException down) {
                Language language = language(ctx, QueryParameters.parse(ctx.queryString()));
                ctx.header("Retry-After", "1");
                send(ctx, 503, language, pages.unavailable(language));
            }
        };
    }

    void asset(Context ctx) {
        Asset asset = pages.asset(ctx.pathParam("file")).orElseThrow(NotFoundResponse::new);
        ctx.header(ResponseHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
        ctx.status(200).contentType(asset.contentType()).result(asset.content());
    }

    private static Language language(Context ctx, QueryParameters query) {
        return Language.negotiate(query.asSent(LANG), ctx.header("Accept-Language"));
    }

    // Without a body, so without a type: Javalin's redirect writes "Redirected" in text/plain, which nobody reads.
    private static void seeOther(Context ctx, String location) {
        ctx.status(HttpStatus.SEE_OTHER).header("Location", location);
        ctx.res().setContentType(null);
    }

    private static void send(Context ctx, int status, Language language, String page) {
        ctx.header("Content-Security-Policy", TrackingPages.POLICY);
        ctx.header("Content-Language", language.tag());
        ctx.header("Referrer-Policy", "no-referrer");
        ResponseHeaders.vary(ctx.res(), "Accept-Language");
        ctx.status(status).contentType(HTML).result(page.getBytes(StandardCharsets.UTF_8));
    }
}
