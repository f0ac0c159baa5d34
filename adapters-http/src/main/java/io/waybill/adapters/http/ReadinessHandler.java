package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.waybill.application.port.in.CheckReadinessUseCase;
import io.waybill.application.port.in.CheckReadinessUseCase.Readiness;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Readiness: 200 unless a component is down (a degraded cache is still ready) or the instance is shutting down, 503
 * then, with the status {@code not ready} or {@code shutting down}; each component's state, and
 * for staff what is wrong with those that tell (such as the report archive's last error, which names paths and
 * buckets that are nobody else's business).
 */
final class ReadinessHandler implements Handler {

    private final CheckReadinessUseCase checkReadiness;
    private final Access access;
    private final JsonWriter json;

    ReadinessHandler(CheckReadinessUseCase checkReadiness, Access access, JsonWriter json) {
        this.checkReadiness = checkReadiness;
        this.access = access;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        Readiness readiness = checkReadiness.check();
        Map<String, String> components = new LinkedHashMap<>();
        readiness.components().forEach((name, state) -> components.put(name, state.name().toLowerCase(Locale.ROOT)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", readiness.shuttingDown() ? "shutting down" : readiness.ready() ? "ready" : "not ready");
        body.put("components", components);
        if (!readiness.details().isEmpty() && access.isStaff(ctx)) {
            ResponseHeaders.staffOnly(ctx);
            body.put("details", readiness.details());
        }
        json.json(ctx, readiness.ready() ? 200 : 503, body);
    }
}
