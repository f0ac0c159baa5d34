package io.waybill.adapters.persistence.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.out.ReportArchiveUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The report archive in a bucket of a real S3-compatible server (s3rver), with the credentials of the SDK's default
 * chain (the POM's {@code aws.accessKeyId} and {@code aws.secretAccessKey}). What it stored is read back with a plain
 * S3 client of the test's own, past the archive. Each test writes under a key prefix of its own.
 */
class S3ReportArchiveTest extends ReportArchiveContract {

    static final String BUCKET = "waybill-reports";

    static S3rver server;
    static S3Client plain;

    String prefix;

    @BeforeAll
    static void startServer() {
        server = S3rver.start(BUCKET);
        plain = server.client();
    }

    @AfterAll
    static void stopServer() {
        if (plain != null) {
            plain.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    ReportArchives.Archive newArchive() {
        prefix = "reports/" + UUID.randomUUID();
        return ReportArchives.open(
                ReportArchives.parse("s3://" + BUCKET + "/" + prefix + "/"), Optional.of(server.endpoint()));
    }

    @Override
    byte[] stored(String name) {
        return plain.getObjectAsBytes(request -> request.bucket(BUCKET).key(prefix + "/" + name)).asByteArray();
    }

    @Override
    List<String> names() {
        return plain.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix + "/")).contents().stream()
                .map(S3Object::key)
                .map(key -> key.substring(prefix.length() + 1))
                .toList();
    }

    @Test
    void theReportIsAJsonObjectUnderThePrefixAndItsName() {
        String location = archive.put(NAME, json("{\"n\":1}"));

        HeadObjectResponse head = plain.headObject(request -> request.bucket(BUCKET).key(prefix + "/" + NAME));
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(head.contentLength()).isEqualTo(7);
        assertThat(location).isEqualTo("s3://" + BUCKET + "/" + prefix + "/" + NAME);
    }

    @Test
    void withoutAPrefixTheKeyIsTheName() {
        String name = "report@" + UUID.randomUUID() + ".json";
        try (ReportArchives.Archive top =
                ReportArchives.open(ReportArchives.parse("s3://" + BUCKET), Optional.of(server.endpoint()))) {
            assertThat(top.put(name, json("{}"))).isEqualTo("s3://" + BUCKET + "/" + name);
        }

        assertThat(plain.getObjectAsBytes(request -> request.bucket(BUCKET).key(name)).asByteArray())
                .isEqualTo(json("{}"));
    }

    @Test
    void aStoppedServerMakesTheArchiveUnavailableQuicklyAndAServerBackTakesReportsAgain() {
        archive.put(NAME, json("{\"before\":true}"));
        server.stop();
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> archive.put(NAME, json("{\"during\":true}")))
                    .isInstanceOf(ReportArchiveUnavailableException.class)
                    .hasMessageContaining(server.endpoint().toString())
                    .hasMessageContaining("s3://" + BUCKET + "/" + prefix + "/" + NAME);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            server.start();
        }

        archive.put(NAME, json("{\"after\":true}"));

        assertThat(stored(NAME)).isEqualTo(json("{\"after\":true}"));
    }

    @Test
    void aMissingBucketIsNamedWithS3sStatusAndCode() {
        try (ReportArchives.Archive missing =
                ReportArchives.open(ReportArchives.parse("s3://no-such-bucket"), Optional.of(server.endpoint()))) {
            assertThatThrownBy(() -> missing.put(NAME, json("{}")))
                    .isInstanceOf(ReportArchiveUnavailableException.class)
                    .hasMessageContaining("HTTP 404 NoSuchBucket")
                    .hasMessageContaining("bucket no-such-bucket does not exist")
                    .hasMessageContaining("s3://no-such-bucket/" + NAME);
        }
    }

    @Test
    void unknownCredentialsAreRefusedWithoutTheSecretInTheMessage() {
        // s3rver checks the access key id, not a v4 signature
        String secret = "secret-" + UUID.randomUUID();
        try (S3ReportArchive unknown = S3ReportArchive.open(new ReportArchives.Store.S3(BUCKET, prefix),
                Optional.of(server.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("UNKNOWN", secret)))) {
            assertThatThrownBy(() -> unknown.put(NAME, json("{}")))
                    .isInstanceOf(ReportArchiveUnavailableException.class)
                    .hasMessageContaining("HTTP 403 InvalidAccessKeyId")
                    .hasMessageContaining("check the credentials")
                    .satisfies(e -> assertThat(fullText(e)).doesNotContain(secret));
        }
        assertThat(names()).isEmpty();
    }

    @Test
    void missingCredentialsSayWhatToSetWithoutASecretInTheMessage(@TempDir Path home) throws Exception {
        // a real provider that finds no credentials: a profile file whose profile has none, beside one that has
        String secret = "secret-" + UUID.randomUUID();
        Path profiles = Files.writeString(home.resolve("credentials"), "[other]\naws_access_key_id = OTHER\n"
                + "aws_secret_access_key = " + secret + "\n\n[waybill]\nregion = us-east-1\n");
        ProfileCredentialsProvider none = ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder().content(profiles).type(ProfileFile.Type.CREDENTIALS).build())
                .profileName("waybill")
                .build();
        try (S3ReportArchive unsigned = S3ReportArchive.open(
                new ReportArchives.Store.S3(BUCKET, prefix), Optional.of(server.endpoint()), none)) {
            assertThatThrownBy(() -> unsigned.put(NAME, json("{}")))
                    .isInstanceOf(ReportArchiveUnavailableException.class)
                    .hasMessageContaining("s3://" + BUCKET + "/" + prefix + "/" + NAME)
                    .hasMessageContaining("no credentials")
                    .hasMessageContaining("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
                    .satisfies(e -> assertThat(fullText(e)).doesNotContain(secret));
        }
        assertThat(names()).isEmpty();
    }

    /** The message of a throwable and of all its causes and suppressed ones. */
    private static String fullText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                text.append(suppressed).append('\n');
            }
        }
        return text.toString();
    }
}
