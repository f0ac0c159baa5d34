package io.waybill.adapters.http.webhooks;

import io.waybill.application.port.out.WebhookSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Posts webhook messages with {@link HttpClient}: no redirects followed (a redirect to a private address would pass the
 * check), the answer's body discarded, every failure an answer rather than an exception. The target is checked by
 * {@link TargetGuard} before each attempt. Thread-safe.
 */
final class HttpWebhookSender implements WebhookSender {

    private static final int MAX_ERROR = 500;

    private final TargetGuard guard;
    private final Duration timeout;
    private final HttpClient client;

    HttpWebhookSender(TargetGuard guard, Duration connectTimeout, Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<String> refusal(URI url) {
        return guard.refusal(url);
    }

    @Override
    public Answer post(URI url, Map<String, String> headers, byte[] body) {
        Optional<String> refused = guard.refusal(url);
        if (refused.isPresent()) {
            return new Answer(OptionalInt.empty(), Optional.of("refused: " + refused.get()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Waybill-Webhooks")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Answer(OptionalInt.of(status),
                    status / 100 == 2 ? Optional.empty() : Optional.of("the receiver answered " + status));
        } catch (HttpTimeoutException e) {
            return new Answer(OptionalInt.empty(), Optional.of("no answer within " + timeout.toSeconds() + " s"));
        } catch (IOException e) {
            return new Answer(OptionalInt.empty(), Optional.of(error(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(OptionalInt.empty(), Optional.of("interrupted: the instance is stopping"));
        }
    }

    private static String error(IOException e) {
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
    }
}
