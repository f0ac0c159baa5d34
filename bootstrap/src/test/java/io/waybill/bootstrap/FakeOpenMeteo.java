package io.waybill.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-Meteo on port 0: its geocoding search ({@code /v1/search}) and its forecast ({@code /v1/forecast}), in their
 * real shapes, from answers recorded under {@code open-meteo/} for the receiver places of the sample CSV files (the
 * searches for 28013 ES and 1050 DK find nothing, as Open-Meteo's geocoder misses postcodes, so the city is needed),
 * and for places a test adds. A name it does not know finds nothing; a forecast for coordinates far from every place
 * is refused as Open-Meteo refuses a bad request, which is a mistake in the test.
 *
 * <p>It counts calls: searches per name and country, forecasts per place (the nearest within 0.1°, since Open-Meteo
 * answers for its grid point). It can be told to fail (503, or connections closed without an answer) or to be slow
 * (forecast answers held, until {@link #close()} at the latest). Thread-safe.
 */
final class FakeOpenMeteo implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RECORDED_SEARCHES = List.of("75001-FR", "Paris-FR", "28013-ES", "Madrid-ES",
            "1000-BE", "Brussels-BE", "1016-NL", "Amsterdam-NL", "1050-DK", "Copenhagen-DK");
    private static final List<String> RECORDED_FORECASTS = List.of("Paris", "Madrid", "Brussels", "Amsterdam",
            "Copenhagen");
    private static final double NEAR_DEGREES = 0.1;
    /** When the recorded forecasts were observed; places added by tests were observed then too. */
    static final long OBSERVED_AT = 1_765_047_600;

    private enum Mode { ANSWER, FAIL, DROP }

    private record Place(String name, double latitude, double longitude, byte[] forecast) {}

    private final Map<String, byte[]> searches = new ConcurrentHashMap<>();
    private final List<Place> places = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> forecastCalls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> geocodingCalls = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;
    private final Object idle = new Object();
    private int answering; // guarded by idle
    private volatile Mode mode = Mode.ANSWER;
    private volatile Duration hold = Duration.ZERO;

    FakeOpenMeteo() {
        RECORDED_SEARCHES.forEach(name -> searches.put(searchKey(name.substring(0, name.lastIndexOf('-')),
                name.substring(name.lastIndexOf('-') + 1)), recorded("search/" + name + ".json")));
        for (String name : RECORDED_FORECASTS) {
            byte[] forecast = recorded("forecast/" + name + ".json");
            JsonNode body = read(forecast);
            places.add(new Place(name, body.get("latitude").asDouble(), body.get("longitude").asDouble(), forecast));
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/search", exchange -> answer(exchange, this::search));
        server.createContext("/v1/forecast", exchange -> answer(exchange, this::forecast));
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL of both the geocoding search and the forecast. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A place the search finds by {@code name} in {@code country}, named so, with its weather. */
    FakeOpenMeteo place(String name, String country, double latitude, double longitude, int weatherCode,
            double temperatureC) {
        ObjectNode result = JSON.createObjectNode().put("id", 1_000_000 + places.size()).put("name", name)
                .put("latitude", latitude).put("longitude", longitude).put("elevation", 10.0)
                .put("feature_code", "PPL").put("country_code", country.toUpperCase(Locale.ROOT))
                .put("timezone", "GMT").put("population", 10_000);
        ObjectNode search = JSON.createObjectNode();
        search.putArray("results").add(result);
        search.put("generationtime_ms", 0.5);
        ObjectNode forecast = JSON.createObjectNode().put("latitude", latitude).put("longitude", longitude)
                .put("generationtime_ms", 0.03).put("utc_offset_seconds", 0).put("timezone", "GMT")
                .put("timezone_abbreviation", "GMT").put("elevation", 10.0);
        forecast.putObject("current_units").put("time", "unixtime").put("interval", "seconds")
                .put("temperature_2m", "°C").put("weather_code", "wmo code").put("wind_speed_10m", "km/h");
        forecast.putObject("current").put("time", OBSERVED_AT).put("interval", 900)
                .put("temperature_2m", temperatureC).put("weather_code", weatherCode).put("wind_speed_10m", 10.0);
        searches.put(searchKey(name, country), bytes(search));
        places.add(new Place(name, latitude, longitude, bytes(forecast)));
        return this;
    }

    /** Every forecast call so far, answered or not. */
    int forecastCalls() {
        return forecastCalls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The forecast calls for the place named {@code place} (as its search result names it). */
    int forecastCalls(String place) {
        AtomicInteger calls = forecastCalls.get(place);
        return calls == null ? 0 : calls.get();
    }

    int geocodingCalls() {
        return geocodingCalls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The searches for {@code name} in {@code country}, in any case. */
    int geocodingCalls(String name, String country) {
        AtomicInteger calls = geocodingCalls.get(searchKey(name, country));
        return calls == null ? 0 : calls.get();
    }

    /** Every request is answered 503 from now on. */
    void fail() {
        mode = Mode.FAIL;
    }

    /** Every request's connection is closed without an answer from now on. */
    void dropConnections() {
        mode = Mode.DROP;
    }

    /** Forecasts are answered only after {@code hold} (or when the fake closes) from now on. */
    void slow(Duration hold) {
        this.hold = Objects.requireNonNull(hold, "hold");
    }

    /** Answers again, at once. */
    void recover() {
        mode = Mode.ANSWER;
        hold = Duration.ZERO;
    }

    private record Answer(int status, byte[] body) {}

    private interface Route {
        Answer answer(Map<String, String> query) throws InterruptedException;
    }

    private void answer(HttpExchange exchange, Route route) throws IOException {
        synchronized (idle) {
            answering++;
        }
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI());
            Answer answer = route.answer(query);
            if (mode == Mode.DROP) {
                return; // closed without a status line: HttpServer closes the connection
            }
            if (mode == Mode.FAIL) {
                answer = new Answer(503, "{\"error\":true,\"reason\":\"Service unavailable\"}".getBytes(
                        StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (idle) {
                answering--;
                idle.notifyAll();
            }
        }
    }

    private Answer search(Map<String, String> query) {
        String key = searchKey(query.getOrDefault("name", ""), query.getOrDefault("countryCode", ""));
        geocodingCalls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        byte[] found = searches.get(key);
        return new Answer(200, found != null ? found : "{\"generationtime_ms\":0.4}".getBytes(StandardCharsets.UTF_8));
    }

    private Answer forecast(Map<String, String> query) throws InterruptedException {
        double latitude = Double.parseDouble(query.getOrDefault("latitude", "NaN"));
        double longitude = Double.parseDouble(query.getOrDefault("longitude", "NaN"));
        Place nearest = null;
        for (Place place : places) {
            double distance = Math.max(Math.abs(place.latitude() - latitude), Math.abs(place.longitude() - longitude));
            if (distance <= NEAR_DEGREES && (nearest == null || distance < Math.max(
                    Math.abs(nearest.latitude() - latitude), Math.abs(nearest.longitude() - longitude)))) {
                nearest = place;
            }
        }
        String name = nearest == null ? latitude + "," + longitude : nearest.name();
        forecastCalls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        Duration held = hold;
        if (!held.isZero()) {
            closing.await(held.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (nearest == null) {
            return new Answer(400, ("{\"error\":true,\"reason\":\"FakeOpenMeteo has no forecast near " + name + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return new Answer(200, nearest.forecast());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        String raw = uri.getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String searchKey(String name, String country) {
        return name.strip().toLowerCase(Locale.ROOT) + " " + country.strip().toUpperCase(Locale.ROOT);
    }

    private static byte[] recorded(String name) {
        try (InputStream in = FakeOpenMeteo.class.getResourceAsStream("/open-meteo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no recorded answer open-meteo/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases held answers, lets them go out (for a second at most), then stops. */
    @Override
    public void close() {
        closing.countDown();
        // HttpServer.stop(delay) waits out its whole delay while a client keeps a connection alive: wait for the
        // answers themselves instead.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        synchronized (idle) {
            try {
                for (long left = deadline - System.nanoTime(); answering > 0 && left > 0;
                        left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
