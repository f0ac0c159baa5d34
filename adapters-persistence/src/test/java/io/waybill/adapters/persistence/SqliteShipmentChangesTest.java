package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.application.contract.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract on SQLite, where each transaction that changes shipments writes a row of {@code shipment_changes}
 * and every instance reads the rows after the last one it read. Two instances opened on one file stand for two
 * processes. Rows are deleted a minute after they were written; a reader from which rows were deleted unread says that
 * it may have missed changes.
 */
class SqliteShipmentChangesTest extends ShipmentChangesContract {

    private static final String THIRD_ORIGIN = "0123456789abcdef";

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.sqlite();
    }

    @Test
    void aReaderHearsOnlyWhatIsWrittenAfterItBegan() throws Exception {
        DatabaseSettings file = database();
        Persistence writer = open(file);
        Shipment before = register(writer);
        Heard heard = listen(open(file));

        Shipment after = register(writer);

        heard.waitFor(number(after));
        assertThat(heard.numbers()).doesNotContain(number(before)).containsExactly(number(after));
    }

    @Test
    void rowsDeletedBeforeTheReaderReadThemAreReportedAsPossiblyMissed() throws Exception {
        DatabaseSettings file = database();
        Persistence writer = open(file);
        Heard heard = listen(open(file));
        Shipment first = register(writer);
        heard.waitFor(number(first));
        assertThat(heard.missed()).as("rows read in turn leave no gap").isEqualTo(1);

        // Another process's row, deleted in the transaction that wrote it: no reader can have read it.
        TestDatabases.jdbi(file).useTransaction(handle -> {
            handle.createUpdate("INSERT INTO shipment_changes (notice, changed_at) VALUES (:notice, 0)")
                    .bind("notice", THIRD_ORIGIN + " UNREAD0001")
                    .execute();
            handle.execute("DELETE FROM shipment_changes WHERE notice = ?", THIRD_ORIGIN + " UNREAD0001");
        });
        Shipment after = register(writer);

        heard.waitFor(number(after));
        assertThat(heard.missed()).as("told of the gap before the change after it").isEqualTo(2);
        assertThat(heard.numbers()).containsExactly(number(first), number(after));
    }

    @Test
    void theNextWriteAMinuteLaterDeletesTheRowsOlderThanAMinute() throws Exception {
        DatabaseSettings file = database();
        Instant start = CLOCK.instant();
        MovableClock clock = new MovableClock(start);
        Persistence writer = open(file, clock);
        Heard heard = listen(open(file));

        Shipment first = register(writer);
        heard.waitFor(number(first));
        clock.set(start.plusSeconds(30));
        Shipment second = register(writer);
        heard.waitFor(number(second));
        assertThat(changeRows(file)).as("all kept within the minute").containsExactly(
                new ChangeRow(Set.of(number(first)), micros(start)),
                new ChangeRow(Set.of(number(second)), micros(start.plusSeconds(30))));

        clock.set(start.plusSeconds(61));
        Shipment third = register(writer);
        heard.waitFor(number(third));

        assertThat(changeRows(file)).containsExactly(
                new ChangeRow(Set.of(number(second)), micros(start.plusSeconds(30))),
                new ChangeRow(Set.of(number(third)), micros(start.plusSeconds(61))));
        assertThat(heard.numbers()).containsExactly(number(first), number(second), number(third));
        assertThat(heard.missed()).as("the rows deleted had been read").isEqualTo(1);
    }

    /** A row of {@code shipment_changes}: the numbers of its notice, and when it was written. */
    private record ChangeRow(Set<CarrierTrackingNumber> numbers, long changedAtMicros) {}

    private static List<ChangeRow> changeRows(DatabaseSettings file) {
        return TestDatabases.jdbi(file).withHandle(handle -> handle.createQuery(
                        "SELECT notice, changed_at FROM shipment_changes ORDER BY id")
                .map((row, context) -> new ChangeRow(
                        ChangeNotices.parse(row.getString(1)).orElseThrow().numbers(), row.getLong(2)))
                .list());
    }

    private static long micros(Instant instant) {
        return Duration.between(Instant.EPOCH, instant).toNanos() / 1_000;
    }
}
