package io.waybill.bootstrap;

/** {@link ImportEndToEndTest} on PostgreSQL, in a schema of its own; skipped without it locally, failed under CI. */
class ImportOnPostgresTest extends ImportEndToEndTest {

    private TestDatabase database;

    @Override
    WaybillConfig backend() {
        database = TestDatabase.postgres();
        return WaybillConfig.fromEnvironmentWithoutHttp(database.environment());
    }

    @Override
    void cleanUp() throws Exception {
        database.close();
    }
}
