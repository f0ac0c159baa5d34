package io.waybill.adapters.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the connection that {@link PostgresShipmentChanges} listens on: a new one, not one of the pool's, since it is
 * held for as long as it listens.
 */
@FunctionalInterface
interface ListeningConnector {

    Connection connect() throws SQLException;

    /**
     * New connections to the database {@code settings} name, which the server lists under the channel's name, and
     * which fail within seconds when the server stops answering.
     */
    static ListeningConnector to(DatabaseSettings settings, ChangeChannel channel) {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("ApplicationName", "waybill changes " + channel.name());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        return () -> DriverManager.getConnection(settings.jdbcUrl(), properties);
    }
}
