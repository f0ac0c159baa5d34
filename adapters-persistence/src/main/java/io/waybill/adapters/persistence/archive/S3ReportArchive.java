package io.waybill.adapters.persistence.archive;

import io.waybill.application.port.out.ReportArchiveUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Reports as objects in an S3 bucket, under {@code prefix/name}, as {@code application/json}. One PutObject replaces
 * the object whole, so readers see the previous report or the new one. Thread-safe (the SDK's client is).
 *
 * <p>The SDK retries a failed call once at most, within {@link #API_CALL_TIMEOUT}: the caller retries with backoff of
 * its own, and a scheduler's slot should not hang on an unreachable endpoint.
 */
final class S3ReportArchive implements ReportArchives.Archive {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_ATTEMPTS = 2;

    /**
     * Where the SDK's region chain finds none: S3-compatible services ignore it, and on AWS the client follows a bucket
     * of another region (cross-region access).
     */
    static final Region FALLBACK_REGION = Region.US_EAST_1;

    private final ReportArchives.Store.S3 store;
    private final Optional<URI> endpoint;
    private final AwsCredentialsProvider credentials;
    // Made on the first report: the SDK's region chain may ask an instance's metadata service, which off a cloud
    // takes a second or two, and a command that archives nothing (an import) need not wait for it. Guarded by this.
    private S3Client client;
    private boolean closed;

    private S3ReportArchive(ReportArchives.Store.S3 store, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        this.store = store;
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /** With the SDK's default credential chain, as in production. */
    static S3ReportArchive open(ReportArchives.Store.S3 store, Optional<URI> endpoint) {
        return open(store, endpoint, DefaultCredentialsProvider.builder().build());
    }

    /** With credentials of the caller's choosing; the archive closes them (when closeable) with itself. */
    static S3ReportArchive open(
            ReportArchives.Store.S3 store, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        return new S3ReportArchive(store, endpoint, credentials);
    }

    private synchronized S3Client client() {
        if (closed) {
            throw new IllegalStateException("the report archive " + store.describe() + " is closed");
        }
        if (client == null) {
            client = newClient();
        }
        return client;
    }

    private S3Client newClient() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(API_CALL_TIMEOUT))
                .credentialsProvider(credentials)
                .region(region())
                .overrideConfiguration(configuration -> configuration
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .retryStrategy(retries -> retries.maxAttempts(MAX_ATTEMPTS)));
        // An S3-compatible service gets path-style requests with the whole body signed in one piece: the SDK's
        // aws-chunked bodies (over plain http) and its CRC32 trailers (by default since 2.30) are not understood by
        // all of them; s3rver, for one, stores the chunks' framing as part of the object. The report is in memory
        // anyway, so hashing it whole costs nothing. On AWS, a bucket in another region than the one configured (or
        // the fallback) is followed there rather than refused.
        endpoint.ifPresentOrElse(uri -> builder
                .endpointOverride(uri)
                .forcePathStyle(true)
                .serviceConfiguration(s3 -> s3.chunkedEncodingEnabled(false))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED),
                () -> builder.crossRegionAccessEnabled(true));
        return builder.build();
    }

    private static Region region() {
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkException e) {
            return FALLBACK_REGION;
        }
    }

    @Override
    public String locationOf(String name) {
        return "s3://" + store.bucket() + "/" + store.key(ReportArchives.checkedName(name));
    }

    @Override
    public String put(String name, byte[] document) {
        String key = store.key(ReportArchives.checkedName(name));
        String location = "s3://" + store.bucket() + "/" + key;
        try {
            client().putObject(
                    request -> request.bucket(store.bucket()).key(key).contentType("application/json"),
                    RequestBody.fromBytes(document));
        } catch (AwsServiceException e) {
            throw new ReportArchiveUnavailableException(
                    "S3 " + where() + " refused report " + location + ": " + refusal(e), e);
        } catch (SdkException e) {
            throw new ReportArchiveUnavailableException(
                    "Could not store report " + location + " in S3 " + where() + ": " + e.getMessage() + hint(e), e);
        }
        return location;
    }

    private String where() {
        return endpoint.map(uri -> "at " + uri).orElse("(AWS)");
    }

    /** The status, S3's error code and message, and what to check for the usual ones. */
    private String refusal(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        StringBuilder text = new StringBuilder("HTTP ").append(e.statusCode());
        if (code != null) {
            text.append(' ').append(code);
        }
        if (message != null && !message.isBlank()) {
            text.append(" (").append(message).append(')');
        }
        if (code == null) {
            return text.toString();
        }
        switch (code) {
            case "NoSuchBucket" -> text.append("; bucket ").append(store.bucket()).append(" does not exist");
            case "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken" ->
                    text.append("; check the credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)"
                            + " and that they may put objects in ").append(store.describe());
            case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
                    text.append("; set AWS_REGION to the bucket's region");
            default -> { }
        }
        return text.toString();
    }

    private static String hint(SdkException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("credentials")) {
            return "; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run with a role";
        }
        return "";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (client != null) {
            client.close();
        }
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "report archive " + store.describe() + endpoint.map(uri -> " at " + uri).orElse("");
    }
}
