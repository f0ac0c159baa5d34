package io.waybill.adapters.persistence;

class SqliteWeatherStoreTest extends WeatherStoreContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.sqlite();
    }
}
