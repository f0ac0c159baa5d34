package io.waybill.domain.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a webhook message is attempted: the first delay after the message is recorded, each next one after the attempt
 * before it failed. There are as many attempts as delays; a message that fails them all disables its subscription.
 * Immutable.
 */
public record RetrySchedule(List<Duration> delays) {

    private static final Pattern DELAY = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    /** The Standard Webhooks specification's: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h. */
    public static final RetrySchedule STANDARD = parse("0s,5s,5m,30m,2h,5h,10h,14h,20h,24h");

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule has at least one delay");
        }
        for (Duration delay : delays) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a retry delay must not be negative; got " + delay);
            }
        }
    }

    /**
     * Comma-separated delays, each a whole number and a unit: {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}
     * ({@code 0s,5s,5m}).
     *
     * @throws IllegalArgumentException naming the first delay that is not one
     */
    public static RetrySchedule parse(String text) {
        List<Duration> delays = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher matcher = DELAY.matcher(part.strip().toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a delay such as 500ms, 5s, 5m, 2h"
                        + " or 1d");
            }
            long amount = Long.parseLong(matcher.group(1));
            delays.add(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return new RetrySchedule(delays);
    }

    /** The wait before the first attempt. */
    public Duration first() {
        return delays.get(0);
    }

    /** The wait before the next attempt after {@code failed} attempts failed; empty once every attempt is used. */
    public Optional<Duration> after(int failed) {
        return failed < delays.size() ? Optional.of(delays.get(failed)) : Optional.empty();
    }
}
