package io.waybill.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Times that keep their offset, in three columns: the instant to the microsecond (all that both databases keep;
 * PostgreSQL keeps no offset either), the offset in seconds, and the nanosecond of the second.
 */
final class Times {

    private Times() {}

    /**
     * The instant column's value: truncated, not rounded as the databases would, so that it stays in the same second
     * as the nanosecond column.
     */
    static OffsetDateTime instantColumn(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    static int offsetColumn(OffsetDateTime time) {
        return time.getOffset().getTotalSeconds();
    }

    static int nanoColumn(OffsetDateTime time) {
        return time.getNano();
    }

    /**
     * The time in the instant, offset and nanosecond columns from {@code instantColumn} on; empty when the instant is
     * NULL. Without an offset or nanosecond, the instant column's own ones.
     */
    static Optional<OffsetDateTime> read(ResultSet row, int instantColumn, Engine engine) throws SQLException {
        OffsetDateTime stored = engine.readTime(row, instantColumn);
        if (stored == null) {
            return Optional.empty();
        }
        Integer offset = row.getObject(instantColumn + 1, Integer.class);
        Integer nano = row.getObject(instantColumn + 2, Integer.class);
        OffsetDateTime time = offset == null ? stored : stored.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(offset));
        // Offsets are whole seconds, so the nanosecond of the second is the same in every offset.
        return Optional.of(nano == null ? time : time.withNano(nano));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
