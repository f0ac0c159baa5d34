package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.domain.Shipment;
import org.junit.jupiter.api.Test;

/**
 * The contract on PostgreSQL, where changes travel by {@code NOTIFY} on a channel per schema: instances on other
 * schemas of the same database never hear them, and a listener that loses its connection says so once it listens
 * again.
 */
class PostgresShipmentChangesTest extends ShipmentChangesContract {

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.postgres();
    }

    @Test
    void aSchemaHearsOnlyTheChangesMadeInIt() throws Exception {
        DatabaseSettings first = database();
        DatabaseSettings second = database();
        Persistence writerInFirst = open(first);
        Persistence writerInSecond = open(second);
        Heard heardInSecond = listen(open(second));

        register(writerInFirst);
        Shipment inSecond = register(writerInSecond);

        heardInSecond.waitFor(number(inSecond));
        assertThat(heardInSecond.numbers()).containsExactly(number(inSecond));
    }

    @Test
    void aLostConnectionIsReportedOnceListeningAgainAndReportsResume() throws Exception {
        DatabaseSettings schema = database();
        Persistence writer = open(schema);
        Heard heard = listen(open(schema));
        int missedAtStart = heard.missed();

        assertThat(terminateListeners(schema)).isEqualTo(1);

        until("the listener reconnects and says it may have missed changes", () -> heard.missed() > missedAtStart);
        Shipment registered = register(writer);
        heard.waitFor(number(registered));
    }

    private static int terminateListeners(DatabaseSettings settings) {
        return TestDatabases.jdbi(settings).withHandle(handle -> handle.createQuery(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")
                .bind(0, "waybill changes " + ChangeChannel.nameFor(settings.schema().orElseThrow()))
                .mapTo(Integer.class)
                .one());
    }
}
