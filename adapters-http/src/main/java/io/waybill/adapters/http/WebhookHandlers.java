package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.waybill.application.port.in.ManageWebhooksUseCase;
import io.waybill.application.port.out.WebhookStore.AttemptPage;
import io.waybill.application.port.out.WebhookStore.Subscription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The webhooks' routes, for staff, each key seeing only its own subscriptions (another key's answer 404):
 * {@code POST /api/v1/webhooks}, 201 with the subscription and its secret, shown only then; {@code GET} of the list
 * and of one; {@code DELETE} of one, 204; {@code POST .../enable}, a disabled one active again; {@code GET
 * .../deliveries}, the attempts newest first, a page at a time ({@code limit}, {@code cursor}) as the shipment list;
 * {@code POST .../deliveries/{message_id}/replay}, 202, the message sent again (409 while the subscription is disabled).
 */
final class WebhookHandlers {

    static final String PATH = "/api/v1/webhooks";
    private static final Pattern CURSOR = Pattern.compile("[1-9][0-9]{0,17}");

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

    void enable(Context ctx) {
        json.json(ctx, 200, WebhookJson.subscription(webhooks.enable(access.owner(ctx), ctx.pathParam("id")), false));
    }

    void deliveries(Context ctx) {
        RequestParameters parameters =
                new RequestParameters(ctx.queryString(), InvalidParametersException.QUERY_PARAMETER);
        int limit = parameters.optional(ListQuery.LIMIT, text -> ListQuery.limit(text, ManageWebhooksUseCase.MAX_LIMIT))
                .orElse(ManageWebhooksUseCase.DEFAULT_LIMIT);
        OptionalLong cursor = parameters.optional(ListQuery.CURSOR, WebhookHandlers::cursor)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        parameters.throwIfInvalid();
        AttemptPage page = webhooks.deliveries(access.owner(ctx), ctx.pathParam("id"), cursor, limit);
        Map<String, Object> body = new LinkedHashMap<>(2);
        body.put("deliveries", page.attempts().stream().map(WebhookJson::attempt).toList());
        body.put("next_cursor", page.next().isPresent() ? Long.toString(page.next().getAsLong()) : null);
        json.json(ctx, 200, body);
    }

    private static long cursor(String text) {
        if (!CURSOR.matcher(text).matches()) {
            throw new IllegalArgumentException("must be the next_cursor of a page of deliveries");
        }
        return Long.parseLong(text);
    }

    void replay(Context ctx) {
        String messageId = ctx.pathParam("message_id");
        webhooks.replay(access.owner(ctx), ctx.pathParam("id"), messageId);
        json.json(ctx, 202, Map.of("message_id", messageId, "state", "pending"));
    }
}
