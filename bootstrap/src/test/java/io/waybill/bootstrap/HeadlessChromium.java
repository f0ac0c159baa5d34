package io.waybill.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.adapters.persistence.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver by Selenium, with axe-core (from npm, in
 * {@code .ci/node}, where {@code .ci/run} installs it) to check pages for accessibility. Nothing is downloaded: the
 * browser and driver are named, so Selenium Manager is not asked. The browser asks for English unless a page says
 * otherwise. Without Chromium, its driver or axe-core, a test is skipped on a developer's machine and fails under CI
 * ({@code CI=true}). Not thread-safe: one per test.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // Every violation axe-core finds, as {id, impact, help, nodes}, or "error: ..." when it could not run.
    private static final String RUN_AXE = "const done = arguments[arguments.length - 1];"
            + " axe.run(document, {resultTypes: ['violations']})"
            + ".then(result => done(JSON.stringify(result.violations.map(v => ({id: v.id, impact: v.impact,"
            + " help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))))"
            + ".catch(e => done('error: ' + e));";

    private final ChromeDriver driver;
    private final Path profile;
    private final String axe;

    private HeadlessChromium(ChromeDriver driver, Path profile, String axe) {
        this.driver = driver;
        this.profile = profile;
        this.axe = axe;
    }

    static HeadlessChromium start() {
        Path axeScript = RepositoryRoot.find().resolve(".ci/node/node_modules/axe-core/axe.min.js");
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER, axeScript).filter(path -> !Files.isRegularFile(path))
                .map(Path::toString).toList();
        if (!missing.isEmpty()) {
            String why = "missing " + missing + " (bash .ci/run installs chromium, chromium-driver and axe-core)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("The browser test needs them under CI: " + why);
            }
            Assumptions.abort(why);
        }
        try {
            Path profile = Files.createTempDirectory("waybill-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // As dependencies.md says Chromium runs here: as root, without a GPU, talking to nobody but the page.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--window-size=1280,900", "--lang=en-US");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(driver, profile, Files.readString(axeScript));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The page's accessibility violations that axe-core rates serious or critical; the others are logged. */
    List<String> seriousViolations() {
        driver.executeScript(axe);
        String answer = (String) driver.executeAsyncScript(RUN_AXE);
        if (answer.startsWith("error: ")) {
            throw new AssertionError("axe-core could not check " + driver.getCurrentUrl() + ": " + answer);
        }
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : MAPPER.readTree(answer)) {
                String line = violation.get("impact").asText() + " " + violation.get("id").asText() + " ("
                        + violation.get("help").asText() + ") at " + violation.get("nodes");
                if (List.of("serious", "critical").contains(violation.get("impact").asText())) {
                    serious.add(line);
                } else {
                    System.out.println("axe-core, on " + driver.getCurrentUrl() + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return serious;
    }

    /**
     * Shows the page as a screen {@code width} CSS pixels wide (a phone's below 600, with its viewport rules) and as
     * tall as the page, saves it as a PNG at {@code file}, and answers how wide the page's content was.
     */
    long screenshot(int width, Path file) {
        emulate(width, 800);
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        emulate(width, (int) height);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (Long) driver.executeScript("return document.documentElement.scrollWidth;");
    }

    private void emulate(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
