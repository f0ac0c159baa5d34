package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.Handler;
import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.RegisterShipmentUseCase;
import io.waybill.domain.Shipment;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/shipments}: 201 with staff's view of the shipment as stored (the weather at its receiver
 * included, as its lookup shows it), and where to find it.
 */
final class RegisterShipmentHandler implements Handler {

    private final RegisterShipmentUseCase registerShipment;
    private final FindWeatherUseCase findWeather;
    private final JsonBody body;
    private final JsonWriter json;

    RegisterShipmentHandler(RegisterShipmentUseCase registerShipment, FindWeatherUseCase findWeather, JsonBody body,
            JsonWriter json) {
        this.registerShipment = registerShipment;
        this.findWeather = findWeather;
        this.body = body;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        RegisterShipmentUseCase.Command command = ShipmentBody.command(body.read(ctx.header(Header.CONTENT_TYPE), ctx.bodyAsBytes()));
        Shipment shipment = registerShipment.register(command);
        ctx.header("Location", "/api/v1/shipments/" + shipment.key().number() + "?carrier=" + shipment.key().carrier());
        Map<String, Object> view = StaffShipmentJson.of(shipment);
        WeatherJson.put(view, findWeather.at(List.of(shipment.receiverAddress())).get(0));
        json.json(ctx, 201, view);
    }
}
