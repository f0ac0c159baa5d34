package io.waybill.adapters.persistence;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.waybill.application.port.out.ClusterJobs;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The times of a cron expression in a time zone, with cron-utils: five fields (minute, hour, day of month, month, day
 * of week; runs on the minute) or six (seconds first), in Spring's dialect, which also takes names ({@code MON},
 * {@code JAN}), {@code L}, {@code W} and {@code #}; day of week 0 and 7 are both Sunday. Times are whole seconds.
 * Across a change to or from daylight saving time, a local time that does not exist is skipped and one that happens
 * twice counts once. Immutable.
 */
final class CronCalendar implements ClusterJobs.Calendar {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;

    private CronCalendar(String expression, ZoneId zone, ExecutionTime times) {
        this.expression = expression;
        this.zone = zone;
        this.times = times;
    }

    /** @throws IllegalArgumentException when {@code expression} is not a cron expression of five or six fields */
    static CronCalendar parse(String expression, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        String trimmed = expression.trim();
        int fields = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        if (fields != 5 && fields != 6) {
            throw new IllegalArgumentException("a cron expression has five fields (minute first) or six (seconds first); \""
                    + expression + "\" has " + fields);
        }
        ExecutionTime times;
        try {
            Cron cron = PARSER.parse(fields == 5 ? "0 " + trimmed : trimmed).validate();
            times = ExecutionTime.forCron(cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + expression + "\" is not a cron expression: " + e.getMessage(), e);
        }
        if (times.nextExecution(ZonedDateTime.now(zone)).isEmpty()) {
            throw new IllegalArgumentException("the cron expression \"" + expression + "\" names no time to come");
        }
        return new CronCalendar(trimmed, zone, times);
    }

    @Override
    public Optional<Instant> next(Instant time) {
        return times.nextExecution(local(time)).map(ZonedDateTime::toInstant);
    }

    @Override
    public Optional<Instant> latest(Instant time) {
        ZonedDateTime second = local(time);
        return times.isMatch(second) ? Optional.of(second.toInstant())
                : times.lastExecution(second).map(ZonedDateTime::toInstant);
    }

    private ZonedDateTime local(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronCalendar calendar && calendar.expression.equals(expression)
                && calendar.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expression, zone);
    }

    @Override
    public String toString() {
        return "cron \"" + expression + "\" in " + zone;
    }
}
