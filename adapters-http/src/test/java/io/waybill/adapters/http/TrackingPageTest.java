package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.page.TrackingPages;
import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.FindWeatherUseCase.Answer;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.weather.Weather;
import io.waybill.domain.weather.WeatherCode;
import io.waybill.domain.weather.WeatherPlace;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tracking page over HTTP, on a real server: the routes, their statuses and headers, what a page shows of a
 * shipment and what it never shows, in each language. (In a real browser, with an accessibility checker:
 * bootstrap's TrackingPageBrowserTest.)
 */
class TrackingPageTest {

    static final Instant OBSERVED = Instant.parse("2026-11-21T01:00:00Z");
    /** A thunderstorm at every receiver with a place. */
    static final FindWeatherUseCase STORMY = receivers -> receivers.stream().map(address -> WeatherPlace.of(address)
            .map(place -> Answer.of(new Weather(place, Optional.of("Taipei"), 21.5, WeatherCode.of(95), 12.0,
                    OBSERVED, OBSERVED)))
            .orElseGet(() -> Answer.unavailable("no receiver address"))).toList();
    // The estimate of TestShipments.PUBLIC is Tuesday 2026-11-24, local to its last event (+08:00).
    static final Clock BEFORE_THE_ESTIMATE = Clock.fixed(Instant.parse("2026-11-24T15:00:00Z"), ZoneOffset.UTC);
    static final Clock AFTER_THE_ESTIMATE = Clock.fixed(Instant.parse("2026-11-24T16:00:00Z"), ZoneOffset.UTC);

    private TestServer server;

    private TestServer start(Clock clock) {
        server = TestServer.start(TestUseCases.builder().findShipment(TestUseCases.finding(TestShipments.ALL))
                .findWeather(STORMY).build(), clock);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRootLeadsToTheForm() {
        start(BEFORE_THE_ESTIMATE);

        assertThat(server.get("/").statusCode()).isEqualTo(303);
        assertThat(server.get("/").headers().firstValue("Location")).hasValue("/track");
        assertThat(server.get("/?lang=zh-TW").headers().firstValue("Location")).hasValue("/track?lang=zh-Hant");
        assertThat(server.get("/?lang=fr").headers().firstValue("Location")).hasValue("/track");
    }

    @Test
    void theFormIsInTheLanguageAskedForWithItsPolicyAndLabels() {
        start(BEFORE_THE_ESTIMATE);

        HttpResponse<byte[]> english = server.get("/track");
        HttpResponse<byte[]> german = server.get("/track?lang=de", "Accept-Language", "zh-TW");
        HttpResponse<byte[]> chinese = server.get("/track", "Accept-Language", "fr-CH, zh-TW;q=0.8, de;q=0.7");

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(english.headers().firstValue("Content-Security-Policy")).hasValue(TrackingPages.POLICY);
        assertThat(english.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(english.headers().firstValue("Vary")).hasValueSatisfying(vary -> assertThat(vary)
                .contains("Accept-Language"));
        assertThat(english.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(text(english.body())).startsWith("<!DOCTYPE html>\n<html lang=\"en\"")
                .contains("<label for=\"number\">Tracking number</label>", "<form class=\"lookup\" action=\"/track\"",
                        "<main id=\"main\"", "<nav aria-label=\"Language\">")
                .doesNotContain("<script", "style=\"", "http://", "https://");
        assertThat(text(german.body())).startsWith("<!DOCTYPE html>\n<html lang=\"de\"")
                .contains("<label for=\"number\">Sendungsnummer</label>", "name=\"lang\" value=\"de\"");
        assertThat(text(chinese.body())).startsWith("<!DOCTYPE html>\n<html lang=\"zh-Hant\"")
                .contains("<label for=\"number\">追蹤號碼</label>");
    }

    @Test
    void theFormSendsAValidEntryOnToTheShipmentsPage() {
        start(BEFORE_THE_ESTIMATE);

        assertThat(location(server.get("/track?number=tn+1234+5678&carrier=dhl&lang=de")))
                .isEqualTo("/track/TN12345678?carrier=DHL&lang=de");
        assertThat(location(server.get("/track?number=TN12345678&carrier=&lang=")))
                .isEqualTo("/track/TN12345678");
        assertThat(location(server.get("/track?lang=zh-TW&number=%20TN12345678%20")))
                .isEqualTo("/track/TN12345678?lang=zh-Hant");
    }

    @Test
    void aWrongEntryGetsTheFormAgainWith400SayingWhatIsWrongInThePagesLanguage() {
        start(BEFORE_THE_ESTIMATE);

        HttpResponse<byte[]> invalid = server.get("/track?number=%22%3E%3Cb%3Eno%3C%2Fb%3E&lang=de");
        HttpResponse<byte[]> empty = server.get("/track?number=+&carrier=DHL");
        HttpResponse<byte[]> badCarrier = server.get("/track/TN12345678?carrier=D%20H%20L", "Accept-Language", "zh-Hant");
        HttpResponse<byte[]> badPath = server.get("/track/TN-1234");
        HttpResponse<byte[]> twice = server.get("/track?number=TN12345678&carrier=DHL&carrier=UPS");

        assertThat(List.of(invalid, empty, badCarrier, badPath, twice)).allSatisfy(response -> {
            assertThat(response.statusCode()).as(text(response.body())).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(text(response.body())).contains("role=\"alert\"", "aria-invalid=\"true\"", "<form");
        });
        assertThat(text(invalid.body()))
                .contains("Das ist keine Sendungsnummer",
                        "value=\"&quot;&gt;&lt;b&gt;no&lt;/b&gt;\"", "<a href=\"#number\">")
                .doesNotContain("<b>no");
        assertThat(text(empty.body())).contains("Enter a tracking number.", "value=\"DHL\"");
        assertThat(text(badCarrier.body())).contains("物流業者代碼最多 32 個", "<a href=\"#carrier\">",
                "value=\"TN12345678\"");
        assertThat(text(badPath.body())).contains("That is not a tracking number");
        assertThat(text(twice.body())).contains("value=\"DHL,UPS\"", "A carrier is named by");
    }

    @Test
    void aShipmentsPageShowsItsPublicViewWithTheWeatherAndNothingPrivate() {
        start(BEFORE_THE_ESTIMATE);

        HttpResponse<byte[]> response = server.get("/track/tn12345678");
        String page = text(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page).contains("<h1>Parcel TN12345678</h1>", "Carrier: DHL",
                "<p class=\"now\">In transit</p>",
                "<li class=\"step done\"><span class=\"label\">Received by the carrier</span>",
                "<li class=\"step current\" aria-current=\"step\"><span class=\"label\">In transit</span>",
                "<li class=\"step todo\"><span class=\"label\">Out for delivery</span>",
                "<time datetime=\"2026-11-24\">Tuesday, November 24, 2026</time>",
                "<dd>新竹轉運站, 新竹市</dd>", "<dd>110 台北市, Taiwan</dd>",
                "Thunderstorm, 21.5 °C, wind 12 km/h", "Severe weather there may delay the delivery.",
                "<li>2 × 烏龍茶</li>")
                .doesNotContain("Delayed", "TEA-1");
        // Newest first, each at its own local time.
        assertThat(events(page)).containsExactly("2026-11-21T08:00+08:00", "2026-11-20T15:00+08:00",
                "2026-11-20T09:00+08:00");
        assertThat(page).containsPattern("<time datetime=\"2026-11-20T09:00\\+08:00\">Nov 20, 2026, 9:00\\hAM"
                + " \\(UTC\\+08:00\\)</time><span class=\"what\">Label created</span><span class=\"where\">台北物流中心,"
                + " 台北市</span>");
        for (String secret : TestShipments.PRIVATE) {
            assertThat(page).as("private").doesNotContain(secret);
        }
    }

    @Test
    void datesAndLabelsAreTranslatedAndAPassedEstimateSaysDelayed() {
        start(AFTER_THE_ESTIMATE);

        String german = text(server.get("/track/TN12345678?lang=de").body());
        String chinese = text(server.get("/track/TN12345678", "Accept-Language", "zh-Hant-TW").body());

        assertThat(german).contains("<html lang=\"de\"", "<h1>Sendung TN12345678</h1>", ">Unterwegs<",
                "<time datetime=\"2026-11-24\">Dienstag, 24. November 2026</time> <strong class=\"badge\">Verspätet",
                ">21.11.2026, 08:00 (UTC+08:00)</time>", "Gewitter, 21,5 °C, Wind 12 km/h",
                "<a href=\"/track/TN12345678?carrier=DHL&amp;lang=en\" lang=\"en\" hreflang=\"en\">English</a>");
        assertThat(chinese).contains("<html lang=\"zh-Hant\"", ">運送中<", "2026年11月24日 星期二", "已延誤",
                "<dd>110 台北市, 台灣</dd>", "雷雨");
    }

    @Test
    void anUnknownOrHiddenNumberIs404WithTheForm() {
        start(BEFORE_THE_ESTIMATE);

        HttpResponse<byte[]> unknown = server.get("/track/" + TestShipments.UNKNOWN_NUMBER);
        HttpResponse<byte[]> hidden = server.get("/track/TN87654321");
        HttpResponse<byte[]> otherCarrier = server.get("/track/TN12345678?carrier=ups&lang=de");

        assertThat(List.of(unknown, hidden, otherCarrier)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(text(response.body())).contains("<form", "name=\"number\"");
        });
        assertThat(text(hidden.body())).contains("No parcel has the tracking number TN87654321.")
                .doesNotContain("台北");
        assertThat(text(hidden.body()).replace("TN87654321", TestShipments.UNKNOWN_NUMBER))
                .isEqualTo(text(unknown.body()));
        assertThat(text(otherCarrier.body())).contains("Keine Sendung von UPS hat die Sendungsnummer TN12345678.");
    }

    @Test
    void aNumberOfSeveralCarriersListsThemToPickFrom() {
        start(BEFORE_THE_ESTIMATE);

        HttpResponse<byte[]> response = server.get("/track/TN55555555?lang=de");

        assertThat(response.statusCode()).isEqualTo(300);
        assertThat(text(response.body())).contains("<h1>Paketdienst wählen</h1>",
                "<li><a href=\"/track/TN55555555?carrier=DHL&amp;lang=de\">DHL</a></li>",
                "<li><a href=\"/track/TN55555555?carrier=UPS&amp;lang=de\">UPS</a></li>");
        assertThat(server.get("/track/TN55555555?carrier=UPS").statusCode()).isEqualTo(200);
    }

    @Test
    void everythingFromAShipmentIsEscaped() {
        server = TestServer.start(TestUseCases.builder()
                .findShipment(TestUseCases.finding(List.of(TrackingPageShipments.HOSTILE)))
                .build(), BEFORE_THE_ESTIMATE);

        String page = text(server.get("/track/TN13131313").body());

        assertThat(page).contains("&lt;script&gt;alert(&#39;hub&#39;)&lt;/script&gt;",
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script", "<img src=x", "<b>city");
    }

    @Test
    void thePagesFilesAreServedByWaybillAndKeptForAYear() {
        start(BEFORE_THE_ESTIMATE);
        String page = text(server.get("/track").body());
        Matcher styles = Pattern.compile("<link rel=\"stylesheet\" href=\"(/assets/tracking\\.[0-9a-f]{12}\\.css)\">")
                .matcher(page);
        Matcher icon = Pattern.compile("href=\"(/assets/icon\\.[0-9a-f]{12}\\.svg)\"").matcher(page);
        assertThat(styles.find()).as(page).isTrue();
        assertThat(icon.find()).as(page).isTrue();

        HttpResponse<byte[]> css = server.get(styles.group(1));
        HttpResponse<byte[]> svg = server.get(icon.group(1));

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css;charset=utf-8");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(text(css.body())).contains(".progress");
        assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(text(svg.body())).startsWith("<svg");
        assertThat(server.get("/assets/tracking.css").statusCode()).isEqualTo(404);
    }

    @Test
    void theShipmentsPageIsRateLimitedLikeTheLookupAndSaysSoInAPage() {
        server = TestServer.start(TestUseCases.builder().findShipment(TestUseCases.finding(TestShipments.ALL))
                .build(), new RateLimitSettings(1, 2, 1, 2, List.of()), new CountingBuckets());

        List<HttpResponse<byte[]>> answers = List.of(server.get("/track/TN12345678"),
                server.get("/track/TN12345678?lang=de"), server.get("/track/TN12345678?lang=de"));

        assertThat(answers.get(0).statusCode()).isEqualTo(200);
        assertThat(answers.get(0).headers().firstValue("RateLimit")).hasValue("\"public\";r=1;t=1");
        HttpResponse<byte[]> refused = answers.get(2);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(text(refused.body())).contains("<h1>Zu viele Anfragen</h1>", "in 2 Sekunden");
        assertThat(server.get("/track").statusCode()).as("the form asks for nothing").isEqualTo(200);
    }

    @Test
    void storageThatIsDownGets503WithAPage() {
        server = TestServer.start(TestUseCases.builder().findShipment(query -> {
            throw new StorageUnavailableException("the database is away", new RuntimeException());
        }).build());

        HttpResponse<byte[]> response = server.get("/track/TN12345678", "Accept-Language", "zh-TW");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(text(response.body())).contains("<h1>暫時無法查詢</h1>");
    }

    private static String location(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(text(response.body())).isEqualTo(303);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static List<String> events(String page) {
        Matcher times = Pattern.compile("<li class=\"event[^\"]*\"><time datetime=\"([^\"]+)\"").matcher(page);
        return times.results().map(found -> found.group(1)).toList();
    }
}
