package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.Handler;
import io.waybill.application.port.in.RegisterShipmentUseCase;
import io.waybill.domain.Shipment;

/** {@code POST /api/v1/shipments}: 201 with staff's view of the shipment as stored, and where to find it. */
final class RegisterShipmentHandler implements Handler {

    private final RegisterShipmentUseCase registerShipment;
    private final JsonBody body;
    private final JsonWriter json;

    RegisterShipmentHandler(RegisterShipmentUseCase registerShipment, JsonBody body, JsonWriter json) {
        this.registerShipment = registerShipment;
        this.body = body;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        RegisterShipmentUseCase.Command command = ShipmentBody.command(body.read(ctx.header(Header.CONTENT_TYPE), ctx.bodyAsBytes()));
        Shipment shipment = registerShipment.register(command);
        ctx.header("Location", "/api/v1/shipments/" + shipment.key().number() + "?carrier=" + shipment.key().carrier());
        json.json(ctx, 201, StaffShipmentJson.of(shipment));
    }
}
