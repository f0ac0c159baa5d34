package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI at {@code /docs}, served whole by Waybill: the page loads only files of this server, each of which it
 * serves, starts on {@code /openapi.json} without the validator badge (which would call validator.swagger.io), and
 * its policy lets the browser reach no other origin.
 */
class ApiDocsTest {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder().build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void thePageLoadsOnlyFilesServedHere() {
        HttpResponse<byte[]> page = server.get("/docs");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ApiDocs.PAGE_POLICY);
        List<String> references = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(TestServer.text(page.body()));
        while (reference.find()) {
            references.add(reference.group(1));
        }
        assertThat(references).hasSize(4).allSatisfy(path -> {
            assertThat(path).startsWith("/docs/");
            HttpResponse<byte[]> file = server.get(path);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.body().length).as(path).isGreaterThan(100);
            assertThat(file.headers().firstValue("Content-Security-Policy")).hasValue(ApiDocs.PAGE_POLICY);
        });
        assertThat(server.get("/docs/").statusCode()).isEqualTo(200);
    }

    @Test
    void theViewerStartsOnOurDescriptionWithoutTheValidator() {
        HttpResponse<byte[]> script = server.get("/docs/initializer.js");

        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=utf-8");
        assertThat(TestServer.text(script.body())).contains("url: \"/openapi.json\"", "validatorUrl: null")
                .doesNotContain("http");
    }

    @Test
    void thePolicyAllowsThisServerAlone() {
        assertThat(ApiDocs.PAGE_POLICY).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'")
                .doesNotContain("http", "unsafe", "*");
    }

    @Test
    void onlyTheViewersFilesAreServed() {
        assertThat(server.get("/docs/index.html").statusCode()).isEqualTo(404);
        assertThat(server.get("/docs/swagger-initializer.js").statusCode()).isEqualTo(404);
        assertThat(server.get("/docs/..%2Fopenapi.json").statusCode()).isIn(400, 404);
    }
}
