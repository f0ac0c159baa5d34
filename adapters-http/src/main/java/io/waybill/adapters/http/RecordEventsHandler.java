package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.Handler;
import io.waybill.application.port.in.RecordTrackingEventsUseCase;
import io.waybill.application.port.in.RecordTrackingEventsUseCase.Command;
import io.waybill.domain.Shipment;

/**
 * {@code POST /api/v1/shipments/{tracking_number}/events?carrier=}: 201 when an event was added, 200 when every one
 * was recorded before (sending events again is safe when they carry their ids).
 */
final class RecordEventsHandler implements Handler {

    private final RecordTrackingEventsUseCase recordTrackingEvents;
    private final JsonBody body;
    private final JsonWriter json;

    RecordEventsHandler(RecordTrackingEventsUseCase recordTrackingEvents, JsonBody body, JsonWriter json) {
        this.recordTrackingEvents = recordTrackingEvents;
        this.body = body;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        ShipmentRef ref = ShipmentRef.inPath(ctx.pathParam("tracking_number"), ctx.queryString());
        var events = EventsBody.events(body.read(ctx.header(Header.CONTENT_TYPE), ctx.bodyAsBytes()));
        Shipment.Recording recording = recordTrackingEvents.record(new Command(ref.number(), ref.carrier(), events));
        json.json(ctx, recording.added().isEmpty() ? 200 : 201, RecordingJson.of(recording));
    }
}
