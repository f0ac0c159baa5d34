package io.waybill.application.port.out;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Posts webhook messages to subscribers' URLs, and says which URLs it refuses to reach. Thread-safe. */
public interface WebhookSender {

    /** Why {@code url} may not receive webhooks (not http(s), or a private address); empty when it may. */
    Optional<String> refusal(URI url);

    /**
     * Posts {@code body} as JSON with {@code headers}; never throws for the receiver's failures, which the answer
     * tells. The target is checked again, after resolving its name, as {@link #refusal} does. Returns within the
     * time limit the sender was made with, the name's resolution and the answer's body included. Interrupted, it
     * returns at once with the thread's interrupt status set.
     */
    Answer post(URI url, Map<String, String> headers, byte[] body);

    /**
     * @param status the receiver's HTTP status; empty when none came (refused, unreachable, timed out)
     * @param error what went wrong, for the deliveries' log; empty on a 2xx answer
     */
    record Answer(OptionalInt status, Optional<String> error) {

        public boolean delivered() {
            return status.isPresent() && status.getAsInt() / 100 == 2;
        }
    }
}
