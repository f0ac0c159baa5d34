package io.waybill.adapters.persistence;

class PostgresWebhookStoreTest extends WebhookStoreContract {

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.postgres();
    }
}
