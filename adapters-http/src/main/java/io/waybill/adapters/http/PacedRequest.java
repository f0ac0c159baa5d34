package io.waybill.adapters.http;

import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request whose body, streamed to a handler that may hold a thread while it waits, must arrive at an average of at
 * least {@code minBytesPerSecond} once {@code grace} has passed: past that, reading it fails with
 * {@link TooSlowException}. The rate is checked whenever the reader waits for more; a client that sends nothing at
 * all is ended by the connection's idle timeout. A rate of 0 checks nothing.
 */
final class PacedRequest extends Request.Wrapper {

    /** The body arrived slower than the minimum rate. */
    static final class TooSlowException extends IOException {

        TooSlowException(long minBytesPerSecond) {
            super("the body arrived slower than " + minBytesPerSecond + " bytes a second");
        }
    }

    private final long minBytesPerSecond;
    private final long graceNanos;
    private final long startNanos = System.nanoTime();
    private long bytesRead;
    private volatile Content.Chunk tooSlow;

    PacedRequest(Request request, long minBytesPerSecond, Duration grace) {
        super(request);
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public Content.Chunk read() {
        Content.Chunk failure = tooSlow;
        if (failure != null) {
            return failure;
        }
        Content.Chunk chunk = super.read();
        if (chunk != null) {
            bytesRead += chunk.remaining();
        }
        return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
        long elapsed = System.nanoTime() - startNanos;
        if (minBytesPerSecond > 0 && elapsed > graceNanos && bytesRead < minBytesPerSecond * (elapsed / 1e9)) {
            tooSlow = Content.Chunk.from(new TooSlowException(minBytesPerSecond), true);
            demandCallback.run();
            return;
        }
        super.demand(demandCallback);
    }
}
