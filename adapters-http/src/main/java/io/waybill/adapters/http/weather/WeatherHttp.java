package io.waybill.adapters.http.weather;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.application.port.out.WeatherUnreachableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's HTTP: a shared client, GETs answered with JSON, and every way a request fails turned into a
 * {@link WeatherUnreachableException} whose message is short and safe to show, with the secret (an API key, which
 * travels in the URL) redacted from it, from its cause and from the log. Thread-safe.
 */
final class WeatherHttp {

    private static final Logger LOG = LoggerFactory.getLogger(WeatherHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MOST_OF_A_REASON = 200;
    private static final int LONGEST_ANSWER = 1 << 20; // a forecast is under 1 kB, ten search results under 10 kB

    private final String provider;
    private final Duration timeout;
    private final Secret secret;
    private final RequestPace pace;
    private final HttpClient client;

    WeatherHttp(String provider, Duration timeout, Secret secret, RequestPace pace) {
        this.provider = provider;
        this.pace = Objects.requireNonNull(pace, "pace");
        this.timeout = Objects.requireNonNull(timeout, "requestTimeout");
        this.secret = Objects.requireNonNull(secret, "secret");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a weather request timeout must be positive: " + timeout);
        }
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** What the service answered: its status and body. */
    record Answer(int status, byte[] body) {}

    /**
     * The service's answer to a GET of {@code uri}, unless it failed (HTTP 429 and 5xx included). Sent when the
     * provider's pace allows (the wait for it is not part of the timeout).
     *
     * @throws WeatherUnreachableException when no answer came within the timeout, or the service is failing
     */
    Answer get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            pace.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("lookup was interrupted", e);
        }
        long start = System.nanoTime();
        // Asynchronously, so that the timeout bounds the body too: the client's own covers only the headers.
        CompletableFuture<HttpResponse<byte[]>> sent = client.sendAsync(request, BoundedBody.handler(LONGEST_ANSWER));
        HttpResponse<byte[]> response;
        try {
            response = sent.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw unreachable("lookup was interrupted", e);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw unreachable("did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        }
        int status = response.statusCode();
        if (LOG.isDebugEnabled()) {
            LOG.debug("GET {} answered {} in {} ms", secret.redact(uri.toString()), status,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        if (status == 429) {
            throw unreachable("is limiting requests (HTTP 429)", null);
        }
        if (status >= 500) {
            throw unreachable("is failing (HTTP " + status + ")", null);
        }
        return new Answer(status, response.body());
    }

    /** The answer's body as JSON. */
    JsonNode json(Answer answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            if (body == null || !body.isObject()) {
                throw unreachable("answered with what is not a JSON object", null);
            }
            return body;
        } catch (IOException e) {
            throw unreachable("answered with what is not JSON", e);
        }
    }

    /** An answer with a status the request should not have had, with the reason the service gave, if any. */
    WeatherUnreachableException refused(Answer answer) {
        String reason = "";
        try {
            JsonNode body = JSON.readTree(answer.body());
            JsonNode given = body == null ? null : body.has("reason") ? body.get("reason") : body.get("message");
            if (given != null && given.isTextual()) {
                reason = ": " + shortened(given.asText());
            }
        } catch (IOException notJson) {
            // the status says enough
        }
        return unreachable("refused the request (HTTP " + answer.status() + ")" + reason, null);
    }

    /** An answer that is JSON but not the weather: a field missing, or a value no weather has. */
    WeatherUnreachableException notWeather(IllegalArgumentException problem) {
        return unreachable("answered with what is not weather: " + shortened(problem.getMessage()), problem);
    }

    private WeatherUnreachableException failed(Throwable cause) {
        if (causedBy(cause, BoundedBody.TooLong.class)) {
            return unreachable("answered " + new BoundedBody.TooLong(LONGEST_ANSWER).getMessage(), cause);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return unreachable("did not accept a connection within " + timeout.toMillis() + " ms", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return unreachable("did not answer within " + timeout.toMillis() + " ms", cause);
        }
        if (causedBy(cause, UnresolvedAddressException.class) || causedBy(cause, UnknownHostException.class)) {
            return unreachable("cannot be found: its host name does not resolve", cause);
        }
        if (cause instanceof ConnectException) {
            return unreachable("refused the connection", cause);
        }
        if (cause instanceof IOException) {
            return unreachable("broke the connection", cause);
        }
        return unreachable("could not be asked", cause);
    }

    private WeatherUnreachableException unreachable(String what, Throwable cause) {
        return new WeatherUnreachableException(secret.redact(provider + " " + what), secret.redact(cause));
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String shortened(String text) {
        String oneLine = String.valueOf(text).replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() <= MOST_OF_A_REASON ? oneLine : oneLine.substring(0, MOST_OF_A_REASON) + "...";
    }
}
