package io.waybill.adapters.http.page;

import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The receiver's tracking page, as HTML: the lookup form, a shipment, the carriers to choose from when a number has
 * several, a number not found, and the answers for a busy or unavailable service; each in a {@link Language}, with
 * its style sheet and icon ({@link #asset}). Pages hold no script and load nothing from elsewhere, so the policy
 * {@link #POLICY} can forbid everything else. What a page shows of a shipment is its public view ({@link
 * TrackedParcel}); the caller looks the shipment up as the public. Rendering only: the HTTP adapter's handler decides
 * which page answers and with which status.
 *
 * <p>Public only for that handler, in the package above. Immutable, thread-safe.
 */
public final class TrackingPages {

    /** The {@code Content-Security-Policy} of every page: styles and images from Waybill, nothing else. */
    public static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";

    /** Where the lookup form is, and under which shipments are: {@code /track/{number}}. */
    public static final String FORM_PATH = Links.FORM;

    /** Where {@link #asset} files are, by their name. */
    public static final String ASSETS_PATH = Assets.PATH;

    private final Messages messages;
    private final Assets assets;
    private final Layout layout;
    private final FormSection form;
    private final StatusSection status;
    private final WeatherSection weather;
    private final HistorySection history;

    private TrackingPages(Messages messages, Assets assets) {
        this.messages = messages;
        this.assets = assets;
        this.layout = new Layout(messages, assets);
        this.form = new FormSection(messages);
        this.status = new StatusSection(messages);
        this.weather = new WeatherSection(messages);
        this.history = new HistorySection(messages, status);
    }

    /** @throws IllegalStateException when a text or an asset is missing from the class path */
    public static TrackingPages load() {
        return new TrackingPages(Messages.load(), Assets.load());
    }

    /** The form, with what was typed and what is wrong with it, if anything. */
    public String form(Language language, Lookup entry) {
        return layout.page(language, text(language, "form.title"), Links::form, html -> {
            html.element("h1", text(language, "form.title"));
            html.element("p", text(language, "form.intro"), "class", "lead");
            form.write(html, language, entry);
        });
    }

    /** No shipment the public may see has this number (and carrier): says so, with the form again. */
    public String notFound(Language language, CarrierTrackingNumber number, Optional<Carrier> carrier) {
        return layout.page(language, text(language, "notfound.heading"), Links::form, html -> {
            html.element("h1", text(language, "notfound.heading"));
            html.element("p", carrier.map(code -> text(language, "notfound.carrier", number, code))
                    .orElseGet(() -> text(language, "notfound.text", number)), "class", "lead");
            html.element("p", text(language, "notfound.hint"));
            form.write(html, language, new Lookup(number.value(), carrier.map(Carrier::code).orElse(""),
                    Optional.of(number), carrier, List.of()));
        });
    }

    /** The number belongs to parcels of several carriers: links to each. */
    public String carriers(Language language, CarrierTrackingNumber number, List<Carrier> carriers) {
        return layout.page(language, text(language, "choice.heading"),
                other -> Links.shipment(number.value(), Optional.empty(), other), html -> {
                    html.element("h1", text(language, "choice.heading"));
                    html.element("p", text(language, "choice.text", number), "class", "lead");
                    html.open("ul", "class", "choices");
                    for (Carrier carrier : carriers) {
                        html.open("li").element("a", carrier.code(), "href",
                                Links.shipment(number.value(), Optional.of(carrier.code()), language)).close("li");
                    }
                    html.close("ul");
                });
    }

    /**
     * A shipment, found as the public sees it, with the weather at its destination.
     *
     * @param now for telling whether the estimated day has passed
     */
    public String shipment(Language language, Shipment shipment, FindWeatherUseCase.Answer weatherThere,
            Instant now) {
        TrackedParcel parcel = TrackedParcel.of(shipment);
        String heading = text(language, "shipment.heading", parcel.number());
        return layout.page(language, heading,
                other -> Links.shipment(parcel.number(), Optional.of(parcel.carrier()), other), html -> {
                    html.element("h1", heading);
                    html.element("p", text(language, "shipment.carrier", parcel.carrier()), "class", "lead");
                    html.open("div", "class", "shipment");
                    status.write(html, language, parcel, now);
                    weather.write(html, language, weatherThere);
                    history.write(html, language, parcel);
                    html.close("div");
                    html.open("p").element("a", text(language, "shipment.another"), "href", Links.form(language))
                            .close("p");
                });
    }

    /** Storage is down for a moment. */
    public String unavailable(Language language) {
        return notice(language, "unavailable.heading", text(language, "unavailable.text"));
    }

    /** The client has asked too often; it may ask again in {@code retryAfterSeconds}. */
    public String busy(Language language, long retryAfterSeconds) {
        return notice(language, "busy.heading", text(language, "busy.text", retryAfterSeconds));
    }

    /** The file of this name, if it is one of the page's. */
    public Optional<Asset> asset(String name) {
        return assets.named(name);
    }

    private String notice(Language language, String headingKey, String text) {
        return layout.page(language, text(language, headingKey), Links::form, html -> {
            html.element("h1", text(language, headingKey));
            html.element("p", text, "class", "lead");
            html.open("p").element("a", text(language, "shipment.another"), "href", Links.form(language)).close("p");
        });
    }

    private String text(Language language, String key, Object... arguments) {
        return messages.get(language, key, arguments);
    }
}
