package io.waybill.adapters.persistence;

class PostgresWeatherStoreTest extends WeatherStoreContract {

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.postgres();
    }
}
