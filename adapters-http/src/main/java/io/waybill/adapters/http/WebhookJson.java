package io.waybill.adapters.http;

import io.waybill.application.port.out.WebhookStore.Attempt;
import io.waybill.application.port.out.WebhookStore.Subscription;
import io.waybill.domain.webhook.WebhookEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Webhook subscriptions and delivery attempts as the API shows them; the secret only when it is made. */
final class WebhookJson {

    private WebhookJson() {}

    static Map<String, Object> subscription(Subscription subscription, boolean withSecret) {
        Map<String, Object> json = new LinkedHashMap<>(8);
        json.put("id", subscription.id());
        json.put("url", subscription.url().toString());
        json.put("events", subscription.events().stream().sorted().map(WebhookEvent::type).toList());
        if (withSecret) {
            json.put("secret", subscription.secret().value());
        }
        json.put("state", subscription.active() ? "active" : "disabled");
        json.put("disabled_reason", subscription.disabledReason().orElse(null));
        json.put("created_at", subscription.createdAt().toString());
        return json;
    }

    static Map<String, Object> attempt(Attempt attempt) {
        Map<String, Object> json = new LinkedHashMap<>(8);
        json.put("message_id", attempt.messageId());
        json.put("type", attempt.event().type());
        json.put("attempted_at", attempt.at().toString());
        json.put("status", attempt.status().isPresent() ? attempt.status().getAsInt() : null);
        json.put("duration_ms", attempt.duration().toNanos() / 1_000_000.0);
        json.put("error", attempt.error().orElse(null));
        return json;
    }
}
