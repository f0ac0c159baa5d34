package io.waybill.adapters.http;

import static io.waybill.adapters.http.ImportShipmentsTest.HEADER;
import static io.waybill.adapters.http.ImportShipmentsTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ImportBodyTest {

    private static final String FILE = HEADER + row("TN10000001") + row("TN10000002") + row("TN10000003");

    @Test
    void aBodyIsTheRequestsBytesAndClosingItLeavesTheRequestToTheServer() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream request = new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        try (ImportBody body = ImportBody.streamed(request)) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(FILE);
        }
        assertThat(closed).isFalse();
    }

    @Test
    void aBoundedBodyUpToItsBoundIsReadWhole() throws IOException {
        try (ImportBody body = ImportBody.bounded(bytes(FILE), FILE.length())) {
            assertThat(body.readAllBytes()).hasSize(FILE.length());
        }
    }

    @Test
    void aBoundedBodyOverItsBoundFails() {
        try (ImportBody body = ImportBody.bounded(bytes(FILE), FILE.length() - 1)) {
            assertThatThrownBy(body::readAllBytes).isInstanceOf(ImportBody.TooLargeException.class)
                    .hasMessage("the body is larger than " + (FILE.length() - 1) + " bytes");
        }
    }

    @Test
    void aRequestThatBreaksOffFailsWithBrokenOffWhateverItThrows() {
        for (RuntimeException failure : List.of(new UncheckedIOException(new IOException("early EOF")),
                new IllegalStateException("bad chunk"))) {
            try (ImportBody body = ImportBody.bounded(breakingAfter(FILE.length() - 10, failure), 10_000)) {
                assertThatThrownBy(body::readAllBytes).isInstanceOf(ImportBody.BrokenOffException.class);
            }
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
