package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.waybill.domain.IdempotencyKey;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The optional {@code Idempotency-Key} request header, and the header that marks an answer as a replay. */
final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String NOUN = "header";

    private IdempotencyKeyHeader() {}

    /**
     * The key of a request whose first {@code Idempotency-Key} header is {@code first}.
     *
     * @throws InvalidParametersException naming the header when it is malformed or given more than once
     */
    static IdempotencyKey parse(Context ctx, String first) {
        if (Collections.list(ctx.req().getHeaders(NAME)).size() > 1) {
            throw invalid("must be given once");
        }
        try {
            return new IdempotencyKey(first);
        } catch (IllegalArgumentException e) {
            throw invalid(Objects.requireNonNullElse(e.getMessage(), "is invalid"));
        }
    }

    private static InvalidParametersException invalid(String message) {
        return new InvalidParametersException(NOUN, List.of(new Problem.InvalidParameter(NAME, message)));
    }
}
