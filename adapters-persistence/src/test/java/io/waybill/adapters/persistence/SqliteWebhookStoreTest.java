package io.waybill.adapters.persistence;

class SqliteWebhookStoreTest extends WebhookStoreContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.sqlite();
    }
}
