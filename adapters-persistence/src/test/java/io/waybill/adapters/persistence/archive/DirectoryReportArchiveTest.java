package io.waybill.adapters.persistence.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.out.ReportArchiveUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report archive in a directory, on this machine's file system; the directory does not exist beforehand. */
class DirectoryReportArchiveTest extends ReportArchiveContract {

    @TempDir
    Path temporary;

    Path directory;

    @Override
    ReportArchives.Archive newArchive() {
        directory = temporary.resolve("reports/2026");
        return ReportArchives.open(ReportArchives.parse(directory.toString()), Optional.empty());
    }

    @Override
    byte[] stored(String name) throws IOException {
        return Files.readAllBytes(directory.resolve(name));
    }

    /** Every file in the directory, hidden ones too: no temporary file may be left behind. */
    @Override
    List<String> names() throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    @Test
    void theDirectoryAndItsParentsAreMadeOnTheFirstReport() {
        assertThat(temporary.resolve("reports")).doesNotExist();

        archive.put(NAME, json("{}"));

        assertThat(directory).isDirectory();
    }

    @Test
    void theLocationIsTheAbsolutePathOfTheFile() {
        Path relative = Path.of("target", "reports");
        try (ReportArchives.Archive here = ReportArchives.open(new ReportArchives.Store.Directory(relative),
                Optional.empty())) {
            assertThat(here.locationOf(NAME)).isEqualTo(relative.toAbsolutePath().resolve(NAME).toString());
        }
        assertThat(archive.locationOf(NAME)).isEqualTo(directory.resolve(NAME).toString());
    }

    @Test
    void theReportIsReadableByOthers() throws IOException {
        archive.put(NAME, json("{}"));

        // the process's umask decides, as for any file it makes; a temporary file's owner-only 0600 would not do
        assertThat(Files.getPosixFilePermissions(directory.resolve(NAME)))
                .isEqualTo(Files.getPosixFilePermissions(Files.createFile(temporary.resolve("plain.json"))));
    }

    @Test
    void aFileWhereTheDirectoryShouldBeMakesTheArchiveUnavailable() throws IOException {
        Files.createDirectories(directory.getParent());
        Files.writeString(directory, "not a directory");

        assertThatThrownBy(() -> archive.put(NAME, json("{}")))
                .isInstanceOf(ReportArchiveUnavailableException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining("exists and is not a directory");
        assertThat(Files.readString(directory)).isEqualTo("not a directory");
    }

    @Test
    void aFileWhereAParentDirectoryShouldBeMakesTheArchiveUnavailable() throws IOException {
        Files.writeString(temporary.resolve("reports"), "not a directory");

        assertThatThrownBy(() -> archive.put(NAME, json("{}")))
                .isInstanceOf(ReportArchiveUnavailableException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining(temporary.resolve("reports").toString());
    }

    @Test
    void aDirectoryWhereTheReportShouldBeMakesTheArchiveUnavailableAndLeavesNoTemporaryFile() throws IOException {
        Files.createDirectories(directory.resolve(NAME).resolve("inside"));

        assertThatThrownBy(() -> archive.put(NAME, json("{}")))
                .isInstanceOf(ReportArchiveUnavailableException.class)
                .hasMessageContaining(directory.resolve(NAME).toString());
        assertThat(names()).containsExactly(NAME);
        assertThat(directory.resolve(NAME).resolve("inside")).isDirectory();
    }
}
