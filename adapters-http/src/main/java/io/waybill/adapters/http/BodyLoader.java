package io.waybill.adapters.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads one request's body into memory as it arrives, holding no thread while it waits for the client, then hands
 * the request on to the next handler with the body whole ({@link LoadedRequest}), on a thread of the server's pool.
 * A body larger than {@code maxBytes} is answered 413, one still incomplete {@code timeout} after the request began
 * 408, one that ended before its length 400 (the client gave up or was cut off), all by {@link BodyAnswers}.
 *
 * <p>Thread-safety: Jetty runs the reading steps one at a time (one demand callback per demand); only the deadline
 * runs beside them, and whichever settles the request first answers it.
 */
final class BodyLoader implements Invocable.Task {

    private final Handler next;
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final int maxBytes;
    private final Duration timeout;
    private final BodyAnswers answers;
    private final BodyShare share;
    private final Consumer<BodyLoader> whenSettled;
    private final AtomicBoolean settled = new AtomicBoolean();
    private BodyBuffer body;
    private volatile Scheduler.Task deadline;

    BodyLoader(Handler next, Request request, Response response, Callback callback, int maxBytes, Duration timeout,
            BodyAnswers answers, BodyBudget budget, Consumer<BodyLoader> whenSettled) {
        this.next = next;
        this.request = request;
        this.response = response;
        this.share = budget.share();
        // What the body took from the budget is given back when the request is over, however it ends.
        this.callback = Callback.from(callback, share::close);
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.answers = answers;
        this.whenSettled = whenSettled;
    }

    void start() {
        long announced = announced();
        if (announced > maxBytes) {
            tooLarge();
            return;
        }
        body = new BodyBuffer(announced, maxBytes);
        deadline = request.getComponents().getScheduler().schedule(this::expire, timeout);
        read(false);
    }

    /** The demand callback: more of the body, or its end, can be read. */
    @Override
    public void run() {
        read(true);
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING; // copies bytes, never waits: fit for Jetty's selector thread
    }

    private void read(boolean onDemand) {
        while (!settled.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                failed(chunk);
                return;
            }
            boolean last = chunk.isLast();
            int length = chunk.remaining();
            boolean fits = length <= maxBytes - size();
            boolean affordable = fits && share.take(length);
            if (affordable) {
                body.append(chunk.getByteBuffer());
            }
            chunk.release();
            if (!fits) {
                tooLarge();
                return;
            }
            if (!affordable) {
                overloaded();
                return;
            }
            if (last) {
                if (settle()) {
                    handOn(onDemand);
                }
                return;
            }
        }
    }

    private void handOn(boolean onDemand) {
        LoadedRequest loaded = new LoadedRequest(request, body.contents());
        if (onDemand) {
            // The handlers may block: not on this thread, which may be Jetty's selector.
            request.getContext().execute(() -> loaded.handleBy(next, response, callback));
        } else {
            loaded.handleBy(next, response, callback);
        }
    }

    private void failed(Content.Chunk failure) {
        if (!settle()) {
            return;
        }
        if (failure.isLast()) {
            answers.brokenOff(request, response, callback, size(), announced(), failure.getFailure());
        } else { // a transient failure: the connection's idle timeout
            answers.stalled(request, response, callback, size(), failure.getFailure());
        }
    }

    private void expire() {
        if (settle()) {
            answers.late(request, response, callback, timeout, size());
        }
    }

    /** The server is stopping: the body is no longer awaited. */
    void abandon() {
        if (settle()) {
            answers.stopping(request, response, callback);
        }
    }

    private void overloaded() {
        if (settle()) {
            answers.overloaded(request, response, callback);
        }
    }

    private void tooLarge() {
        if (settle()) {
            answers.tooLarge(request, response, callback, maxBytes);
        }
    }

    private boolean settle() {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        Scheduler.Task task = deadline;
        if (task != null) {
            task.cancel();
        }
        whenSettled.accept(this);
        return true;
    }

    // Before the body is awaited, nothing of it has been read.
    private int size() {
        return body == null ? 0 : body.size();
    }

    private long announced() {
        return request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    }
}
