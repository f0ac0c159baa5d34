package io.waybill.adapters.persistence.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code WAYBILL_REPORT_STORE} read into a directory or a bucket and prefix. */
class ReportArchivesTest {

    @Test
    void aBucketAlone() {
        assertThat(ReportArchives.parse("s3://waybill-reports"))
                .isEqualTo(new ReportArchives.Store.S3("waybill-reports", ""))
                .extracting(ReportArchives.Store::describe).isEqualTo("s3://waybill-reports");
    }

    @Test
    void aBucketAndAPrefix() {
        ReportArchives.Store store = ReportArchives.parse("s3://waybill.reports-2026/status/daily");

        assertThat(store).isEqualTo(new ReportArchives.Store.S3("waybill.reports-2026", "status/daily"));
        assertThat(store.describe()).isEqualTo("s3://waybill.reports-2026/status/daily");
        assertThat(((ReportArchives.Store.S3) store).key("report@2026-12-06T08:00:00Z.json"))
                .isEqualTo("status/daily/report@2026-12-06T08:00:00Z.json");
    }

    @Test
    void slashesAroundThePrefixAreTakenOff() {
        assertThat(ReportArchives.parse("s3://abc//status/daily//"))
                .isEqualTo(new ReportArchives.Store.S3("abc", "status/daily"));
        assertThat(ReportArchives.parse("s3://abc/")).isEqualTo(new ReportArchives.Store.S3("abc", ""));
        assertThat(new ReportArchives.Store.S3("abc", "/x/").prefix()).isEqualTo("x");
    }

    @Test
    void theSchemeMayBeInCapitals() {
        assertThat(ReportArchives.parse("S3://abc/x")).isEqualTo(new ReportArchives.Store.S3("abc", "x"));
    }

    @Test
    void bucketNamesAtTheLimitsOfTheirLength() {
        assertThat(ReportArchives.parse("s3://a1b").describe()).isEqualTo("s3://a1b");
        String longest = "a".repeat(63);
        assertThat(ReportArchives.parse("s3://" + longest).describe()).isEqualTo("s3://" + longest);
    }

    @Test
    void anAbsolutePathIsADirectory() {
        assertThat(ReportArchives.parse("/var/lib/waybill/reports"))
                .isEqualTo(new ReportArchives.Store.Directory(Path.of("/var/lib/waybill/reports")))
                .extracting(ReportArchives.Store::describe).isEqualTo("/var/lib/waybill/reports");
    }

    @Test
    void aRelativePathIsADirectoryUnderTheWorkingDirectory() {
        ReportArchives.Store store = ReportArchives.parse("data/../reports");

        assertThat(store.describe()).isEqualTo(Path.of("reports").toAbsolutePath().toString());
        assertThat(((ReportArchives.Store.Directory) store).path()).isAbsolute();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void anEmptyValueIsRefused(String value) {
        assertThatThrownBy(() -> ReportArchives.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directory path or s3://bucket[/prefix]")
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://", "s3:///prefix"})
    void anS3ValueWithoutABucketIsRefused(String value) {
        assertThatThrownBy(() -> ReportArchives.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names its bucket")
                .hasMessageContaining(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad_Bucket", "ab", "-abc", "abc-", ".abc", "abc.", "a..b", "ABC", "a b", "192.168.5.4",
        "abc?x=1", "abc:9000"})
    void aBadBucketNameIsRefused(String bucket) {
        assertThatThrownBy(() -> ReportArchives.parse("s3://" + bucket + "/reports"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an S3 bucket name: '" + bucket + "'");
    }

    @Test
    void aBucketNameOfMoreThan63CharactersIsRefused() {
        assertThatThrownBy(() -> ReportArchives.parse("s3://" + "a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 to 63");
    }

    @Test
    void aPrefixWithAnEmptyPartIsRefused() {
        assertThatThrownBy(() -> ReportArchives.parse("s3://abc/status//daily"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'status//daily'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3:/abc/reports", "s3:abc", "S3:"})
    void anS3ValueWithoutTwoSlashesIsRefused(String value) {
        assertThatThrownBy(() -> ReportArchives.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("written s3://bucket[/prefix]; got " + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://abc.s3.amazonaws.com/reports", "file:///var/reports", "gs://abc"})
    void aUrlOfAnotherSchemeIsRefused(String value) {
        assertThatThrownBy(() -> ReportArchives.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a URL of another kind: " + value);
    }

    @Test
    void aPathTheFileSystemCannotHoldIsRefused() {
        assertThatThrownBy(() -> ReportArchives.parse("reports\0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a directory path");
    }
}
