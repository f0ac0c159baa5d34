package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.waybill.application.port.in.FakeShipmentsUseCase;
import io.waybill.application.port.in.FindShipmentUseCase.Audience;
import io.waybill.domain.Shipment;
import io.waybill.domain.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The logistics system's {@code GET /fake?num=N}: creates N new shipments with generated histories (10 when left out;
 * more than 100 are capped at 100, as there; a non-integer or a value below 1 is a 400) and answers them in the
 * envelope of its {@code /query}, each as {@code /query} shows it to staff. It never adds events to existing
 * shipments.
 */
final class FakeShipmentsHandler {

    static final String PATH = "/fake";
    static final int DEFAULT = 10;
    static final int MAX = 100;

    private final FakeShipmentsUseCase fake;
    private final Clock clock;
    private final JsonWriter json;

    FakeShipmentsHandler(FakeShipmentsUseCase fake, Clock clock, JsonWriter json) {
        this.fake = fake;
        this.clock = clock;
        this.json = json;
    }

    void handle(Context ctx) {
        RequestParameters parameters = new RequestParameters(ctx.queryString(), InvalidParametersException.QUERY_PARAMETER);
        int count = parameters.optional("num", FakeShipmentsHandler::count).orElse(DEFAULT);
        parameters.throwIfInvalid();
        List<Map<String, Object>> created = new ArrayList<>(count);
        fake.create(new FakeShipmentsUseCase.Generation(count, OptionalLong.empty(), clock.instant(), done -> {}),
                (Shipment shipment) -> created.add(LegacyQueryJson.of(shipment, Audience.STAFF)));
        json.json(ctx, 200, LegacyEnvelope.success(created));
    }

    private static int count(String text) {
        if (text.strip().matches("\\d{10,}")) {
            return MAX;
        }
        int count;
        try {
            count = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number from 1 to " + MAX + "; got " + Text.quote(text));
        }
        if (count < 1) {
            throw new IllegalArgumentException("must be at least 1; got " + count);
        }
        return Math.min(count, MAX);
    }
}
