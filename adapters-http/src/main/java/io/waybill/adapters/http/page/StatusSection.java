package io.waybill.adapters.http.page;

import io.waybill.domain.CountryCode;
import io.waybill.domain.ShipmentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a parcel stands: its status in words, the {@link Progress} line, the estimated delivery day (with "delayed"
 * once it has passed, in words, not by colour alone), or the day it was delivered, the current location and the
 * destination. Immutable, thread-safe.
 */
final class StatusSection {

    private final Messages messages;

    StatusSection(Messages messages) {
        this.messages = messages;
    }

    void write(Html html, Language language, TrackedParcel parcel, Instant now) {
        Formats formats = new Formats(language);
        html.open("section", "class", "card status", "aria-labelledby", "status-heading");
        html.element("h2", messages.get(language, "shipment.status"), "id", "status-heading");
        html.element("p", status(language, parcel.status()), "class",
                troubled(parcel.status()) ? "now trouble" : "now");
        progress(html, language, parcel);
        html.open("dl", "class", "facts");
        parcel.estimatedDelivery().ifPresent(day -> {
            boolean delivered = parcel.status() == ShipmentStatus.DELIVERED;
            html.open("div").element("dt", messages.get(language, delivered ? "shipment.delivered" : "shipment.estimate"));
            html.open("dd").element("time", formats.day(day), "datetime", day.toString());
            if (parcel.delayed(now)) {
                html.text(" ").element("strong", messages.get(language, "shipment.delayed"), "class", "badge");
            }
            html.close("dd").close("div");
        });
        parcel.currentLocation().ifPresent(place -> fact(html, messages.get(language, "shipment.location"),
                place.title() + place.city().map(city -> ", " + city).orElse("")));
        destination(language, parcel.destination())
                .ifPresent(text -> fact(html, messages.get(language, "shipment.destination"), text));
        html.close("dl");
        html.close("section");
    }

    String status(Language language, ShipmentStatus status) {
        return messages.get(language, "status." + status.code());
    }

    private void progress(Html html, Language language, TrackedParcel parcel) {
        List<ShipmentStatus> history = parcel.events().stream().map(TrackedParcel.Event::status).toList();
        html.open("ol", "class", "progress", "aria-label", messages.get(language, "shipment.progress"));
        for (Progress.Step step : Progress.of(history)) {
            String state = step.state().name().toLowerCase(Locale.ROOT);
            html.open("li", "class", "step " + state + (step.trouble() ? " trouble" : ""), "aria-current",
                    step.state() == Progress.State.CURRENT ? "step" : null);
            html.element("span", status(language, step.status()), "class", "label");
            html.element("span", " (" + messages.get(language, "step." + state) + ")", "class", "vh");
            html.close("li");
        }
        html.close("ol");
    }

    private static void fact(Html html, String term, String description) {
        html.open("div").element("dt", term).element("dd", description).close("div");
    }

    private static Optional<String> destination(Language language, TrackedParcel.Destination destination) {
        String place = Stream.of(destination.zip(), destination.city()).flatMap(Optional::stream)
                .collect(Collectors.joining(" "));
        Optional<String> country = destination.country().map(code -> country(code, language));
        String text = Stream.of(Optional.of(place).filter(p -> !p.isEmpty()), country).flatMap(Optional::stream)
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static String country(CountryCode code, Language language) {
        String name = new Locale("", code.value()).getDisplayCountry(language.locale());
        return name.isEmpty() || name.equals(code.value()) ? code.value() : name;
    }

    private static boolean troubled(ShipmentStatus status) {
        return switch (status) {
            case EXCEPTION, DELIVERY_ATTEMPTED, RETURNED_TO_SENDER, CANCELLED -> true;
            default -> false;
        };
    }
}
