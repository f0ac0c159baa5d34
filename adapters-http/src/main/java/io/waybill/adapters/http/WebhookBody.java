package io.waybill.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.ManageWebhooksUseCase.Subscribe;
import io.waybill.domain.webhook.WebhookEvent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the body of {@code POST /api/v1/webhooks}: {@code {"url": "https://...", "events": ["shipment.delivered"]}}. */
final class WebhookBody {

    private static final String KNOWN = Arrays.stream(WebhookEvent.values()).map(WebhookEvent::type)
            .collect(Collectors.joining(", "));

    private WebhookBody() {}

    /** @throws InvalidParametersException naming every invalid field */
    static Subscribe subscribe(String owner, JsonNode body) {
        return BodyProblems.read(body, fields -> {
            fields.required("url", "events");
            Optional<String> url = fields.text("url", text -> text);
            Optional<Set<WebhookEvent>> events = fields.node("events").flatMap(node -> events(fields, node));
            fields.rejectUnknownFields();
            return fields.valid() ? Optional.of(new Subscribe(owner, url.orElseThrow(), events.orElseThrow()))
                    : Optional.empty();
        });
    }

    private static Optional<Set<WebhookEvent>> events(JsonFields fields, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            fields.fail("events", "must be an array of one or more of " + KNOWN);
            return Optional.empty();
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            Optional<WebhookEvent> event = element.isTextual() ? WebhookEvent.ofType(element.textValue())
                    : Optional.empty();
            if (event.isEmpty()) {
                fields.fail("events[" + i + "]", "must be one of " + KNOWN);
            }
            event.ifPresent(events::add);
        }
        return Optional.of(events);
    }
}
