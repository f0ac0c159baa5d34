package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.in.FindShipmentUseCase;
import io.waybill.application.port.in.ListShipmentsUseCase;
import io.waybill.domain.Shipment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code waybill fake} and {@code waybill import} as a user runs them, each in a process of its own, on the embedded
 * SQLite file: a generated file imports whole, twice; generated shipments go straight into the database.
 */
class FakeAndImportCommandsTest {

    @TempDir
    Path directory;

    @Test
    void aGeneratedFileImportsWholeAndAgainUnchanged() throws Exception {
        Map<String, String> environment = TestDatabase.sqliteFile(directory.resolve("data")).environment();
        Path file = directory.resolve("fake.csv");

        CommandProcess fake = CommandProcess.run(environment, directory, "fake", "--count", "1200", "--csv",
                file.toString(), "--seed", "3", "--quiet");

        assertThat(fake.exitStatus()).as(fake.err()).isZero();
        long rows = Files.lines(file, StandardCharsets.UTF_8).count() - 1;
        assertThat(fake.out()).contains("1,200 shipments, " + String.format("%,d", rows) + " rows");
        assertThat(CommandProcess.run(environment, directory, "fake", "--count", "1200", "--csv", "-", "--seed", "3")
                .out()).as("the same seed, the same file").isEqualTo(Files.readString(file, StandardCharsets.UTF_8));

        CommandProcess first = CommandProcess.run(environment, directory, "import", file.toString(), "--quiet");

        assertThat(first.exitStatus()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains(String.format("%,d lines; shipments: 1,200 created, 0 updated, 0 unchanged,"
                + " 0 rejected", rows));

        CommandProcess again = CommandProcess.run(environment, directory, "import", file.toString());

        assertThat(again.exitStatus()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("shipments: 0 created, 0 updated, 1,200 unchanged, 0 rejected");
        assertThat(again.err()).as("progress lines when standard error is not a terminal").contains("lines, ")
                .as("an import serves no HTTP, so it needs no API key").doesNotContain("WAYBILL_API_KEYS");
    }

    @Test
    void generatedShipmentsGoStraightIntoTheDatabase() throws Exception {
        TestDatabase database = TestDatabase.sqliteFile(directory.resolve("data"));

        CommandProcess fake = CommandProcess.run(database.environment(), directory, "fake", "--count", "600",
                "--seed", "11");
        CommandProcess again = CommandProcess.run(database.environment(), directory, "fake", "--count", "700",
                "--seed", "11", "--quiet");

        assertThat(fake.exitStatus()).as(fake.err()).isZero();
        assertThat(fake.out()).contains("600 shipments created in ");
        assertThat(again.out()).contains("100 shipments created, 600 existed already (same seed)");
        try (Waybill waybill = Waybill.start(WaybillConfig.fromEnvironmentWithoutHttp(database.environment()))) {
            List<Shipment> listed = waybill.listShipments(new ListShipmentsUseCase.Query(
                    ListShipmentsUseCase.Filter.NONE, Optional.empty(), 100)).shipments().stream()
                    .map(summary -> waybill.findShipment(new FindShipmentUseCase.Query(summary.key().number(),
                            Optional.of(summary.key().carrier()), FindShipmentUseCase.Audience.STAFF)).orElseThrow())
                    .toList();
            assertThat(listed).hasSize(100).allSatisfy(shipment -> {
                assertThat(shipment.events()).hasSizeGreaterThanOrEqualTo(3);
                assertThat(shipment.details().articles()).isNotEmpty();
                assertThat(shipment.details().receiver()).isPresent();
            });
        }
    }

    @Test
    void aCountBelowOneIsRefused() throws Exception {
        CommandProcess fake = CommandProcess.run(Map.of(), directory, "fake", "--count", "0", "--csv", "-");

        assertThat(fake.exitStatus()).isEqualTo(2);
        assertThat(fake.err()).contains("--count must be at least 1; got 0");
    }
}
