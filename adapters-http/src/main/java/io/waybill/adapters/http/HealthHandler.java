package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;

/** Liveness: answers as long as the process serves HTTP, without touching anything else. */
final class HealthHandler implements Handler {

    private static final Map<String, String> UP = Map.of("status", "up");

    private final JsonWriter json;

    HealthHandler(JsonWriter json) {
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        json.json(ctx, 200, UP);
    }
}
