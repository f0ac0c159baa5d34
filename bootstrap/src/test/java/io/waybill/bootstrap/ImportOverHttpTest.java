package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.PUBLIC;
import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static io.waybill.bootstrap.TrackingClient.Route.PATH;
import static io.waybill.bootstrap.TrackingClient.Route.QUERY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.bootstrap.TrackingClient.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/imports} end to end: the real service, driven over HTTP, its work checked through the lookup
 * and list routes; on SQLite here, on PostgreSQL in {@link ImportOverHttpOnPostgresTest}.
 */
class ImportOverHttpTest {

    static final String KEY = "import-staff-key-0123456789abcdef";
    static final String IMPORTS = "/api/v1/imports";
    static final String HEADER = "tracking_number,carrier,sender_address,receiver_address,article_name,"
            + "article_quantity,article_price,SKU,status\n";

    Waybill waybill = Waybill.start(backend().withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY))));
    TrackingClient client = new TrackingClient(waybill.httpPort().orElseThrow(), KEY);

    WaybillConfig backend() {
        return WaybillConfig.embedded();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            waybill.close();
        } finally {
            cleanUp();
        }
    }

    void cleanUp() throws Exception {
        // the in-memory database goes with the service
    }

    @Test
    void importsBothSampleFilesThenLooksThemUp() {
        Response seed = importing("", sample("seed_data.csv"));

        assertThat(seed.status()).as(seed.toString()).isEqualTo(200);
        assertThat(seed.body()).isEqualTo("{\"mode\":\"import\",\"written\":true,\"lines\":9,\"created\":5,"
                + "\"updated\":0,\"unchanged\":0,\"rejected_shipments\":0,\"rejected_lines\":0,\"rejections\":[]}");
        JsonNode dhl = client.lookUp(PATH, "TN12345678", "DHL", STAFF).json();
        assertThat(dhl.get("status").asText()).isEqualTo("in_transit");
        assertThat(dhl.get("carrier_status").asText()).isEqualTo("in_transit");
        assertThat(dhl.get("articles").findValuesAsText("sku")).containsExactly("LP123", "MO456");
        assertThat(dhl.get("receiver").get("address").toString())
                .isEqualTo("{\"street\":\"Street 10\",\"zip\":\"75001\",\"city\":\"Paris\",\"country\":\"FR\"}");
        assertThat(client.lookUp(PATH, "TN12345680", null, PUBLIC).json().get("status").asText())
                .isEqualTo("out_for_delivery");
        assertThat(client.lookUp(QUERY, "TN12345682", null, PUBLIC).json().get("data").get("tracking_status")
                .asText()).isEqualTo("Package Received");
        assertThat(storedShipments()).containsExactlyInAnyOrder("TN12345678 DHL", "TN12345679 UPS", "TN12345680 DPD",
                "TN12345681 FEDEX", "TN12345682 GLS");

        Response again = importing("", sample("seed_data.csv"));
        Response variant = importing("", sample("seed_data_variant.csv"));

        assertThat(again.json().get("unchanged").asLong()).isEqualTo(5);
        assertThat(again.json().get("created").asLong()).isZero();
        assertThat(variant.status()).isEqualTo(200);
        assertThat(variant.json().get("updated").asLong()).as("in-transit is DHL's new wording").isEqualTo(1);
        assertThat(variant.json().get("unchanged").asLong()).isEqualTo(4);
        assertThat(client.lookUp(PATH, "TN12345678", "DHL", STAFF).json().get("carrier_status").asText())
                .isEqualTo("in-transit");
        assertThat(storedShipments()).hasSize(5);
    }

    @Test
    void aBodyThatIsNotTheFormatIsRefusedWith400AndStoresNothing() {
        Response binary = importing("", new byte[] {0, 1, 2, (byte) 0xff, '\n'});
        Response noColumns = importing("", "number,carrier\nTN12345678,DHL\n".getBytes(StandardCharsets.UTF_8));
        Response empty = importing("?mode=strict", new byte[0]);

        for (Response response : List.of(binary, noColumns, empty)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.header("Content-Type")).hasValue("application/problem+json");
            assertThat(response.json().get("detail").asText())
                    .startsWith("The body is not the track-and-trace CSV format: the ").endsWith("nothing was imported");
        }
        assertThat(noColumns.json().get("detail").asText()).contains("lacks the columns tracking_number");
        assertThat(storedShipments()).isEmpty();
    }

    @Test
    void aStrictImportWithOneBadLineWritesNothingAndADryRunNeither() {
        byte[] oneBad = (text(sample("seed_data.csv"))
                + "TN12345683,DHL,\"Street 1, 10115 Berlin, Germany\",\"Street 2, 10115 Berlin, Germany\",Lamp,one,10,"
                + "LA1,in_transit\n").getBytes(StandardCharsets.UTF_8);

        Response strict = importing("?mode=strict", oneBad);
        Response dryRun = importing("?mode=dry-run", oneBad);

        assertThat(strict.status()).as(strict.toString()).isEqualTo(422);
        assertThat(strict.header("Content-Type")).hasValue("application/json");
        JsonNode report = strict.json();
        assertThat(report.get("written").asBoolean()).isFalse();
        assertThat(report.get("created").asLong()).as("would be created").isEqualTo(5);
        assertThat(report.get("rejected_lines").asLong()).isEqualTo(1);
        assertThat(report.get("rejections")).singleElement().satisfies(rejection -> {
            assertThat(rejection.get("line").asLong()).isEqualTo(11);
            assertThat(rejection.get("reason").asText()).contains("article_quantity");
        });
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.json().get("written").asBoolean()).isFalse();
        assertThat(dryRun.json().get("rejections")).isEqualTo(report.get("rejections"));
        assertThat(storedShipments()).isEmpty();
        assertThat(client.lookUp(PATH, "TN12345678", "DHL", STAFF).status()).isEqualTo(404);

        Response imported = importing("", oneBad);

        assertThat(imported.status()).as("the import ran, with a line rejected").isEqualTo(200);
        assertThat(imported.json().get("created").asLong()).isEqualTo(5);
        assertThat(imported.json().get("rejected_shipments").asLong()).isEqualTo(1);
        assertThat(storedShipments()).hasSize(5).doesNotContain("TN12345683 DHL");
    }

    @Test
    void listsTheFirstHundredRejectionsAndCountsThemAll() {
        String bad = IntStream.rangeClosed(1, 150).mapToObj(i -> "TN%08d,DHL,a,b,name,1,2,S%d\n".formatted(i, i))
                .collect(Collectors.joining("", HEADER, ""));

        Response response = importing("", bad.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("rejected_lines").asLong()).isEqualTo(150);
        assertThat(report.get("rejections")).hasSize(100);
        assertThat(report.get("rejections").get(99).get("line").asLong()).isEqualTo(101);
        assertThat(storedShipments()).isEmpty();
    }

    /**
     * A body that breaks part way: 400 with the report of exactly what was stored, every shipment before the break but
     * the last; sending the mended file then creates only that one.
     */
    @Test
    void aBodyThatBreaksPartWayAnswers400WithTheReportOfExactlyWhatWasStored() {
        StringBuilder rows = new StringBuilder(HEADER);
        int shipments = 2_500; // more than an import keeps open
        for (int i = 0; i < shipments; i++) {
            for (int article = 0; article <= i % 2; article++) {
                rows.append("TN%08d,DHL,\"Street 1, 10115 Berlin, Germany\",".formatted(i))
                        .append("\"Street 10, 75001 Paris, France\",Lamp %d,1,10,LA1,in_transit\n".formatted(article));
            }
        }
        long lines = rows.chars().filter(c -> c == '\n').count();
        byte[] mended = rows.toString().getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[mended.length + 3];
        System.arraycopy(mended, 0, broken, 0, mended.length);
        broken[mended.length] = (byte) 0xff;
        broken[mended.length + 1] = (byte) 0xfe;
        broken[mended.length + 2] = '\n';

        Response response = importing("", broken);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("bytes at line " + (lines + 1) + " are not valid");
        JsonNode report = response.json().get("report");
        assertThat(report.get("lines").asLong()).isEqualTo(lines - 1);
        assertThat(report.get("created").asLong()).isEqualTo(shipments - 1);
        assertThat(report.get("rejected_shipments").asLong()).isEqualTo(1);
        assertThat(report.get("rejected_lines").asLong()).isEqualTo(2);
        assertThat(report.get("rejections")).singleElement().satisfies(rejection -> {
            assertThat(rejection.get("line").asLong()).isEqualTo(lines - 1);
            assertThat(rejection.get("reason").asText())
                    .startsWith("TN%08d/DHL: not imported".formatted(shipments - 1));
        });

        Response again = importing("", mended);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("created").asLong()).as("only the one withheld").isEqualTo(1);
        assertThat(again.json().get("unchanged").asLong()).isEqualTo(shipments - 1);
    }

    @Test
    void onlyStaffMayImport() {
        Response anonymous = client.post(IMPORTS, "text/csv", sample("seed_data.csv"), PUBLIC);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer");
        assertThat(storedShipments()).isEmpty();
    }

    private Response importing(String query, byte[] body) {
        return client.post(IMPORTS + query, "text/csv", body, STAFF);
    }

    /** Every stored shipment, as number and carrier, through the list route. */
    private List<String> storedShipments() {
        Response page = client.get("/api/v1/shipments?limit=100", STAFF);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> shipments = new ArrayList<>();
        page.json().get("shipments").forEach(summary ->
                shipments.add(summary.get("tracking_number").asText() + " " + summary.get("carrier").asText()));
        return shipments;
    }

    static byte[] sample(String name) {
        try (InputStream in = ImportOverHttpTest.class.getResourceAsStream("/sample-data/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
