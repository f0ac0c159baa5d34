package io.waybill.adapters.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers, as problem details, a request whose body could not be read, before Javalin sees it; each is the client's
 * doing, so it is logged as one line without a stack trace. The connection is closed after the answer: what is left
 * of the body on it cannot be told from a next request. Thread-safe.
 */
final class BodyAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(BodyAnswers.class);

    private final JsonWriter json;

    BodyAnswers(JsonWriter json) {
        this.json = json;
    }

    void tooLarge(Request request, Response response, Callback callback, int maxBytes) {
        answer(request, response, callback, 413, "The request body may be at most " + maxBytes + " bytes");
    }

    void late(Request request, Response response, Callback callback, Duration timeout, int received) {
        RequestIds.logging(request, () -> LOG.info(
                "A request body was still incomplete {} ms after the request began: {} {}, {} bytes received",
                timeout.toMillis(), request.getMethod(), Request.getPathInContext(request), received));
        answer(request, response, callback, 408, "The request body did not arrive within " + timeout.toMillis()
                + " ms; send it whole, at once");
    }

    /** The connection's idle timeout ended the wait for more. */
    void stalled(Request request, Response response, Callback callback, int received, Throwable cause) {
        RequestIds.logging(request, () -> LOG.info("A request body stalled: {} {} after {} bytes ({})",
                request.getMethod(), Request.getPathInContext(request), received, cause.toString()));
        answer(request, response, callback, 408, "The request body stalled after " + received + " bytes");
    }

    /** The body ended before its announced length, or before its last chunk ({@code announced} < 0). */
    void brokenOff(Request request, Response response, Callback callback, int received, long announced,
            Throwable cause) {
        RequestIds.logging(request, () -> LOG.info("A request body broke off: {} {} after {} of {} bytes ({})",
                request.getMethod(), Request.getPathInContext(request), received,
                announced < 0 ? "chunked" : announced, cause.toString()));
        answer(request, response, callback, 400, "The request body ended after " + received
                + (announced < 0 ? " bytes, before its last chunk" : " of the " + announced
                        + " bytes its Content-Length announced"));
    }

    void overloaded(Request request, Response response, Callback callback) {
        RequestIds.logging(request, () -> LOG.info("Too many request bodies in memory at once: {} {} refused",
                request.getMethod(), Request.getPathInContext(request)));
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        answer(request, response, callback, 503, "The server is receiving too many request bodies at once; send the"
                + " request again");
    }

    void stopping(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        answer(request, response, callback, 503, "The server is stopping; send the request again");
    }

    private void answer(Request request, Response response, Callback callback, int status, String detail) {
        byte[] body = json.bytes(Problem.of(status, HttpStatus.getMessage(status), detail,
                Request.getPathInContext(request)));
        response.setStatus(status);
        ResponseHeaders.defaults(response.getHeaders());
        RequestIds.echo(request, response);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
