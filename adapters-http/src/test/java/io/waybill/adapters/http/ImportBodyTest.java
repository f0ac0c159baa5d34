package io.waybill.adapters.http;

import static io.waybill.adapters.http.ImportShipmentsTest.HEADER;
import static io.waybill.adapters.http.ImportShipmentsTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.in.ImportShipmentsUseCase.Line;
import io.waybill.application.port.in.ImportShipmentsUseCase.Row;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportBodyTest {

    private static final String FILE = HEADER + row("TN10000001") + row("TN10000002") + row("TN10000003");

    @TempDir
    Path directory;

    @Test
    void aStreamedBodyIsReadOnce() {
        try (ImportBody body = ImportBody.streamed(bytes(FILE))) {
            assertThat(numbers(body.lines())).containsExactly("TN10000001", "TN10000002", "TN10000003");
            assertThatThrownBy(body::lines).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aSpooledBodyIsReadAgainFromAFileThatIsDeletedOnClose() throws IOException {
        try (ImportBody body = ImportBody.spooled(bytes(FILE), 10_000, directory)) {
            List<String> first = numbers(body.lines());
            assertThat(spooled()).hasSize(1);

            assertThat(numbers(body.lines())).isEqualTo(first).hasSize(3);
            assertThat(numbers(body.lines())).isEqualTo(first);
            assertThat(spooled()).singleElement().satisfies(file ->
                    assertThat(Files.readString(file)).isEqualTo(FILE));
        }
        assertThat(spooled()).isEmpty();
    }

    @Test
    void aReadingLeftUnfinishedIsCopiedToItsEndBeforeTheNext() {
        try (ImportBody body = ImportBody.spooled(bytes(FILE), 10_000, directory)) {
            try (Stream<Line> lines = body.lines()) {
                assertThat(lines.findFirst()).isPresent();
            }

            assertThat(numbers(body.lines())).containsExactly("TN10000001", "TN10000002", "TN10000003");
        }
        assertThat(spooled()).isEmpty();
    }

    @Test
    void aSpooledBodyOverItsBoundFailsAndLeavesNothing() {
        try (ImportBody body = ImportBody.spooled(bytes(FILE), FILE.length() - 1, directory)) {
            assertThatThrownBy(() -> numbers(body.lines())).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(ImportBody.TooLargeException.class);
        }
        assertThat(spooled()).isEmpty();
    }

    @Test
    void aBodyWithABadHeaderFailsBeforeAnyLineAndLeavesNothing() {
        try (ImportBody body = ImportBody.spooled(bytes("not,a,header\n"), 10_000, directory)) {
            assertThatThrownBy(body::lines).isInstanceOf(ShipmentCsv.FormatException.class);
        }
        assertThat(spooled()).isEmpty();
    }

    @Test
    void aRequestThatBreaksOffFailsWithBrokenOffWhateverItThrows() {
        for (RuntimeException failure : List.of(new UncheckedIOException(new IOException("early EOF")),
                new IllegalStateException("bad chunk"))) {
            try (ImportBody body = ImportBody.spooled(breakingAfter(FILE.length() - 10, failure), 10_000, directory)) {
                assertThatThrownBy(() -> numbers(body.lines())).isInstanceOf(UncheckedIOException.class)
                        .hasCauseInstanceOf(ImportBody.BrokenOffException.class);
            }
            assertThat(spooled()).isEmpty();
        }
    }

    private List<Path> spooled() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("waybill-import-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> numbers(Stream<Line> lines) {
        try (lines) {
            return lines.map(line -> ((Row) line).trackingNumber()).toList();
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first {@code length} bytes of {@link #FILE}, then {@code failure}, unwrapped if it carries an IOException. */
    private static InputStream breakingAfter(int length, RuntimeException failure) {
        byte[] bytes = FILE.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position == length) {
                    if (failure instanceof UncheckedIOException unchecked) {
                        throw unchecked.getCause();
                    }
                    throw failure;
                }
                return bytes[position++] & 0xff;
            }
        };
    }
}
