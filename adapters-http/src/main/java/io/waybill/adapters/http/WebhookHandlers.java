package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.waybill.application.port.in.ManageWebhooksUseCase;
import io.waybill.application.port.out.WebhookStore.Subscription;
import java.util.Map;

/**
 * The webhooks' routes, for staff, each key seeing only its own subscriptions (another key's answer 404):
 * {@code POST /api/v1/webhooks}, 201 with the subscription and its secret, shown only then; {@code GET} of the list
 * and of one; {@code DELETE} of one, 204; {@code GET .../deliveries}, every attempt newest first; {@code POST
 * .../deliveries/{message_id}/replay}, 202, the message sent again.
 */
final class WebhookHandlers {

    static final String PATH = "/api/v1/webhooks";

    private final ManageWebhooksUseCase webhooks;
    private final Access access;
    private final JsonBody body;
    private final JsonWriter json;

    WebhookHandlers(ManageWebhooksUseCase webhooks, Access access, JsonBody body, JsonWriter json) {
        this.webhooks = webhooks;
        this.access = access;
        this.body = body;
        this.json = json;
    }

    void subscribe(Context ctx) {
        String owner = access.owner(ctx);
        Subscription subscription = webhooks.subscribe(
                WebhookBody.subscribe(owner, body.read(ctx.header(Header.CONTENT_TYPE), ctx.bodyAsBytes())));
        ctx.header("Location", PATH + "/" + subscription.id());
        json.json(ctx, 201, WebhookJson.subscription(subscription, true));
    }

    void list(Context ctx) {
        json.json(ctx, 200, Map.of("webhooks", webhooks.list(access.owner(ctx)).stream()
                .map(subscription -> WebhookJson.subscription(subscription, false)).toList()));
    }

    void one(Context ctx) {
        json.json(ctx, 200, WebhookJson.subscription(webhooks.find(access.owner(ctx), ctx.pathParam("id")), false));
    }

    void delete(Context ctx) {
        webhooks.delete(access.owner(ctx), ctx.pathParam("id"));
        ctx.status(204);
        ctx.res().setContentType(null); // no body, so no type (Javalin sets its default on every answer)
    }

    void deliveries(Context ctx) {
        json.json(ctx, 200, Map.of("deliveries", webhooks.deliveries(access.owner(ctx), ctx.pathParam("id")).stream()
                .map(WebhookJson::attempt).toList()));
    }

    void replay(Context ctx) {
        String messageId = ctx.pathParam("message_id");
        webhooks.replay(access.owner(ctx), ctx.pathParam("id"), messageId);
        json.json(ctx, 202, Map.of("message_id", messageId, "state", "pending"));
    }
}
