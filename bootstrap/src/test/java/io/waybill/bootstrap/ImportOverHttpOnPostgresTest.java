package io.waybill.bootstrap;

/** {@link ImportOverHttpTest} on PostgreSQL, in a schema of its own; skipped without it locally, failed under CI. */
class ImportOverHttpOnPostgresTest extends ImportOverHttpTest {

    private TestDatabase database;

    @Override
    WaybillConfig backend() {
        database = TestDatabase.postgres();
        return WaybillConfig.fromEnvironment(database.environment());
    }

    @Override
    void cleanUp() throws Exception {
        database.close();
    }
}
