package io.waybill.adapters.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers, as problem details, what Jetty refuses before Javalin sees it: a malformed request line or path (a raw
 * space, {@code %zz} in the path), a request too large. Replaces Jetty's HTML error pages.
 */
final class JettyErrorHandler extends ErrorHandler {

    private final JsonWriter json;

    JettyErrorHandler(JsonWriter json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String message = (String) request.getAttribute(ERROR_MESSAGE);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException httpException) {
            status = httpException.getCode();
            response.setStatus(status);
            message = message == null ? httpException.getReason() : message;
        }
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            RequestIds.echo(request, response);
            callback.succeeded();
            return true;
        }
        String detail = status < 500 && message != null
                ? "The request is malformed: " + message
                : "The request could not be processed";
        byte[] body = json.bytes(Problem.of(status, HttpStatus.getMessage(status), detail, null));
        ResponseHeaders.defaults(response.getHeaders());
        RequestIds.echo(request, response);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
