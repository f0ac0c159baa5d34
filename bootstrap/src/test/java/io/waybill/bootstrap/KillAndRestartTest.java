package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.domain.trackingnumber.TrackingNumber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uniqueness and durability proof: real service processes, driven concurrently, one of them killed without
 * warning mid-load and started again. Every number answered with 200 must be distinct, valid and stored.
 */
class KillAndRestartTest {

    private static final int CONCURRENCY = 64;
    private static final Pattern NUMBER = Pattern.compile("\"tracking_number\":\"([A-Z0-9]+)\"");

    @TempDir
    Path directory;

    private final List<ServiceProcess> running = new ArrayList<>();
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(clientThreads)
            .build();
    private TestDatabase database;

    @AfterEach
    void stopEverything() throws Exception {
        clientThreads.shutdownNow();
        stopAll();
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twoInstancesOnPostgresNeverRepeatANumberAndLoseNoneWhenOneIsKilled() throws Exception {
        database = TestDatabase.postgres();
        ServiceProcess first = start();
        ServiceProcess second = start();
        Set<String> answered = new HashSet<>();

        Load steady = drive(20_000, List.of(first, second), () -> {});
        assertThat(steady.failures()).isZero();
        assertThat(steady.numbers()).hasSize(20_000);
        answered.addAll(steady.numbers());

        AtomicInteger answeredByFirst = new AtomicInteger();
        Load crash = drive(6_000, List.of(first, second), () -> {
            if (answeredByFirst.incrementAndGet() == 1_000) {
                killQuietly(first);
            }
        });
        assertThat(crash.failures()).as("requests to the killed instance fail").isPositive();
        answered.addAll(crash.numbers());

        ServiceProcess restarted = start();
        Load after = drive(6_000, List.of(restarted, second), () -> {});
        assertThat(after.failures()).isZero();
        answered.addAll(after.numbers());

        stopAll();
        int total = steady.numbers().size() + crash.numbers().size() + after.numbers().size();
        assertThat(answered).as("no number answered twice").hasSize(total);
        answered.forEach(number -> assertThat(TrackingNumber.parse(number).value()).matches("^[A-Z0-9]{1,16}$"));
        assertThat(database.storedTrackingNumbers()).as("every answered number is stored").containsAll(answered);
    }

    @Test
    void theEmbeddedSqliteLosesNoAnsweredNumberWhenKilled() throws Exception {
        database = TestDatabase.sqliteFile(directory.resolve("data"));
        ServiceProcess instance = start();
        AtomicInteger answeredBeforeKill = new AtomicInteger();
        Load crash = drive(6_000, List.of(instance), () -> {
            if (answeredBeforeKill.incrementAndGet() == 3_000) {
                killQuietly(instance);
            }
        });
        assertThat(crash.failures()).as("requests after the kill fail").isPositive();

        Load after = drive(2_000, List.of(start()), () -> {});
        assertThat(after.failures()).isZero();

        stopAll();
        Set<String> answered = new HashSet<>(crash.numbers());
        answered.addAll(after.numbers());
        assertThat(answered).as("no number answered twice").hasSize(crash.numbers().size() + after.numbers().size());
        assertThat(database.storedTrackingNumbers()).as("every answered number is stored").containsAll(answered);
    }

    private void stopAll() throws InterruptedException {
        for (ServiceProcess process : running) {
            process.close();
        }
        running.clear();
    }

    private ServiceProcess start() throws Exception {
        ServiceProcess process = ServiceProcess.start(database.environment(), Files.createTempFile(directory, "serve", ".log"));
        running.add(process);
        return process;
    }

    private static void killQuietly(ServiceProcess process) {
        try {
            process.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends {@code count} sample requests, {@link #CONCURRENCY} at a time, spread over {@code targets};
     * {@code onFirstTargetAnswer} runs after each 200 from the first target.
     */
    private Load drive(int count, List<ServiceProcess> targets, Runnable onFirstTargetAnswer) throws Exception {
        ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
        for (int sender = 0; sender < CONCURRENCY; sender++) {
            senders.execute(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    ServiceProcess target = targets.get(i % targets.size());
                    String number = send(target);
                    if (number == null) {
                        failures.incrementAndGet();
                    } else {
                        numbers.add(number);
                        if (target == targets.get(0)) {
                            onFirstTargetAnswer.run();
                        }
                    }
                }
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        return new Load(List.copyOf(numbers), failures.get());
    }

    /** The tracking number of a 200 answer; null when the request failed in any way. */
    private String send(ServiceProcess target) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + target.port() + "/next-tracking-number?" + Orders.SAMPLE_QUERY))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher number = NUMBER.matcher(response.body());
            return response.statusCode() == 200 && number.find() ? number.group(1) : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private record Load(List<String> numbers, int failures) {}
}
