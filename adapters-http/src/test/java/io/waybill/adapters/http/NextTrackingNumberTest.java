package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.SAMPLE_QUERY;
import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.TestServer.RawResponse;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NextTrackingNumberTest {

    private static final AtomicInteger CALLS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.issuing(CALLS));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetCalls() {
        CALLS.set(0);
    }

    @Test
    void issuesANumberForTheSampleRequestAndEchoesTheOrder() {
        HttpResponse<byte[]> response = server.get("/next-tracking-number?" + SAMPLE_QUERY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        JsonNode body = json(response.body());
        assertThat(body.get("tracking_number").asText()).matches("^[A-Z0-9]{1,16}$").startsWith("MY");
        assertThat(OffsetDateTime.parse(body.get("created_at").asText()).toInstant())
                .isEqualTo(TestUseCases.ISSUED_AT);
        assertThat(body.get("created_at").asText()).isEqualTo("2026-11-21T10:00:00.123Z");
        assertThat(body.get("origin_country_id").asText()).isEqualTo("MY");
        assertThat(body.get("destination_country_id").asText()).isEqualTo("ID");
        assertThat(body.get("weight").isNumber()).isTrue();
        assertThat(body.get("weight").decimalValue()).isEqualByComparingTo(new BigDecimal("1.234"));
        assertThat(body.get("customer_id").asText()).isEqualTo("de619854-b59b-425e-9db4-943979e1bd49");
        assertThat(body.get("customer_name").asText()).isEqualTo("RedBox Logistics");
        assertThat(body.get("customer_slug").asText()).isEqualTo("redbox-logistics");
        assertThat(body.get("order_created_at").asText()).isEqualTo("2018-11-20T19:29:32+08:00");
        assertThat(CALLS).hasValue(1);
    }

    @Test
    void acceptsATrailingSlash() {
        HttpResponse<byte[]> response = server.get("/next-tracking-number/?" + SAMPLE_QUERY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("tracking_number").asText()).matches("^[A-Z0-9]{1,16}$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-11-20T19:29:32+08:00", "2018-11-20T19:29:32%2008:00"})
    void takesAPlusSentUnencodedInCreatedAtAsTheOffsetSign(String createdAt) {
        String query = SAMPLE_QUERY.replace("2018-11-20T19:29:32%2B08:00", createdAt);

        HttpResponse<byte[]> response = server.get("/next-tracking-number?" + query);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("order_created_at").asText()).isEqualTo("2018-11-20T19:29:32+08:00");
    }

    @Test
    void keepsSecondsAndFractionsOfTheOrderTime() {
        String query = SAMPLE_QUERY.replace("2018-11-20T19:29:32%2B08:00", "2018-11-20T19:29:00.5-03:00");

        HttpResponse<byte[]> response = server.get("/next-tracking-number?" + query);

        assertThat(json(response.body()).get("order_created_at").asText()).isEqualTo("2018-11-20T19:29:00.5-03:00");
    }

    @Test
    void ignoresUnknownParametersEvenBadlyEncodedOnes() {
        RawResponse response = server.raw("/next-tracking-number?utm_source=%zz&" + SAMPLE_QUERY + "&%zz=1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(CALLS).hasValue(1);
    }

    @Test
    void writesNonAsciiTextAsUtf8Unescaped() {
        String query = SAMPLE_QUERY.replace("RedBox%20Logistics", "%E7%B4%85%E7%9B%92%E7%89%A9%E6%B5%81");

        HttpResponse<byte[]> response = server.get("/next-tracking-number?" + query);

        assertThat(response.statusCode()).isEqualTo(200);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"customer_name\":\"紅盒物流\"").doesNotContain("\\u");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
    }
}
