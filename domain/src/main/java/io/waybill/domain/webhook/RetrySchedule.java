package io.waybill.domain.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a webhook message is tried again: its first attempt is made at once, and each delay is the wait after a failed
 * attempt before the next, so a message has one attempt more than there are delays. A message that fails the attempt
 * after the last delay disables its subscription. Immutable.
 */
public record RetrySchedule(List<Duration> delays) {

    private static final Pattern DELAY = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    /**
     * The Standard Webhooks specification's: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and
     * 24 h after each failure.
     */
    public static final RetrySchedule STANDARD = parse("5s,5m,30m,2h,5h,10h,14h,20h,24h");

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule has at least one delay");
        }
        for (Duration delay : delays) {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("a retry delay must be positive (the first attempt is made at"
                        + " once, unlisted); got " + delay);
            }
        }
    }

    /**
     * Comma-separated delays between attempts, each a whole number above zero and a unit: {@code ms}, {@code s},
     * {@code m}, {@code h} or {@code d} ({@code 5s,5m,30m}).
     *
     * @throws IllegalArgumentException naming the first delay that is not one
     */
    public static RetrySchedule parse(String text) {
        List<Duration> delays = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            delays.add(duration(part));
        }
        return new RetrySchedule(delays);
    }

    /**
     * One positive duration, a whole number and a unit as {@link #parse} reads them ({@code 30d}).
     *
     * @throws IllegalArgumentException naming the text when it is not one
     */
    public static Duration duration(String text) {
        Matcher matcher = DELAY.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a positive duration such as 500ms, 5s,"
                    + " 5m, 2h or 1d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The wait before the next attempt after {@code failed} attempts failed; empty once every retry is used. */
    public Optional<Duration> after(int failed) {
        return failed >= 1 && failed <= delays.size() ? Optional.of(delays.get(failed - 1)) : Optional.empty();
    }

    /** How many attempts a message has: the first, and one after each delay. */
    public int attempts() {
        return delays.size() + 1;
    }
}
