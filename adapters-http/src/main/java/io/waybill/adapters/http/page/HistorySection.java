package io.waybill.adapters.http.page;

import java.util.List;

/**
 * The parcel's history, newest first, each event at the local time of its place ({@link Formats#localTime}), and its
 * contents: each article's name and quantity, never a price. Immutable, thread-safe.
 */
final class HistorySection {

    private final Messages messages;
    private final StatusSection statuses;

    HistorySection(Messages messages, StatusSection statuses) {
        this.messages = messages;
        this.statuses = statuses;
    }

    void write(Html html, Language language, TrackedParcel parcel) {
        Formats formats = new Formats(language);
        html.open("section", "class", "card history", "aria-labelledby", "history-heading");
        html.element("h2", messages.get(language, "shipment.history"), "id", "history-heading");
        List<TrackedParcel.Event> events = parcel.events();
        if (events.isEmpty()) {
            html.element("p", messages.get(language, "shipment.history.empty"), "class", "muted");
        } else {
            html.open("ol", "class", "timeline");
            for (int i = events.size() - 1; i >= 0; i--) {
                TrackedParcel.Event event = events.get(i);
                html.open("li", "class", i == events.size() - 1 ? "event latest" : "event");
                html.element("time", formats.localTime(event.time()), "datetime", event.time().toString());
                html.element("span", statuses.status(language, event.status()), "class", "what");
                event.location().ifPresent(place -> html.element("span",
                        place.title() + place.city().map(city -> ", " + city).orElse(""), "class", "where"));
                html.close("li");
            }
            html.close("ol");
        }
        html.close("section");
        if (!parcel.articles().isEmpty()) {
            html.open("section", "class", "card articles", "aria-labelledby", "articles-heading");
            html.element("h2", messages.get(language, "shipment.articles"), "id", "articles-heading");
            html.open("ul");
            for (TrackedParcel.Item item : parcel.articles()) {
                html.element("li", messages.get(language, "shipment.article", item.quantity(), item.name()));
            }
            html.close("ul").close("section");
        }
    }
}
