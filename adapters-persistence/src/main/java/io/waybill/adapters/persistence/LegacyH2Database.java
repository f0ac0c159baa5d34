package io.waybill.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the H2 database that Waybill kept until issue 12 ({@code waybill.mv.db}) into SQLite, once: when a SQLite
 * database is opened whose file does not exist yet, and an H2 database lies beside it. Every row is copied, with the
 * tracking sequence where H2 left it, so that no number is issued twice; the copy is made in a file of its own and
 * renamed into place only when whole, so an interrupted move is made again at the next start. The H2 file stays as it
 * was, for the user to delete.
 */
final class LegacyH2Database {

    static final String H2_FILE = "waybill.mv.db";

    private static final Logger LOG = LoggerFactory.getLogger(LegacyH2Database.class);
    // The options the H2 database was made with (WaybillConfig before issue 12); read-only, so nothing changes there.
    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;ACCESS_MODE_DATA=r";
    // In the order foreign keys allow; the migrations H2 had (V1 to V3) made them all.
    private static final List<String> TABLES =
            List.of("permutation_key", "shipments", "shipment_articles", "tracking_events", "idempotency_keys");
    private static final int LAST_H2_VERSION = 3;

    private LegacyH2Database() {}

    /**
     * Moves an H2 database beside the SQLite file of {@code settings} into it, if there is one and the SQLite file
     * does not exist yet.
     *
     * @throws IllegalStateException when the H2 database cannot be read or is of a version this one does not know;
     *     nothing is changed then
     */
    static void moveIfPresent(DatabaseSettings settings) {
        if (settings.engine() != Engine.SQLITE) {
            return;
        }
        Path sqlite = Path.of(DatabaseSettings.sqliteFile(settings.jdbcUrl())).toAbsolutePath();
        Path h2 = sqlite.resolveSibling(H2_FILE);
        if (Files.exists(sqlite) || !Files.exists(h2)) {
            return;
        }
        Path moving = sqlite.resolveSibling(sqlite.getFileName() + ".moving");
        LOG.info("Moving the H2 database {} of an earlier Waybill into SQLite ({}); the H2 file stays as it is", h2,
                sqlite);
        boolean moved = false;
        try {
            deleteWithJournal(moving);
            DatabaseSettings target = DatabaseSettings.sqlite(moving, settings.poolSize(), settings.commitTimeout());
            SchemaMigration.migrate(target);
            long rows = copy(h2, target);
            Files.move(moving, sqlite, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            LOG.info("Moved {} rows from {} into {}", rows, h2, sqlite);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not move the H2 database " + h2 + " into SQLite: "
                    + DatabaseFailures.describe(e) + "; nothing was changed. Stop any process using it and start"
                    + " again, or move it aside to start with an empty database", DatabaseFailures.redacted(e));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the H2 database " + h2 + " into SQLite", e);
        } finally {
            if (!moved) {
                deleteLeftOver(moving);
            }
        }
    }

    // A copy that failed is not left beside the H2 file: nothing is changed when a move fails.
    private static void deleteLeftOver(Path moving) {
        try {
            deleteWithJournal(moving);
        } catch (IOException e) {
            LOG.warn("Could not delete the unfinished copy {}: {}", moving, e.toString());
        }
    }

    private static long copy(Path h2, DatabaseSettings target) throws SQLException {
        String h2Url = "jdbc:h2:file:" + h2.resolveSibling("waybill") + H2_OPTIONS;
        try (Connection from = DriverManager.getConnection(h2Url, "sa", "");
                Connection to = DriverManager.getConnection(target.jdbcUrl(), PoolConfiguration.sqlite().toProperties())) {
            from.setSchema(waybillSchema(from, h2));
            int version = schemaVersion(from);
            if (version > LAST_H2_VERSION) {
                throw new IllegalStateException("The H2 database " + h2 + " is at schema version " + version
                        + ", which no Waybill on H2 made; it was not moved");
            }
            to.setAutoCommit(false);
            long rows = 0;
            for (String table : TABLES) {
                rows += copyTable(from, to, table);
            }
            try (PreparedStatement sequence =
                    to.prepareStatement("UPDATE tracking_sequence SET next_block = ? WHERE id = 1")) {
                sequence.setLong(1, nextBlock(from));
                sequence.executeUpdate();
            }
            to.commit();
            return rows;
        }
    }

    // PUBLIC, unless WAYBILL_DATABASE_SCHEMA named another: the one schema that holds Waybill's tables.
    private static String waybillSchema(Connection h2, Path file) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement statement = h2.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_schema FROM information_schema.tables"
                        + " WHERE table_name = 'shipments' ORDER BY table_schema")) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        if (schemas.size() != 1) {
            throw new IllegalStateException("The H2 database " + file + " holds Waybill's tables in "
                    + (schemas.isEmpty() ? "no schema" : "the schemas " + schemas + ", not in one")
                    + "; it was not moved");
        }
        return schemas.get(0);
    }

    private static int schemaVersion(Connection h2) throws SQLException {
        try (Statement statement = h2.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT max(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            row.next();
            return row.getInt(1);
        }
    }

    // The value H2's sequence returns next (it writes it ahead of the values it hands out), which begins a block
    // (INCREMENT BY the block size).
    private static long nextBlock(Connection h2) throws SQLException {
        try (Statement statement = h2.createStatement();
                ResultSet row = statement.executeQuery("SELECT base_value FROM information_schema.sequences"
                        + " WHERE sequence_name = 'tracking_sequence'")) {
            if (!row.next()) {
                throw new SQLException("the H2 database has no tracking_sequence");
            }
            return row.getLong(1);
        }
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        long rows = 0;
        try (Statement select = from.createStatement(); ResultSet source = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = source.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
            try (PreparedStatement target = to.prepareStatement(insert)) {
                while (source.next()) {
                    for (int i = 1; i <= names.size(); i++) {
                        bind(target, i, source, i, columns.getColumnType(i), columns.getColumnTypeName(i));
                    }
                    target.addBatch();
                    if (++rows % 1_000 == 0) {
                        target.executeBatch();
                    }
                }
                target.executeBatch();
            }
        }
        return rows;
    }

    // Each H2 value as SQLite keeps it (see Engine): times as microseconds, UUIDs and dates as text, decimals exact.
    private static void bind(PreparedStatement target, int index, ResultSet source, int column, int type,
            String typeName) throws SQLException {
        Object value = source.getObject(column);
        if (value == null) {
            target.setNull(index, Types.NULL);
        } else if (type == Types.TIMESTAMP_WITH_TIMEZONE) {
            Engine.SQLITE.setTime(target, index, source.getObject(column, OffsetDateTime.class));
        } else if ("UUID".equalsIgnoreCase(typeName)) {
            Engine.SQLITE.setUuid(target, index, source.getObject(column, UUID.class));
        } else if (type == Types.DATE) {
            Engine.SQLITE.setDate(target, index, source.getObject(column, LocalDate.class));
        } else if (type == Types.NUMERIC || type == Types.DECIMAL) {
            target.setBigDecimal(index, source.getObject(column, BigDecimal.class));
        } else if (type == Types.BOOLEAN) {
            target.setInt(index, source.getBoolean(column) ? 1 : 0);
        } else if (type == Types.CHAR) {
            target.setString(index, source.getString(column).stripTrailing()); // H2 pads CHAR(n)
        } else {
            target.setObject(index, value);
        }
    }

    private static void deleteWithJournal(Path file) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }
}
