package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.HttpSettings;
import io.waybill.bootstrap.TrackingClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 16's first proof: the tracking page in a real headless Chromium, against the real service on the embedded
 * database, with the sample CSV imported and the weather from a stand-in for Open-Meteo. A receiver finds the parcel
 * through the form, reads its events at their local times, switches language, and meets the page's answers for an
 * unknown number, a wrong one and one of several carriers; axe-core finds no serious violation on any of them, and
 * screenshots at 375 and 1280 px are saved under {@code target/screenshots} for a person to look at.
 */
class TrackingPageBrowserTest {

    private static final String KEY = "page-staff-key-0123456789abcdef";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Two scans before the import's, in Berlin's winter time, so that their local times differ from the import's UTC.
    private static final OffsetDateTime BERLIN = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusDays(3)
            .withHour(15).withMinute(0).withSecond(0).withNano(0);

    private final FakeOpenMeteo openMeteo = new FakeOpenMeteo();
    private Waybill waybill;
    private HeadlessChromium chromium;
    private String base;

    @BeforeEach
    void start() {
        waybill = Waybill.start(WaybillConfig.embedded()
                .withWeather(WeatherSettings.openMeteo(openMeteo.uri(), openMeteo.uri()).withTimeout(Duration.ofSeconds(5)))
                .withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY))));
        base = "http://127.0.0.1:" + waybill.httpPort().orElseThrow();
        TrackingClient client = new TrackingClient(waybill.httpPort().orElseThrow(), KEY);
        Response imported = client.post("/api/v1/imports", "text/csv", ImportOverHttpTest.sample("seed_data.csv"), STAFF);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        Response recorded = client.post("/api/v1/shipments/TN12345678/events?carrier=DHL", "[{\"event_id\": \"b1\","
                + " \"time\": \"" + rfc3339(BERLIN) + "\", \"carrier_status\": \"inbound-scan\", \"location\": {\"id\": \"B1\","
                + " \"title\": \"Berlin Hub\", \"address\": {\"city\": \"Berlin\", \"country\": \"DE\"}}}, {\"event_id\":"
                + " \"b2\", \"time\": \"" + rfc3339(BERLIN.plusHours(5)) + "\", \"status\": \"in_transit\", \"location\":"
                + " {\"id\": \"B1\", \"title\": \"Berlin Hub\", \"address\": {\"city\": \"Berlin\", \"country\":"
                + " \"DE\"}}}]", STAFF);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        // The seed's UPS parcel TN12345679 gets a namesake at DHL: a number of two carriers.
        Response registered = client.post("/api/v1/shipments", "{\"tracking_number\": \"TN12345679\", \"carrier\":"
                + " \"DHL\", \"receiver\": {\"name\": \"Ann Lee\", \"address\": {\"city\": \"Brussels\", \"zip\": \"1000\", \"country\":"
                + " \"BE\"}}}", STAFF);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        chromium = HeadlessChromium.start();
    }

    @AfterEach
    void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            try {
                waybill.close();
            } finally {
                openMeteo.close();
            }
        }
    }

    @Test
    void aReceiverFindsAnImportedParcelThroughTheFormAndReadsItInEachLanguage() {
        ChromeDriver browser = chromium.driver();

        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/track");
        assertThat(lang()).isEqualTo("en");
        assertThat(chromium.seriousViolations()).as("the form").isEmpty();
        browser.findElement(By.id("number")).sendKeys("tn 1234 5678");
        browser.findElement(By.id("carrier")).sendKeys("dhl");
        browser.findElement(By.cssSelector("form.lookup button")).click();
        // A form's submission loads the next page after click() returns: wait (implicitly) for the parcel's status,
        // which only that page has.
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        browser.findElement(By.cssSelector("p.now"));
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);

        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/track/TN12345678?carrier=DHL&lang=en");
        assertThat(text("h1")).isEqualTo("Parcel TN12345678");
        assertThat(text("p.now")).isEqualTo("In transit");
        assertThat(text(".step[aria-current=step] .label")).isEqualTo("In transit");
        List<String> events = browser.findElements(By.cssSelector("li.event")).stream().map(WebElement::getText)
                .toList();
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).as("the import's, now, in UTC").contains("(UTC)", "In transit");
        // The JDK writes a narrow no-break space before PM since its CLDR 42 (JDK 20), a space before.
        assertThat(events.get(1)).containsPattern("8:00\\hPM \\(UTC\\+01:00\\)")
                .contains("In transit", "Berlin Hub, Berlin");
        assertThat(events.get(2)).containsPattern("3:00\\hPM \\(UTC\\+01:00\\)")
                .contains(BERLIN.format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)),
                        "Received by the carrier", "Berlin Hub, Berlin");
        assertThat(text(".weather")).contains("Paris");
        assertThat(text(".articles")).contains("1 × Laptop", "1 × Mouse").doesNotContain("800", "LP123");
        assertThat(text(".facts")).contains("Estimated delivery", "75001 Paris, France");
        assertThat((Long) browser.executeScript("return document.scripts.length;")).as("no script").isZero();
        assertThat(chromium.seriousViolations()).as("the parcel in English").isEmpty();
        assertThat(chromium.screenshot(375, SCREENSHOTS.resolve("track-en-375.png"))).as("no sideways scrolling")
                .isLessThanOrEqualTo(375);
        chromium.screenshot(1280, SCREENSHOTS.resolve("track-en-1280.png"));

        browser.findElement(By.linkText("Deutsch")).click();
        assertThat(lang()).isEqualTo("de");
        assertThat(text("h1")).isEqualTo("Sendung TN12345678");
        assertThat(text("p.now")).isEqualTo("Unterwegs");
        assertThat(text(".facts")).contains("Voraussichtliche Zustellung", "75001 Paris, Frankreich");
        assertThat(browser.findElements(By.cssSelector("li.event")).get(2).getText())
                .contains("15:00 (UTC+01:00)", "Vom Paketdienst übernommen");
        assertThat(chromium.seriousViolations()).as("the parcel in German").isEmpty();
        assertThat(chromium.screenshot(375, SCREENSHOTS.resolve("track-de-375.png"))).isLessThanOrEqualTo(375);
        chromium.screenshot(1280, SCREENSHOTS.resolve("track-de-1280.png"));

        browser.findElement(By.linkText("中文（繁體）")).click();
        assertThat(lang()).isEqualTo("zh-Hant");
        assertThat(text("p.now")).isEqualTo("運送中");
        assertThat(text(".facts")).contains("預計送達", "法國");
        assertThat(chromium.seriousViolations()).as("the parcel in Traditional Chinese").isEmpty();
        assertThat(chromium.screenshot(375, SCREENSHOTS.resolve("track-zh-Hant-375.png"))).isLessThanOrEqualTo(375);
        chromium.screenshot(1280, SCREENSHOTS.resolve("track-zh-Hant-1280.png"));
    }

    @Test
    void anUnknownAWrongAndASharedNumberEachGetAPageThatSaysSo() {
        ChromeDriver browser = chromium.driver();

        browser.get(base + "/track/TN99999999");
        assertThat(text("h1")).isEqualTo("Parcel not found");
        assertThat(browser.findElement(By.id("number")).getAttribute("value")).isEqualTo("TN99999999");
        assertThat(chromium.seriousViolations()).as("not found").isEmpty();

        browser.get(base + "/track?number=TN-1&lang=de");
        assertThat(text(".errors")).contains("Bitte prüfen Sie Ihre Eingabe", "Das ist keine Sendungsnummer");
        assertThat(browser.findElement(By.id("number")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(chromium.seriousViolations()).as("a wrong number").isEmpty();
        assertThat(chromium.screenshot(375, SCREENSHOTS.resolve("track-error-de-375.png"))).isLessThanOrEqualTo(375);

        browser.get(base + "/track/TN12345679");
        assertThat(text("h1")).isEqualTo("Choose your carrier");
        assertThat(chromium.seriousViolations()).as("several carriers").isEmpty();
        chromium.screenshot(375, SCREENSHOTS.resolve("track-carriers-375.png"));
        browser.findElement(By.linkText("UPS")).click();
        assertThat(text("h1")).isEqualTo("Parcel TN12345679");
        assertThat(text(".lead")).isEqualTo("Carrier: UPS");
        assertThat(text(".weather")).contains("Brussels");
    }

    private static String rfc3339(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME); // with its seconds, which toString() leaves out at 0
    }

    private String lang() {
        return chromium.driver().findElement(By.tagName("html")).getAttribute("lang");
    }

    private String text(String selector) {
        return chromium.driver().findElement(By.cssSelector(selector)).getText();
    }
}
