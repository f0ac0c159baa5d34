package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.waybill.application.port.in.CheckReadinessUseCase;
import io.waybill.application.port.in.CheckReadinessUseCase.Readiness;
import java.util.LinkedHashMap;
import java.util.Map;

/** Readiness: 200 when every component answers, 503 otherwise, with each component's state. */
final class ReadinessHandler implements Handler {

    private final CheckReadinessUseCase checkReadiness;
    private final JsonWriter json;

    ReadinessHandler(CheckReadinessUseCase checkReadiness, JsonWriter json) {
        this.checkReadiness = checkReadiness;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        Readiness readiness = checkReadiness.check();
        Map<String, String> components = new LinkedHashMap<>();
        readiness.components().forEach((name, up) -> components.put(name, up ? "up" : "down"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", readiness.ready() ? "ready" : "not ready");
        body.put("components", components);
        json.json(ctx, readiness.ready() ? 200 : 503, body);
    }
}
