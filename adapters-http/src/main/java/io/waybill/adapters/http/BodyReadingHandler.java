package io.waybill.adapters.http;

import io.waybill.adapters.http.HttpSettings.BodyLimits;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;

/**
 * Sits before Javalin's servlet so that no request thread waits on a slow client's body. A JSON body (any body but
 * an import's) is read asynchronously, up to {@code maxJsonBytes} (413 beyond) and within the body timeout (408
 * after), and the handlers only start once it is whole ({@link BodyLoader}). An import's body is streamed to its
 * handler as before, since it may be far larger than memory, under a minimum data rate ({@link PacedRequest}).
 * Requests without a body pass straight on. When the server stops, the bodies still awaited are answered 503 at
 * once rather than waited for.
 */
final class BodyReadingHandler extends Handler.Wrapper implements Graceful {

    static final String IMPORTS_PATH = "/api/v1/imports";
    // The bodies being read may take this much memory together; a request beyond it is answered 503.
    static final long MAX_BUFFERED_BYTES = 32L * 1024 * 1024;

    private final int maxJsonBytes;
    private final BodyLimits limits;
    private final BodyAnswers answers;
    private final BodyBudget budget = new BodyBudget(MAX_BUFFERED_BYTES);
    private final Set<BodyLoader> loading = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    BodyReadingHandler(int maxJsonBytes, BodyLimits limits, BodyAnswers answers) {
        this.maxJsonBytes = maxJsonBytes;
        this.limits = limits;
        this.answers = answers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null || !carriesBody(request)) {
            return next != null && next.handle(request, response, callback);
        }
        if (isImport(request)) {
            return next.handle(new PacedRequest(request, limits.minImportBytesPerSecond(), limits.timeout()),
                    response, callback);
        }
        BodyLoader loader = new BodyLoader(next, request, response, callback, maxJsonBytes, limits.timeout(), answers,
                budget, loading::remove);
        loading.add(loader);
        loader.start();
        if (shutdown) { // the stop began while this request came in, and may have missed it in loading
            loader.abandon();
        }
        return true;
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        shutdown = true; // the graceful handler before this one lets no new request in
        loading.forEach(BodyLoader::abandon);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    private static boolean carriesBody(Request request) {
        HttpField chunked = request.getHeaders().getField(HttpHeader.TRANSFER_ENCODING);
        return chunked != null || request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0;
    }

    // Javalin ignores trailing slashes; a path this test misses is only read whole, up to the JSON bound.
    private static boolean isImport(Request request) {
        String path = Request.getPathInContext(request);
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.regionMatches(0, IMPORTS_PATH, 0, IMPORTS_PATH.length()) && end == IMPORTS_PATH.length();
    }
}
