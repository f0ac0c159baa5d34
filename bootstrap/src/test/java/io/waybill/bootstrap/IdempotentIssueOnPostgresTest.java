package io.waybill.bootstrap;

/**
 * The idempotency scenario on PostgreSQL, in a schema of its own, dropped afterwards. Skipped without PostgreSQL on a
 * developer's machine, failed under CI.
 */
class IdempotentIssueOnPostgresTest extends IdempotentIssueEndToEndContract {

    private TestDatabase database;

    @Override
    protected WaybillConfig backend() {
        database = TestDatabase.postgres();
        return WaybillConfig.fromEnvironmentWithoutHttp(database.environment());
    }

    @Override
    protected void cleanUp() throws Exception {
        if (database != null) {
            database.close();
        }
    }
}
