package io.waybill.adapters.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.waybill.application.port.out.StorageUnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become HTTP answers, every one of them a problem-details body. */
final class ExceptionMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMapping.class);

    private final JsonWriter json;

    private ExceptionMapping(JsonWriter json) {
        this.json = json;
    }

    static void register(JavalinConfig config, JsonWriter json) {
        ExceptionMapping mapping = new ExceptionMapping(json);
        config.routes.exception(InvalidParametersException.class, mapping::invalidParameters);
        config.routes.exception(MethodNotAllowedResponse.class, mapping::methodNotAllowed);
        config.routes.exception(HttpResponseException.class, mapping::httpResponse);
        config.routes.exception(StorageUnavailableException.class, mapping::storageUnavailable);
        config.routes.exception(Exception.class, mapping::unexpected);
        config.router.javaLangErrorHandler(mapping::fatal);
    }

    private void invalidParameters(InvalidParametersException e, Context ctx) {
        json.problem(ctx, Problem.invalidParameters(ctx.path(), e.errors()));
    }

    private void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
        Set<String> allowed = new LinkedHashSet<>();
        e.getDetails().values().forEach(methods -> allowed.addAll(Arrays.asList(methods.split(",\\s*"))));
        if (allowed.contains("GET")) {
            allowed.add("HEAD"); // Javalin answers HEAD for every GET route
        }
        String allow = String.join(", ", allowed);
        ctx.header("Allow", allow);
        json.problem(ctx, problem(405, ctx.method() + " is not supported here; use " + allow, ctx));
    }

    private void httpResponse(HttpResponseException e, Context ctx) {
        String detail = e.getStatus() == 404 ? "There is nothing at " + ctx.path() : e.getMessage();
        json.problem(ctx, problem(e.getStatus(), detail, ctx));
    }

    private void storageUnavailable(StorageUnavailableException e, Context ctx) {
        LOG.warn("Storage unavailable answering {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.header("Retry-After", "1");
        json.problem(ctx, problem(503, "The tracking number was not issued because storage is unavailable for now;"
                + " the request can be retried", ctx));
    }

    private void unexpected(Exception e, Context ctx) {
        LOG.error("Unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
        json.problem(ctx, problem(500, "An unexpected error occurred; it has been logged", ctx));
    }

    private void fatal(HttpServletResponse response, Error error) {
        LOG.error("Fatal error answering a request", error);
        json.problem(response, Problem.of(500, HttpStatus.forStatus(500).getMessage(),
                "An unexpected error occurred; it has been logged", null));
    }

    private static Problem problem(int status, String detail, Context ctx) {
        return Problem.of(status, HttpStatus.forStatus(status).getMessage(), detail, ctx.path());
    }
}
