package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.ListShipmentsUseCase;
import io.waybill.application.port.in.ListShipmentsUseCase.Page;

/**
 * Lists shipments, newest first, for staff: {@code GET /api/v1/shipments} with filters, answering
 * {@code {"shipments": [...], "next_cursor": ...}}, and the legacy {@code GET /shipment/}, answering a bare array
 * with the next page in a {@code Link} header. Each shipment carries the weather at its receiver.
 */
final class ListShipmentsHandlers {

    private final ListShipmentsUseCase listShipments;
    private final FindWeatherUseCase findWeather;
    private final JsonWriter json;

    ListShipmentsHandlers(ListShipmentsUseCase listShipments, FindWeatherUseCase findWeather, JsonWriter json) {
        this.listShipments = listShipments;
        this.findWeather = findWeather;
        this.json = json;
    }

    void list(Context ctx) {
        Page page = listShipments.list(ListQuery.parse(ctx.queryString(), true));
        json.json(ctx, 200, ShipmentSummaryJson.page(page, findWeather));
    }

    void legacyList(Context ctx) {
        ListShipmentsUseCase.Query query = ListQuery.parse(ctx.queryString(), false);
        Page page = listShipments.list(query);
        page.next().ifPresent(next -> ctx.header("Link", "</shipment/?" + ListQuery.LIMIT + "=" + query.limit() + "&"
                + ListQuery.CURSOR + "=" + next.token() + ">; rel=\"next\""));
        json.json(ctx, 200, ShipmentSummaryJson.summaries(page, findWeather));
    }
}
