package io.waybill.adapters.persistence;

import static io.waybill.application.contract.StoredShipments.BLUEBOX;
import static io.waybill.application.contract.StoredShipments.REDBOX;
import static io.waybill.application.contract.StoredShipments.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.StoredShipments;
import io.waybill.application.port.out.KeyedIssues.Recorded;
import io.waybill.application.port.out.TrackingSequence.Block;
import io.waybill.domain.Address;
import io.waybill.domain.Article;
import io.waybill.domain.CountryCode;
import io.waybill.domain.EventId;
import io.waybill.domain.IdempotencyKey;
import io.waybill.domain.Location;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.Weight;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.domain.trackingnumber.TrackingNumber;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 database that an earlier Waybill left beside the SQLite file ({@code waybill.mv.db}, made with the URL and the
 * PostgreSQL migrations those versions ran) is moved into SQLite at the first open: every row, read back through the
 * ports as it was, and the tracking sequence where H2 left it. It is moved once, the H2 file is left as it was, and one
 * that cannot be read stops the start without leaving a SQLite file behind.
 */
class LegacyH2DatabaseTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    // The last migration that Waybill ran on H2; those after it (V4, the weather) are SQLite's and PostgreSQL's only.
    private static final String LAST_H2_MIGRATION = "3";
    // What WaybillConfig gave H2 before issue 12.
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static final PermutationKey H2_KEY = PermutationKey.parse("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private static final TrackingNumber ISSUED =
            new TrackingNumberFormat(H2_KEY).issue(CountryCode.of("MY"), new AtomicLong(1_000)::incrementAndGet);
    private static final IdempotencyKey IDEMPOTENCY_KEY = new IdempotencyKey("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final String REQUEST_HASH = sha256("an order for MY to ID of 1.23 kg");
    // Three blocks handed out: 0, 1000 and 2000; H2 returns 3000 next.
    private static final long H2_NEXT_BLOCK = 3_000;

    @TempDir
    Path directory;

    @Test
    void everyRowIsMovedAndReadBackThroughThePorts() throws Exception {
        makeH2Database();
        byte[] h2Before = Files.readAllBytes(h2File());

        try (Persistence persistence = Persistence.open(settings(), CLOCK)) {
            assertThat(persistence.shipments().find(key("TN12345678", "DHL"))).contains(fullShipment());
            assertThat(persistence.shipments().find(ShipmentKey.of(ISSUED))).contains(issuedShipment());
            assertThat(persistence.permutationKeys().storeIfAbsent(new PermutationKey(1, 2))).isEqualTo(H2_KEY);
            Block block = persistence.trackingSequence().reserveBlock();
            assertThat(block.first()).as("no number H2 handed out is handed out again")
                    .isGreaterThanOrEqualTo(H2_NEXT_BLOCK);
            assertThat(persistence.keyedIssues().find(IDEMPOTENCY_KEY)).contains(
                    new Recorded(REQUEST_HASH, ISSUED, Instant.parse("2026-11-30T23:59:59.123456Z")));
        }

        // What no port reads back, as SQLite keeps it (see Engine).
        Map<String, Object> row = TestDatabases.jdbi(settings()).withHandle(handle -> handle.createQuery(
                        "SELECT estimated_delivery, updated_at, public_tracking, version, id FROM shipments"
                                + " WHERE tracking_number = 'TN12345678'")
                .mapToMap()
                .one());
        assertThat(row).containsEntry("estimated_delivery", "2026-11-24")
                .containsEntry("updated_at", micros("2026-11-21T08:20:00.654321Z"))
                .containsEntry("public_tracking", 0)
                .containsEntry("version", 1)
                .containsEntry("id", 7);
        assertThat(h2File()).as("left for the user to delete").exists().hasBinaryContent(h2Before);
        assertThat(directory.resolve("waybill.db.moving")).doesNotExist();
    }

    @Test
    void theDatabaseIsMovedOnceAndLaterOpensKeepWhatWasStoredSince() throws Exception {
        makeH2Database();
        Shipment later = StoredShipments.bare(key("TN87654321", "GLS"), CLOCK.instant());
        Block reserved;
        try (Persistence persistence = Persistence.open(settings(), CLOCK)) {
            persistence.shipments().register(later);
            reserved = persistence.trackingSequence().reserveBlock();
        }

        try (Persistence persistence = Persistence.open(settings(), CLOCK)) {
            assertThat(persistence.shipments().find(later.key())).contains(later);
            assertThat(persistence.shipments().find(key("TN12345678", "DHL"))).contains(fullShipment());
            assertThat(persistence.trackingSequence().reserveBlock().first()).isGreaterThan(reserved.first());
        }
    }

    @Test
    void anUnreadableH2FileStopsTheOpenAndLeavesNoSqliteFile() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(12).nextBytes(garbage);
        Files.write(h2File(), garbage);

        assertThatThrownBy(() -> Persistence.open(settings(), CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(h2File().toString());

        assertThat(directory).as("no SQLite file, not even the unfinished copy (the set-up's lock file aside)")
                .isDirectoryNotContaining(file -> !file.equals(h2File()) && !isLockFile(file));
        assertThat(h2File()).hasBinaryContent(garbage);
    }

    @Test
    void anH2DatabaseOfAVersionNoWaybillOnH2MadeIsNotMoved() throws Exception {
        makeH2Database();
        h2(statement -> statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description,"
                + " type, script, installed_by, execution_time, success) VALUES (99, '4', 'unknown', 'SQL',"
                + " 'V4__unknown.sql', 'sa', 1, TRUE)"));

        assertThatThrownBy(() -> Persistence.open(settings(), CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 4");

        assertThat(directory).isDirectoryNotContaining(
                file -> file.getFileName().toString().startsWith("waybill.db") && !isLockFile(file));
    }

    private static boolean isLockFile(Path file) {
        return file.getFileName().toString().equals("waybill.db.lock");
    }

    private DatabaseSettings settings() {
        return DatabaseSettings.sqlite(directory.resolve("waybill.db"), 4, Duration.ofSeconds(5));
    }

    /** An earlier version run with WAYBILL_DATABASE_SCHEMA kept its tables in that schema, not in PUBLIC. */
    @Test
    void tablesInTheSchemaAnEarlierVersionWasGivenAreMovedToo() throws Exception {
        Flyway.configure()
                .dataSource(h2Url(), "sa", "")
                .locations("classpath:db/postgresql")
                .target(LAST_H2_MIGRATION)
                .schemas("waybill")
                .createSchemas(true)
                .load()
                .migrate();
        h2(statement -> statement.execute("INSERT INTO waybill.shipments (id, tracking_number, carrier, status,"
                + " created_at) VALUES (1, 'TN55555555', 'UPS', 'received', TIMESTAMP WITH TIME ZONE"
                + " '2026-11-20 12:30:00+00')"));

        try (Persistence persistence = Persistence.open(settings(), CLOCK)) {
            assertThat(persistence.shipments().find(key("TN55555555", "UPS"))).get()
                    .satisfies(shipment -> assertThat(shipment.createdAt())
                            .isEqualTo(Instant.parse("2026-11-20T12:30:00Z")));
        }
    }

    private Path h2File() {
        return directory.resolve(LegacyH2Database.H2_FILE);
    }

    // As the earlier versions made and filled it: their migrations, then rows as they wrote them.
    private void makeH2Database() throws Exception {
        Flyway.configure()
                .dataSource(h2Url(), "sa", "")
                .locations("classpath:db/postgresql")
                .target(LAST_H2_MIGRATION)
                .load()
                .migrate();
        h2(statement -> {
            statement.execute("INSERT INTO permutation_key (id, key_hex, created_at) VALUES (1, '" + H2_KEY.toHex()
                    + "', TIMESTAMP WITH TIME ZONE '2025-03-01 08:00:00+08')");
            statement.execute("""
                    INSERT INTO shipments (id, tracking_number, carrier, status, origin_country, destination_country,
                        weight_kg, customer_id, customer_name, customer_slug, order_created_at, order_created_offset,
                        order_created_nano, created_at, version, updated_at, public_tracking, estimated_delivery,
                        sender_id, sender_name, sender_street, sender_zip, sender_city, sender_country, sender_phone,
                        receiver_id, receiver_name, receiver_street, receiver_zip, receiver_city, receiver_country,
                        receiver_phone)
                    VALUES (7, 'TN12345678', 'DHL', 'in_transit', 'TW', 'MY', 1.500,
                        'de619854-b59b-425e-9db4-943979e1bd49', '紅盒物流', 'redbox-logistics',
                        TIMESTAMP WITH TIME ZONE '2026-11-20 11:29:32.123456+00', 28800, 123456789,
                        TIMESTAMP WITH TIME ZONE '2026-11-20 12:30:00+00', 1,
                        TIMESTAMP WITH TIME ZONE '2026-11-21 08:20:00.654321+00', FALSE, DATE '2026-11-24',
                        'S-001', '賴小賴', '台北市中正區忠孝東路100號', '100', '台北市', 'TW', '+886 912 345 678',
                        NULL, 'Ann Lee', NULL, '50450', 'Kuala Lumpur', 'MY', NULL)""");
            statement.execute("""
                    INSERT INTO shipments (id, tracking_number, carrier, status, origin_country, destination_country,
                        weight_kg, customer_id, customer_name, customer_slug, order_created_at, order_created_offset,
                        order_created_nano, created_at)
                    VALUES (8, '%s', 'WAYBILL', 'created', 'MY', 'ID', 1.230,
                        '0b5e0c6e-7f43-4d0e-9a55-1d2f3c4b5a69', 'Bluebox', 'bluebox',
                        TIMESTAMP WITH TIME ZONE '2026-11-30 23:00:00+00', 25200, 0,
                        TIMESTAMP WITH TIME ZONE '2026-11-30 23:59:59.123456+00')""".formatted(ISSUED.value()));
            statement.execute("""
                    INSERT INTO shipment_articles (shipment_id, position, name, quantity, price, sku) VALUES
                        (7, 0, '凍頂烏龍茶 Oolong tea', 2, 12.5000, 'TEA-001'),
                        (7, 1, 'Mug', 1, NULL, NULL),
                        (7, 2, 'Gift card', 3, 0.00, NULL)""");
            statement.execute("""
                    INSERT INTO tracking_events (id, shipment_id, shipment_version, event_id, event_time, event_offset,
                        event_nano, status, carrier_status, location_kind, centre_id, location_title, location_street,
                        location_zip, location_city, location_country, description, recorded_at) VALUES
                        (3, 7, 0, 'ev-1', TIMESTAMP WITH TIME ZONE '2026-11-20 12:00:00+00', 28800, 0, 'received',
                            '已收件', 'centre', '7', '台北轉運中心', '台北市大安區復興南路一段390號', '106', '台北市', 'TW',
                            '包裹已由賴小賴寄出', TIMESTAMP WITH TIME ZONE '2026-11-20 12:30:00+00'),
                        (4, 7, 1, 'ev-2', TIMESTAMP WITH TIME ZONE '2026-11-21 08:15:30.123456+00', -18000, 123456789,
                            'in_transit', 'Departed', 'place', NULL, NULL, NULL, NULL, '香港', 'HK', NULL,
                            TIMESTAMP WITH TIME ZONE '2026-11-21 08:20:00.654321+00')""");
            statement.execute("INSERT INTO idempotency_keys (idempotency_key, request_hash, tracking_number, issued_at)"
                    + " VALUES ('" + IDEMPOTENCY_KEY.value() + "', '" + REQUEST_HASH + "', '" + ISSUED.value()
                    + "', TIMESTAMP WITH TIME ZONE '2026-11-30 23:59:59.123456+00')");
            for (int i = 0; i < 3; i++) {
                statement.execute("SELECT nextval('tracking_sequence')");
            }
        });
    }

    private static Shipment fullShipment() {
        Party sender = new Party(Optional.of("S-001"), Optional.of("賴小賴"),
                new Address(Optional.of("台北市中正區忠孝東路100號"), Optional.of("100"), Optional.of("台北市"),
                        Optional.of(CountryCode.of("TW"))),
                Optional.of(new Phone("+886 912 345 678")));
        Party receiver = new Party(Optional.empty(), Optional.of("Ann Lee"),
                new Address(Optional.empty(), Optional.of("50450"), Optional.of("Kuala Lumpur"),
                        Optional.of(CountryCode.of("MY"))),
                Optional.empty());
        List<Article> articles = List.of(
                new Article("凍頂烏龍茶 Oolong tea", 2, Optional.of(new BigDecimal("12.5")), Optional.of("TEA-001")),
                new Article("Mug", 1, Optional.empty(), Optional.empty()),
                new Article("Gift card", 3, Optional.of(BigDecimal.ZERO), Optional.empty()));
        ShipmentDetails details = new ShipmentDetails(Optional.of(CountryCode.of("TW")),
                Optional.of(CountryCode.of("MY")), Optional.of(Weight.parse("1.5")), Optional.of(REDBOX),
                Optional.of(OrderTime.parse("2026-11-20T19:29:32.123456789+08:00")), Optional.of(sender),
                Optional.of(receiver), articles, false);
        Location centre = new Location.Centre("7", "台北轉運中心",
                new Address(Optional.of("台北市大安區復興南路一段390號"), Optional.of("106"), Optional.of("台北市"),
                        Optional.of(CountryCode.of("TW"))));
        Location place = new Location.Place(
                new Address(Optional.empty(), Optional.empty(), Optional.of("香港"), Optional.of(CountryCode.of("HK"))));
        List<TrackingEvent> events = List.of(
                new TrackingEvent(new EventId("ev-1"), OffsetDateTime.parse("2026-11-20T20:00:00+08:00"),
                        ShipmentStatus.RECEIVED, "已收件", Optional.of(centre), Optional.of("包裹已由賴小賴寄出")),
                new TrackingEvent(new EventId("ev-2"), OffsetDateTime.parse("2026-11-21T03:15:30.123456789-05:00"),
                        ShipmentStatus.IN_TRANSIT, "Departed", Optional.of(place), Optional.empty()));
        return new Shipment(key("TN12345678", "DHL"), details, events, Instant.parse("2026-11-20T12:30:00Z"), 1);
    }

    private static Shipment issuedShipment() {
        ShipmentDetails details = new ShipmentDetails(Optional.of(CountryCode.of("MY")),
                Optional.of(CountryCode.of("ID")), Optional.of(Weight.parse("1.23")), Optional.of(BLUEBOX),
                Optional.of(OrderTime.parse("2026-12-01T06:00:00+07:00")), Optional.empty(), Optional.empty(),
                List.of(), true);
        return new Shipment(ShipmentKey.of(ISSUED), details, List.of(), Instant.parse("2026-11-30T23:59:59.123456Z"),
                0);
    }

    private String h2Url() {
        return "jdbc:h2:file:" + directory.resolve("waybill") + H2_OPTIONS;
    }

    private interface Statements {
        void run(Statement statement) throws Exception;
    }

    private void h2(Statements statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(h2Url(), "sa", "");
                Statement statement = connection.createStatement()) {
            statements.run(statement);
        }
    }

    private static long micros(String instant) {
        return Duration.between(Instant.EPOCH, Instant.parse(instant)).toNanos() / 1_000;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
