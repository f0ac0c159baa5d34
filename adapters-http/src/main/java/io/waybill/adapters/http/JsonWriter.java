package io.waybill.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes every response body: serialised to bytes first, then written straight to the response stream with its
 * length, which is much cheaper in Javalin 7 than {@code ctx.json(..)}. Thread-safe.
 */
final class JsonWriter {

    static final String JSON = "application/json";

    private final ObjectMapper mapper;

    JsonWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static ObjectMapper newMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                // Records (a problem's optional members) leave nulls out; maps are written as built, nulls included,
                // so that a view shows every member it has, null when unknown.
                .setDefaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
    }

    void json(Context ctx, int status, Object body) {
        write(ctx.res(), status, JSON, body);
    }

    /** {@code rendered}: JSON that {@link #bytes} made. */
    void rendered(Context ctx, int status, byte[] rendered) {
        send(ctx.res(), status, JSON, rendered);
    }

    void problem(Context ctx, Problem problem) {
        write(ctx.res(), problem.status(), Problem.CONTENT_TYPE, problem);
    }

    /** For failures met outside Javalin's context. */
    void problem(HttpServletResponse response, Problem problem) {
        write(response, problem.status(), Problem.CONTENT_TYPE, problem);
    }

    private void write(HttpServletResponse response, int status, String contentType, Object body) {
        send(response, status, contentType, bytes(body));
    }

    /** Does nothing if the response is already on its way: a failure while writing cannot be answered any more. */
    private static void send(HttpServletResponse response, int status, String contentType, byte[] bytes) {
        if (response.isCommitted()) {
            return;
        }
        try {
            response.setStatus(status);
            response.setContentType(contentType);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass(), e);
        }
    }
}
