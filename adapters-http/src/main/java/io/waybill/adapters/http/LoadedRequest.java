package io.waybill.adapters.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A request whose body was read whole beforehand: that body is read again from memory, at once. */
final class LoadedRequest extends Request.Wrapper {

    private Content.Chunk body;

    LoadedRequest(Request request, ByteBuffer body) {
        super(request);
        this.body = Content.Chunk.from(body, true);
    }

    /** Lets {@code next} handle this request, as Jetty would: a 404 if it declines, an error page if it fails. */
    void handleBy(Handler next, Response response, Callback callback) {
        try {
            if (!next.handle(this, response, callback)) {
                Response.writeError(this, response, callback, 404);
            }
        } catch (Throwable failure) {
            Response.writeError(this, response, callback, failure);
        }
    }

    @Override
    public Content.Chunk read() {
        Content.Chunk chunk = body;
        if (chunk == null) {
            return Content.Chunk.EOF;
        }
        body = null;
        return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
        demandCallback.run(); // read never waits
    }

    @Override
    public boolean consumeAvailable() {
        body = null;
        return true;
    }
}
