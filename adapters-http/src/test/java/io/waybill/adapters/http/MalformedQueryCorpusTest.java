package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.MalformedQueries.Kind;
import io.waybill.adapters.http.MalformedQueries.MalformedQuery;
import io.waybill.adapters.http.TestServer.RawResponse;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MalformedQueryCorpusTest {

    private static final long SEED = 20_181_120L;
    private static final int QUERIES = 1_200;
    private static final String PATH = "/next-tracking-number?";

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger sentRaw = new AtomicInteger();

    @Test
    void answersEveryMalformedQueryWith400NamingTheBrokenParameters() throws Exception {
        MalformedQueries generator = new MalformedQueries(SEED);
        List<MalformedQuery> corpus = new ArrayList<>();
        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
        for (int i = 0; i < QUERIES; i++) {
            MalformedQuery query = generator.next();
            corpus.add(query);
            query.kinds().forEach(kind -> kinds.merge(kind, 1, Integer::sum));
        }
        List<String> failures = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try (TestServer server = TestServer.start(TestUseCases.issuing(calls))) {
            List<Future<Optional<String>>> results = new ArrayList<>();
            for (MalformedQuery query : corpus) {
                results.add(senders.submit(() -> check(server, query)));
            }
            for (Future<Optional<String>> result : results) {
                result.get(30, TimeUnit.SECONDS).ifPresent(failures::add);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(calls).as("the use case is never asked").hasValue(0);
        assertThat(kinds).as("every kind of mutation is exercised").hasSize(Kind.values().length)
                .allSatisfy((kind, count) -> assertThat(count).isGreaterThan(100));
        assertThat(sentRaw.get()).as("queries java.net.URI refuses, sent over a socket").isBetween(50, QUERIES - 50);
    }

    private Optional<String> check(TestServer server, MalformedQuery query) {
        int status;
        String contentType;
        byte[] body;
        if (isValidUri(PATH + query.query())) {
            HttpResponse<byte[]> response = server.get(PATH + query.query());
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("");
            body = response.body();
        } else {
            sentRaw.incrementAndGet();
            RawResponse response = server.raw(PATH + query.query());
            status = response.status();
            contentType = response.headers().getOrDefault("content-type", "");
            body = response.body();
        }
        if (status != 400 || !contentType.equals("application/problem+json")) {
            return Optional.of(status + " " + contentType + " for " + shortened(query));
        }
        JsonNode problem = json(body);
        Set<String> named = new HashSet<>();
        problem.path("errors").forEach(error -> named.add(error.path("parameter").asText()));
        if (problem.path("status").asInt() != 400
                || !MalformedQueries.PARAMETERS.containsAll(named)
                || !named.containsAll(query.brokenParameters())) {
            return Optional.of("named " + named + " for " + shortened(query) + ": " + problem);
        }
        return Optional.empty();
    }

    private static boolean isValidUri(String pathAndQuery) {
        try {
            URI.create(pathAndQuery);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shortened(MalformedQuery query) {
        String text = query.query().length() > 300 ? query.query().substring(0, 300) + "..." : query.query();
        return text + " (broken: " + query.brokenParameters() + ", mutations: " + query.kinds() + ")";
    }
}
