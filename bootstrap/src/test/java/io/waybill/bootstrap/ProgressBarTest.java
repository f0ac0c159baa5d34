package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(shown, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong(5 * SECOND);
    private final AtomicLong bytes = new AtomicLong();

    @Test
    void aBarOnATerminalShowsThePercentageTheRateAndTheTimeLeft() {
        ProgressBar bar = new ProgressBar(err, ProgressBar.Style.BAR, "lines", bytes::get, 1_000, clock::get);
        clock.addAndGet(10 * SECOND);
        bytes.set(250);

        bar.update(2_500);
        bar.finish();

        assertThat(text()).isEqualTo("\r[######..................]  25%  2,500 lines, 250 lines/s, 0:30 left  \n");
    }

    @Test
    void plainLinesElsewhereAtMostEveryFiveSeconds() {
        ProgressBar lines = new ProgressBar(err, ProgressBar.Style.LINES, "shipments", bytes::get, 0, clock::get);
        clock.addAndGet(2 * SECOND);
        lines.update(10_000);
        clock.addAndGet(SECOND);
        lines.update(20_000);
        clock.addAndGet(4 * SECOND);
        lines.update(30_000);
        lines.finish();

        assertThat(text()).isEqualTo("10,000 shipments, 5,000 shipments/s\n30,000 shipments, 4,286 shipments/s\n");
    }

    @Test
    void hoursLeftAndAnUnknownEnd() {
        ProgressBar lines = new ProgressBar(err, ProgressBar.Style.LINES, "lines", bytes::get, 100, clock::get);
        clock.addAndGet(100 * SECOND);
        lines.update(1);
        clock.addAndGet(100 * SECOND);
        bytes.set(5);
        lines.update(2);

        assertThat(text()).isEqualTo("  0%  1 lines, 0 lines/s, ? left\n  5%  2 lines, 0 lines/s, 1:03:20 left\n");
    }

    @Test
    void quietShowsNothing() {
        ProgressBar none = new ProgressBar(err, ProgressBar.Style.NONE, "lines", bytes::get, 100, clock::get);
        none.update(10);
        none.finish();

        assertThat(text()).isEmpty();
    }

    private String text() {
        return shown.toString(StandardCharsets.UTF_8);
    }
}
