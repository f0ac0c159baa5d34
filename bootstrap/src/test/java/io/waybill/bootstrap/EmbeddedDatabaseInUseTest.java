package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second process on the embedded H2 files, such as an import while serve runs, is told what to do. */
class EmbeddedDatabaseInUseTest {

    @TempDir
    Path directory;

    @Test
    void aSecondProcessOnTheEmbeddedFilesIsToldToStopTheFirstOrUsePostgres() throws Exception {
        TestDatabase database = TestDatabase.h2Files(directory.resolve("data"));
        try (ServiceProcess serve = ServiceProcess.start(database.environment(),
                Files.createTempFile(directory, "serve", ".log"))) {
            assertThatThrownBy(() -> Waybill.start(WaybillConfig.fromEnvironmentWithoutHttp(database.environment())).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("open in another process, such as a running 'waybill serve'")
                    .hasMessageContaining("WAYBILL_DATABASE_URL");
        }
    }
}
