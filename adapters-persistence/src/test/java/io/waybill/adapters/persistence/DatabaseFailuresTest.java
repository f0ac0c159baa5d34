package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** Failures told by their types and SQLSTATEs, whatever the drivers' messages hold. */
class DatabaseFailuresTest {

    private static final String ROW = "Batch entry 0 INSERT INTO shipments (customer_name, sender_phone) VALUES"
            + " (('Zelda Quaxley'), ('0987654321')) was aborted";

    @Test
    void tellsTheTypesAndStatesOfTheChainAndItsNextExceptions() {
        BatchUpdateException batch = new BatchUpdateException(ROW, "23514", 0, new int[0], null);
        batch.setNextException(new SQLException("Detail: Failing row contains (Zelda Quaxley, 0987654321)", "23514"));
        RuntimeException jdbi = new UnableToExecuteStatementException(batch, null);

        assertThat(DatabaseFailures.describe(jdbi)).isEqualTo("UnableToExecuteStatementException"
                + " <- BatchUpdateException [SQLSTATE 23514: integrity constraint violation]"
                + " <- SQLException [SQLSTATE 23514: integrity constraint violation]");
        assertThat(CapturedLogs.render(DatabaseFailures.redacted(jdbi)))
                .contains("BatchUpdateException [SQLSTATE 23514", "at ")
                .doesNotContain("Zelda", "0987654321", "INSERT", "Failing row");
    }

    @Test
    void endsOnACyclicChain() {
        SQLException first = new SQLException("first Zelda", "08006");
        SQLException second = new SQLException("second Zelda", "08006", first);
        first.initCause(second);
        first.setNextException(second);

        assertThat(DatabaseFailures.describe(first))
                .isEqualTo("SQLException [SQLSTATE 08006: connection exception] <- SQLException [SQLSTATE 08006:"
                        + " connection exception]");
        assertThat(CapturedLogs.render(DatabaseFailures.redacted(first))).doesNotContain("Zelda");
    }
}
