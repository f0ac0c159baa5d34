package io.waybill.adapters.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Gives every request an id, so that an operator can find what was logged while serving it: the client's or load
 * balancer's {@code X-Request-Id} when it is sane, a random UUID otherwise. The id is echoed in the answer's
 * {@code X-Request-Id}, whatever the answer, and is in the logging MDC under {@link #LOG_KEY} while the request is
 * handled.
 *
 * <p>One instance sits outermost among the server's handlers, and assigns the id before anything can answer;
 * another sits right around Javalin's servlet, because a request with a body reaches Javalin later, on another thread
 * ({@link BodyLoader}): each puts the id in the MDC of the thread it runs on for as long as the request is in its
 * hands, and restores what was there before. Immutable, thread-safe.
 */
final class RequestIds extends Handler.Wrapper {

    static final String HEADER = "X-Request-Id";
    static final String LOG_KEY = "request_id";
    static final int MAX_LENGTH = 128;

    private static final String ATTRIBUTE = RequestIds.class.getName();

    /**
     * The id a request's header asked for, if it is 1 to {@value #MAX_LENGTH} visible ASCII characters (no spaces,
     * no controls: it goes into logs and headers as it is), or a new one.
     */
    static String accepted(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_LENGTH) {
            return made();
        }
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return made();
            }
        }
        return header;
    }

    /** The request's id: the one given it on the way in, or, if none was (Jetty refused it first), a new one. */
    static String of(Request request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : assign(request);
    }

    /** Puts the request's id in the answer's headers, for answers written by hand outside Javalin. */
    static void echo(Request request, Response response) {
        response.getHeaders().put(HEADER, of(request));
    }

    /** Logs with the request's id in the MDC, for what is logged about a request outside the handlers' scope. */
    static void logging(Request request, Runnable log) {
        String previous = scope(of(request));
        try {
            log.run();
        } finally {
            restore(previous);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        String id = of(request);
        response.getHeaders().put(HEADER, id);
        String previous = scope(id);
        try {
            return next.handle(request, response, callback);
        } finally {
            restore(previous);
        }
    }

    private static String scope(String id) {
        String previous = MDC.get(LOG_KEY);
        MDC.put(LOG_KEY, id);
        return previous;
    }

    private static void restore(String previous) {
        if (previous == null) {
            MDC.remove(LOG_KEY);
        } else {
            MDC.put(LOG_KEY, previous);
        }
    }

    private static String assign(Request request) {
        String id = accepted(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    // A version 4 UUID from the thread's own generator: an id needs to be unique, not unpredictable, and
    // UUID.randomUUID() would put every request through SecureRandom's one lock.
    private static String made() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
