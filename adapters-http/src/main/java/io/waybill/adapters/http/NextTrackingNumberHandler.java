package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.waybill.application.port.in.IssueTrackingNumberUseCase;
import io.waybill.domain.IssuedTrackingNumber;
import io.waybill.domain.Order;

final class NextTrackingNumberHandler implements Handler {

    private final IssueTrackingNumberUseCase issueTrackingNumber;
    private final JsonWriter json;

    NextTrackingNumberHandler(IssueTrackingNumberUseCase issueTrackingNumber, JsonWriter json) {
        this.issueTrackingNumber = issueTrackingNumber;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        Order order = OrderQuery.parse(ctx.queryString());
        IssuedTrackingNumber issued = issueTrackingNumber.issue(order);
        json.json(ctx, 200, IssuedTrackingNumberJson.of(issued));
    }
}
