package io.waybill.adapters.persistence.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every report archive does, checked against the real storage: the bytes stored are the bytes given, a second
 * report of a name replaces the first whole, and {@code put} returns the {@code locationOf} the name. Subclasses say
 * which storage, and read what it holds past the archive.
 */
abstract class ReportArchiveContract {

    static final String NAME = "report@2026-12-06T08:00:00Z.json";

    ReportArchives.Archive archive;

    /** A new, empty archive for one test. */
    abstract ReportArchives.Archive newArchive() throws Exception;

    /** The bytes the storage holds under {@code name}, read without the archive. */
    abstract byte[] stored(String name) throws Exception;

    /** Every name the storage holds in the archive's place, read without the archive. */
    abstract List<String> names() throws Exception;

    @BeforeEach
    void openArchive() throws Exception {
        archive = newArchive();
    }

    @AfterEach
    void closeArchive() {
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    void aReportIsStoredExactlyAsGiven() throws Exception {
        byte[] document = json("{\"slot\":\"2026-12-06T08:00:00Z\",\"city\":\"Zürich\",\"counts\":[1,2,3]}");

        archive.put(NAME, document);

        assertThat(stored(NAME)).isEqualTo(document);
        assertThat(names()).containsExactly(NAME);
    }

    @Test
    void storingAReportAgainReplacesItWhole() throws Exception {
        archive.put(NAME, json("{\"version\":1,\"padding\":\"" + "x".repeat(10_000) + "\"}"));

        byte[] shorter = json("{\"version\":2}");
        archive.put(NAME, shorter);

        assertThat(stored(NAME)).isEqualTo(shorter);
        assertThat(names()).containsExactly(NAME);
    }

    @Test
    void putReturnsTheLocationOfTheName() {
        String location = archive.locationOf(NAME);

        assertThat(archive.put(NAME, json("{}"))).isEqualTo(location);
        assertThat(location).endsWith("/" + NAME);
    }

    @Test
    void reportsOfDifferentSlotsAreKeptSideBySide() throws Exception {
        String morning = "report@2026-12-06T08:00:00Z.json";
        String evening = "report@2026-12-06T20:00:00Z.json";

        archive.put(morning, json("{\"slot\":\"morning\"}"));
        archive.put(evening, json("{\"slot\":\"evening\"}"));

        assertThat(names()).containsExactlyInAnyOrder(morning, evening);
        assertThat(stored(morning)).isEqualTo(json("{\"slot\":\"morning\"}"));
        assertThat(stored(evening)).isEqualTo(json("{\"slot\":\"evening\"}"));
    }

    @Test
    void anEmptyDocumentIsStoredEmpty() throws Exception {
        archive.put(NAME, new byte[0]);

        assertThat(stored(NAME)).isEmpty();
    }

    @Test
    void aNameIsAPlainFileName() throws Exception {
        for (String name : new String[] {"", ".", "..", "../report.json", "reports/report.json", "a\\b.json"}) {
            assertThatThrownBy(() -> archive.put(name, json("{}")))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("plain file name");
            assertThatThrownBy(() -> archive.locationOf(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(names()).isEmpty();
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
