package io.waybill.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** The idempotency scenario on the default of {@code serve}: SQLite in a file, which outlives a restart. */
class IdempotentIssueOnSqliteTest extends IdempotentIssueEndToEndContract {

    private Path directory;

    @Override
    protected WaybillConfig backend() throws IOException {
        directory = Files.createTempDirectory("waybill-idempotency-");
        return WaybillConfig.fromEnvironmentWithoutHttp(Map.of("WAYBILL_DATA_DIR", directory.toString()));
    }

    @Override
    protected void cleanUp() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
