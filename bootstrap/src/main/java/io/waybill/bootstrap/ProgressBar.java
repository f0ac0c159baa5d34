package io.waybill.bootstrap;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far a long command has got, on standard error: on a terminal a bar rewritten in place with the count, the rate,
 * and, when the whole is known, the percentage and the time left; otherwise a plain line every few seconds; or nothing.
 * Not thread-safe.
 */
final class ProgressBar {

    enum Style {
        BAR,
        LINES,
        NONE;

        /** A bar when standard error is a terminal, lines when it goes elsewhere, nothing when quiet. */
        static Style of(boolean quiet) {
            return quiet ? NONE : Terminal.isStandardError() ? BAR : LINES;
        }
    }

    private static final long BAR_EVERY_NANOS = 100_000_000L;
    private static final long LINE_EVERY_NANOS = 5_000_000_000L;
    private static final int WIDTH = 24;

    private final PrintStream err;
    private final Style style;
    private final String unit;
    private final LongSupplier done;
    private final long whole;
    private final LongSupplier nanoTime;
    private final long started;
    private long shownAt;
    private boolean shownOnce;
    private boolean shown;

    /**
     * @param done how much of the whole is done, in its own measure (bytes of a file, shipments of a count)
     * @param whole the whole in that measure; 0 or less when unknown
     */
    ProgressBar(PrintStream err, Style style, String unit, LongSupplier done, long whole) {
        this(err, style, unit, done, whole, System::nanoTime);
    }

    ProgressBar(PrintStream err, Style style, String unit, LongSupplier done, long whole, LongSupplier nanoTime) {
        this.err = err;
        this.style = style;
        this.unit = unit;
        this.done = done;
        this.whole = whole;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    /** {@code count} {@link #unit}s so far; shown if the last showing is long enough ago. */
    void update(long count) {
        long now = nanoTime.getAsLong();
        if (style == Style.NONE || count == 0
                || shownOnce && now - shownAt < (style == Style.BAR ? BAR_EVERY_NANOS : LINE_EVERY_NANOS)) {
            return;
        }
        shownAt = now;
        shownOnce = true;
        String text = text(count, now);
        if (style == Style.LINES) {
            err.println(text);
        } else {
            err.print("\r" + text + "  ");
            shown = true;
        }
    }

    /** Ends the bar's line, so that what follows starts on a line of its own. */
    void finish() {
        if (shown) {
            err.println();
            shown = false;
        }
    }

    private String text(long count, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        String counted = String.format(Locale.ROOT, "%,d %s, %,.0f %s/s", count, unit, count / seconds, unit);
        if (whole <= 0) {
            return counted;
        }
        double fraction = Math.min(1, Math.max(0, done.getAsLong() / (double) whole));
        long left = fraction == 0 ? -1 : Math.round(seconds * (1 - fraction) / fraction);
        String bar = style == Style.BAR
                ? "[" + "#".repeat((int) (fraction * WIDTH)) + ".".repeat(WIDTH - (int) (fraction * WIDTH)) + "] "
                : "";
        return String.format(Locale.ROOT, "%s%3d%%  %s, %s left", bar, (int) (fraction * 100), counted,
                left < 0 ? "?" : duration(left));
    }

    private static String duration(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
