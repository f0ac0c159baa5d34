import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Open-Meteo for the benchmarks (the real one cannot be reached from here): finds every name in every
 * country at one point and answers the same current weather there, in Open-Meteo's shapes. Prints its port, then
 * serves until killed; each forecast call is counted and the count printed to standard error on exit.
 *
 *   java bench/WeatherStandIn.java
 */
public class WeatherStandIn {
    public static void main(String[] args) throws IOException {
        AtomicLong forecasts = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/search", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String country = parameter(query, "countryCode");
            String name = parameter(query, "name").replace("\"", "");
            answer(exchange, "{\"results\":[{\"id\":1,\"name\":\"" + name + "\",\"latitude\":25.03,\"longitude\":121.56,"
                    + "\"country_code\":\"" + country + "\"}],\"generationtime_ms\":0.5}");
        });
        server.createContext("/v1/forecast", exchange -> {
            forecasts.incrementAndGet();
            answer(exchange, "{\"latitude\":25.03,\"longitude\":121.56,\"current\":{\"time\":"
                    + System.currentTimeMillis() / 1000 + ",\"interval\":900,\"temperature_2m\":21.5,"
                    + "\"weather_code\":3,\"wind_speed_10m\":12.0}}");
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("forecast calls: " + forecasts)));
        server.start();
        System.out.println(server.getAddress().getPort());
    }

    private static String parameter(String query, String name) {
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
