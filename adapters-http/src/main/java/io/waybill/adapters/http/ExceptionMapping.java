package io.waybill.adapters.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.waybill.application.port.in.AmbiguousShipmentException;
import io.waybill.application.port.in.InvalidCommandException;
import io.waybill.application.port.in.ManageWebhooksUseCase;
import io.waybill.application.port.in.IssueTrackingNumberOnceUseCase.IdempotencyKeyReusedException;
import io.waybill.application.port.in.ShipmentNotFoundException;
import io.waybill.application.port.in.UnknownCarrierStatusException;
import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.Carrier;
import io.waybill.domain.IllegalTransitionException;
import io.waybill.domain.Text;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers: problem details, or, for the legacy {@code GET /query}, its
 * envelope with the problem's detail as the error.
 */
final class ExceptionMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMapping.class);

    private final JsonWriter json;

    private ExceptionMapping(JsonWriter json) {
        this.json = json;
    }

    static void register(JavalinConfig config, JsonWriter json) {
        ExceptionMapping mapping = new ExceptionMapping(json);
        var routes = config.routes;
        routes.exception(InvalidParametersException.class, (e, ctx) ->
                mapping.answer(ctx, Problem.invalidParameters(ctx.path(), e.noun(), e.errors())));
        routes.exception(MethodNotAllowedResponse.class, mapping::methodNotAllowed);
        routes.exception(HttpResponseException.class, mapping::httpResponse);
        routes.exception(ShipmentNotFoundException.class, (e, ctx) -> mapping.answer(ctx, 404, e.getMessage()));
        routes.exception(ManageWebhooksUseCase.WebhookNotFoundException.class,
                (e, ctx) -> mapping.answer(ctx, 404, e.getMessage()));
        routes.exception(AmbiguousShipmentException.class, (e, ctx) -> mapping.answer(ctx,
                problem(409, e.getMessage(), ctx).withCarriers(e.carriers().stream().map(Carrier::code).toList())));
        routes.exception(IllegalTransitionException.class, (e, ctx) -> mapping.answer(ctx, 409, e.getMessage()));
        routes.exception(UnknownCarrierStatusException.class, (e, ctx) -> mapping.answer(ctx, 422, e.getMessage()));
        routes.exception(IdempotencyKeyReusedException.class, (e, ctx) -> mapping.answer(ctx, 422, e.getMessage()));
        routes.exception(ManageWebhooksUseCase.WebhookConflictException.class,
                (e, ctx) -> mapping.answer(ctx, 409, e.getMessage()));
        routes.exception(InvalidCommandException.class, (e, ctx) -> mapping.answer(ctx, e.field()
                .map(field -> Problem.invalidParameters(ctx.path(), InvalidParametersException.FIELD,
                        List.of(new Problem.InvalidParameter(field, e.getMessage()))))
                .orElseGet(() -> problem(400, e.getMessage(), ctx))));
        routes.exception(ShipmentExistsException.class, (e, ctx) -> mapping.answer(ctx, 409, e.getMessage()));
        routes.exception(ConcurrentUpdateException.class, (e, ctx) ->
                mapping.answer(ctx, 409, "The shipment changed concurrently; retry"));
        routes.exception(StorageUnavailableException.class, mapping::storageUnavailable);
        routes.exception(Exception.class, mapping::unexpected);
        config.router.javaLangErrorHandler(mapping::fatal);
    }

    private void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
        Set<String> allowed = new LinkedHashSet<>();
        e.getDetails().values().forEach(methods -> allowed.addAll(Arrays.asList(methods.split(",\\s*"))));
        if (allowed.contains("GET")) {
            allowed.add("HEAD"); // Javalin answers HEAD for every GET route
        }
        String allow = String.join(", ", allowed);
        ctx.header("Allow", allow);
        answer(ctx, 405, ctx.method() + " is not supported here; use " + allow);
    }

    private void httpResponse(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 401) {
            ctx.header("WWW-Authenticate", Access.CHALLENGE);
        }
        answer(ctx, e.getStatus(), e.getStatus() == 404 ? "There is nothing at " + Text.quote(ctx.path()) : e.getMessage());
    }

    private void storageUnavailable(StorageUnavailableException e, Context ctx) {
        LOG.warn("Storage unavailable answering {}: {}", route(ctx), e.getMessage());
        ctx.header("Retry-After", "1");
        answer(ctx, 503, "Storage is unavailable for now; the request can be retried");
    }

    private void unexpected(Exception e, Context ctx) {
        LOG.error("Unexpected failure answering {}", route(ctx), e);
        answer(ctx, 500, "An unexpected error occurred; it has been logged");
    }

    private void fatal(HttpServletResponse response, Error error) {
        LOG.error("Fatal error answering a request", error);
        json.problem(response, Problem.of(500, HttpStatus.forStatus(500).getMessage(),
                "An unexpected error occurred; it has been logged", null));
    }

    private void answer(Context ctx, int status, String detail) {
        answer(ctx, problem(status, detail, ctx));
    }

    private void answer(Context ctx, Problem problem) {
        closeIfBodyUnread(ctx);
        if (LegacyEnvelope.wraps(ctx.path())) {
            json.json(ctx, problem.status(), LegacyEnvelope.error(problem));
        } else {
            json.problem(ctx, problem);
        }
    }

    // A request answered before its body was read (refused for a missing or wrong key, say, or an import that stopped
    // reading early) leaves that body on the connection.
    // Jetty then closes it after the answer, and a client that sent its next request on it meanwhile sees the
    // connection end with no answer. Saying Connection: close tells the client not to reuse it.
    static void closeIfBodyUnread(Context ctx) {
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.req().getHeader("Transfer-Encoding") != null;
        try {
            if (hasBody && !ctx.req().getInputStream().isFinished()) {
                ctx.header("Connection", "close");
            }
        } catch (IOException | IllegalStateException unreadable) {
            ctx.header("Connection", "close");
        }
    }

    // The route's template, not the path: a path is the client's text, which may hold anything, a key or a name.
    private static String route(Context ctx) {
        try {
            return ctx.method() + " " + ctx.endpoints().matchedHttpEndpoint().path;
        } catch (RuntimeException none) {
            return ctx.method() + " (no route)";
        }
    }

    private static Problem problem(int status, String detail, Context ctx) {
        return Problem.of(status, HttpStatus.forStatus(status).getMessage(), detail, ctx.path());
    }
}
