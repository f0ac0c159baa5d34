package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.waybill.application.port.in.IssueTrackingNumberOnceUseCase;
import io.waybill.application.port.in.IssueTrackingNumberUseCase;
import io.waybill.domain.IdempotencyKey;
import io.waybill.domain.Order;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;

/**
 * Issues a number for the order in the query. With an {@code Idempotency-Key} header, at most one per key: a repeated
 * request is answered with the first one's number, marked {@code Idempotent-Replayed: true}.
 */
final class NextTrackingNumberHandler implements Handler {

    private final IssueTrackingNumberUseCase issueTrackingNumber;
    private final IssueTrackingNumberOnceUseCase issueTrackingNumberOnce;
    private final JsonWriter json;

    NextTrackingNumberHandler(IssueTrackingNumberUseCase issueTrackingNumber,
            IssueTrackingNumberOnceUseCase issueTrackingNumberOnce, JsonWriter json) {
        this.issueTrackingNumber = issueTrackingNumber;
        this.issueTrackingNumberOnce = issueTrackingNumberOnce;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        String key = ctx.header(IdempotencyKeyHeader.NAME);
        if (key != null) {
            handleOnce(ctx, IdempotencyKeyHeader.parse(ctx, key));
            return;
        }
        Order order = OrderQuery.parse(ctx.queryString());
        IssuedTrackingNumber issued = issueTrackingNumber.issue(order);
        json.json(ctx, 200, IssuedTrackingNumberJson.of(issued));
    }

    private void handleOnce(Context ctx, IdempotencyKey key) {
        Order order = OrderQuery.parse(ctx.queryString());
        IssueTrackingNumberOnceUseCase.Issue issue =
                issueTrackingNumberOnce.issue(new IssueTrackingNumberOnceUseCase.Command(key, order));
        if (issue.replayed()) {
            ctx.header(IdempotencyKeyHeader.REPLAYED, "true");
        }
        json.json(ctx, 200, IssuedTrackingNumberJson.of(issue.issued()));
    }
}
