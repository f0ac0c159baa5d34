package io.waybill.adapters.http;

import io.javalin.config.Key;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.json.JsonMapper;
import io.javalin.plugin.ContextPlugin;
import io.javalin.router.Endpoint;
import io.javalin.router.Endpoints;
import io.javalin.security.RouteRole;
import io.waybill.application.port.out.TokenBuckets;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What rate limits add to a request in this adapter, in nanoseconds: finding the client behind a trusted proxy,
 * naming its bucket, and writing and encoding the {@code RateLimit} fields, for 10,000 clients in turn. The buckets
 * here grant at once; what a real bucket costs is {@code TokenBucketsBenchmark}'s, in adapters-cache. Run by
 * {@code bench/limiter.sh}, not by the tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class RateLimitingBenchmark {

    private static final int CLIENTS = 10_000;
    private static final TokenBuckets.Take GRANTED = new TokenBuckets.Take(true, 99, Duration.ZERO);

    private final BenchContext[] requests = new BenchContext[CLIENTS];
    private final ByteBuffer wire = ByteBuffer.allocateDirect(64 * 1024);
    private final Handler route = ctx -> {};
    private Handler limited;
    private int next;

    @Setup
    public void setUp() {
        RateLimitSettings settings = new RateLimitSettings(RateLimitSettings.DEFAULT_PER_SECOND,
                RateLimitSettings.DEFAULT_BURST, RateLimitSettings.DEFAULT_STAFF_PER_SECOND,
                RateLimitSettings.DEFAULT_STAFF_BURST, List.of("127.0.0.1"));
        limited = new RateLimiting(settings, (bucket, limit) -> GRANTED, new ApiKeys(List.of("bench-key-0123456789")))
                .limited(route);
        for (int i = 0; i < CLIENTS; i++) {
            requests[i] = new BenchContext("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
    }

    /** The route alone: the baseline. */
    @Benchmark
    public ByteBuffer unlimited() throws Exception {
        return answer(route);
    }

    @Benchmark
    public ByteBuffer limited() throws Exception {
        return answer(limited);
    }

    private ByteBuffer answer(Handler handler) throws Exception {
        BenchContext ctx = requests[next];
        next = (next + 1) % CLIENTS;
        ctx.headers.clear();
        handler.handle(ctx);
        wire.clear();
        HttpGenerator.putTo(ctx.headers, wire);
        return wire;
    }

    /** A request from a client behind a proxy at 127.0.0.1; its answer's header fields are Jetty's own. */
    private static final class BenchContext implements Context {

        final HttpFields.Mutable headers = HttpFields.build();
        private final HttpServletRequest request;
        private final HttpServletResponse response;

        BenchContext(String client) {
            List<String> forwardedFor = List.of(client);
            request = new HttpServletRequestWrapper(unused(HttpServletRequest.class)) {
                @Override
                public String getHeader(String name) {
                    return name.equalsIgnoreCase(ClientAddress.FORWARDED_FOR) ? client : null;
                }

                @Override
                public Enumeration<String> getHeaders(String name) {
                    return Collections.enumeration(
                            name.equalsIgnoreCase(ClientAddress.FORWARDED_FOR) ? forwardedFor : List.of());
                }

                @Override
                public String getRemoteAddr() {
                    return "127.0.0.1";
                }
            };
            response = new HttpServletResponseWrapper(unused(HttpServletResponse.class)) {
                @Override
                public void setHeader(String name, String value) {
                    headers.put(name, value);
                }
            };
        }

        private static <T> T unused(Class<T> type) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            }));
        }

        @Override
        public HttpServletRequest req() {
            return request;
        }

        @Override
        public HttpServletResponse res() {
            return response;
        }

        @Override
        public Endpoints endpoints() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Endpoint endpoint() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T appData(Key<T> key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonMapper jsonMapper() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T with(Class<? extends ContextPlugin<?, T>> plugin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public io.javalin.config.MultipartConfig multipartConfig() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean strictContentTypes() {
            return false;
        }

        @Override
        public String pathParam(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> pathParamMap() {
            return Map.of();
        }

        @Override
        public ServletOutputStream outputStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Context minSizeForCompression(int size) {
            return this;
        }

        @Override
        public Context result(InputStream stream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream resultInputStream() {
            return null;
        }

        @Override
        public void future(Supplier<? extends CompletableFuture<?>> future) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void redirect(String location, HttpStatus status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeJsonStream(Stream<?> stream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Context skipRemainingHandlers() {
            return this;
        }

        @Override
        public Set<RouteRole> routeRoles() {
            return Set.of();
        }
    }
}
