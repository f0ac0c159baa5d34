package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.persistence.PostgresReplicaPair;
import io.waybill.application.contract.Poll;
import io.waybill.bootstrap.TrackingClient.Caller;
import io.waybill.bootstrap.TrackingClient.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code waybill serve} process configured as seed 001 was ({@code DATABASE_URL} and {@code SLAVE_DATABASE_URL}, in
 * the {@code postgres://} form) on a real primary and streaming replica: lists read from the replica; {@code /ready}
 * says when the replica lags or is down, and the service stays ready and answers from the primary meanwhile; the
 * replica is used again by itself once well; {@code /metrics} shows where reads went.
 */
class ReadReplicaEndToEndTest {

    private static final String KEY = "read-replica-test-key-0123456789";
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final String LIST = "/api/v1/shipments?limit=50";

    private static PostgresReplicaPair pair;

    @TempDir
    Path directory;

    private final String schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void startPair() {
        pair = PostgresReplicaPair.start();
    }

    @AfterAll
    static void stopPair() {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void readsGoToTheReplicaWhileItIsWellAndToThePrimaryWhileItLagsOrIsDown() throws Exception {
        Map<String, String> environment = Map.of(
                "DATABASE_URL", "postgres://" + PostgresReplicaPair.USER + "@" + hostAndPort(pair.primaryUrl()) + "/test",
                "SLAVE_DATABASE_URL", "postgres://" + hostAndPort(pair.replicaUrl()) + "/test",
                "WAYBILL_DATABASE_SCHEMA", schema,
                "WAYBILL_DATABASE_REPLICA_MAX_LAG_MS", "1000",
                "WAYBILL_API_KEYS", KEY,
                "WAYBILL_WEATHER_PROVIDER", "none",
                "WAYBILL_REPORT_SCHEDULE", "none",
                "WAYBILL_REPORT_STORE", directory.resolve("reports").toString());
        try (ServiceProcess service = ServiceProcess.start(environment, directory.resolve("serve.log"))) {
            TrackingClient client = new TrackingClient(service.port(), KEY);
            Response imported = client.post("/api/v1/imports", "text/csv", sample("seed_data.csv"), Caller.STAFF);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            // Read at once after the import (ReplicaReadsTest proves, with the replay paused, that a list after a write
            // sees it; here the replica may well have replayed it already).
            assertThat(shipmentsListed(client)).isEqualTo(5);

            awaitReplica(client, "up");
            Poll.until("a list is served by the replica", () -> {
                shipmentsListed(client);
                return readsBy(client, "replica") > 0;
            }, WITHIN);

            superuser(pair.replicaUrl()).useHandle(handle -> handle.execute("SELECT pg_wal_replay_pause()"));
            try {
                superuser(pair.primaryUrl()).useHandle(handle -> handle.execute(
                        "UPDATE " + schema + ".shipments SET estimated_delivery = DATE '2031-01-01'"));
                JsonNode lagging = awaitReplica(client, "degraded");
                assertThat(lagging.at("/details/database_replica").asText()).startsWith("lagging: ");
                assertThat(lagging.get("status").asText()).isEqualTo("ready");
                assertThat(client.get(LIST, Caller.STAFF).body()).as("the primary answers").contains("2031-01-01");
            } finally {
                superuser(pair.replicaUrl()).useHandle(handle -> handle.execute("SELECT pg_wal_replay_resume()"));
            }
            awaitReplica(client, "up");

            pair.stopReplica();
            try {
                JsonNode down = awaitReplica(client, "degraded");
                assertThat(down.at("/details/database_replica").asText()).startsWith("down: ");
                assertThat(down.get("status").asText()).isEqualTo("ready");
                assertThat(shipmentsListed(client)).isEqualTo(5);
            } finally {
                pair.startReplica();
            }
            awaitReplica(client, "up");
            assertThat(client.get("/metrics", Caller.STAFF).body()).contains("waybill_db_replica_used 1.0",
                    "waybill_db_replica_lag_seconds ", "hikaricp_connections{pool=\"waybill-replica\"}");
        } finally {
            superuser(pair.primaryUrl()).useHandle(handle -> handle.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        }
    }

    private static JsonNode awaitReplica(TrackingClient client, String state) {
        JsonNode[] last = new JsonNode[1];
        Poll.until("the replica is " + state, () -> {
            Response ready = client.get("/ready", Caller.STAFF);
            last[0] = ready.json();
            return ready.status() == 200 && state.equals(last[0].at("/components/database_replica").asText());
        }, WITHIN);
        return last[0];
    }

    private static int shipmentsListed(TrackingClient client) {
        Response listed = client.get(LIST, Caller.STAFF);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json().get("shipments").size();
    }

    private static long readsBy(TrackingClient client, String database) {
        return client.get("/metrics", Caller.STAFF).body().lines()
                .filter(line -> line.startsWith("waybill_db_replica_reads_total{database=\"" + database + "\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String hostAndPort(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length())).getAuthority();
    }

    private static Jdbi superuser(String url) {
        return Jdbi.create(url, PostgresReplicaPair.USER, "");
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = ReadReplicaEndToEndTest.class.getResourceAsStream("/sample-data/" + name)) {
            return in.readAllBytes();
        }
    }
}
