package io.waybill.adapters.persistence.archive;

import io.waybill.application.port.out.ReportArchive;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where status reports are archived: a directory, or an S3 bucket (AWS or any S3-compatible service). The one type of
 * this package that bootstrap uses: it parses {@code WAYBILL_REPORT_STORE} into a {@link Store} and opens the
 * {@link Archive} for it.
 */
public final class ReportArchives {

    private ReportArchives() {}

    /** An archive open for writing; {@link #close} releases what it holds (an S3 client's connections). */
    public interface Archive extends ReportArchive, AutoCloseable {

        @Override
        void close();
    }

    /** Where the archive is: the parsed value of {@code WAYBILL_REPORT_STORE}. */
    public sealed interface Store permits Store.Directory, Store.S3 {

        /** What a person reads: the absolute path, or {@code s3://bucket/prefix}. */
        String describe();

        /** A directory on this machine, created with its parents on the first report; always absolute. */
        record Directory(Path path) implements Store {

            public Directory {
                path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
            }

            @Override
            public String describe() {
                return path.toString();
            }
        }

        /**
         * A bucket, and a key prefix inside it that each report's name is put under ({@code prefix/name}).
         *
         * @param bucket a bucket name by S3's rules: 3 to 63 lowercase letters, digits, dots and hyphens, beginning
         *     and ending with a letter or digit
         * @param prefix without leading or trailing slashes (they are taken off); empty to put reports at the
         *     bucket's top
         */
        record S3(String bucket, String prefix) implements Store {

            private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
            private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

            public S3 {
                Objects.requireNonNull(bucket, "bucket");
                Objects.requireNonNull(prefix, "prefix");
                if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")
                        || IP_ADDRESS.matcher(bucket).matches()) {
                    throw new IllegalArgumentException("not an S3 bucket name: '" + bucket + "' (3 to 63 lowercase"
                            + " letters, digits, dots and hyphens, beginning and ending with a letter or digit, no"
                            + " two dots in a row, not an IP address)");
                }
                prefix = trimSlashes(prefix);
                if (prefix.contains("//")) {
                    throw new IllegalArgumentException(
                            "an S3 key prefix has no empty parts ('//'); got '" + prefix + "'");
                }
            }

            /** The key of a report of this name: {@code prefix/name}, or {@code name} without a prefix. */
            String key(String name) {
                return prefix.isEmpty() ? name : prefix + "/" + name;
            }

            @Override
            public String describe() {
                return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
            }

            private static String trimSlashes(String prefix) {
                int start = 0;
                int end = prefix.length();
                while (start < end && prefix.charAt(start) == '/') {
                    start++;
                }
                while (end > start && prefix.charAt(end - 1) == '/') {
                    end--;
                }
                return prefix.substring(start, end);
            }
        }
    }

    /**
     * Reads {@code WAYBILL_REPORT_STORE}: {@code s3://bucket} or {@code s3://bucket/some/prefix} for S3, anything
     * else a directory path (relative to the working directory when not absolute).
     *
     * @throws IllegalArgumentException for an empty value, a bad bucket name, or a URL of another scheme
     */
    public static Store parse(String store) {
        Objects.requireNonNull(store, "store");
        if (store.isBlank()) {
            throw new IllegalArgumentException(
                    "the report store is a directory path or s3://bucket[/prefix]; got an empty value");
        }
        int scheme = store.indexOf("://");
        if (scheme < 0 && store.toLowerCase(Locale.ROOT).startsWith("s3:")) {
            throw new IllegalArgumentException("an S3 report store is written s3://bucket[/prefix]; got " + store);
        }
        if (scheme >= 0) {
            if (!store.substring(0, scheme).toLowerCase(Locale.ROOT).equals("s3")) {
                throw new IllegalArgumentException("the report store is a directory path or s3://bucket[/prefix];"
                        + " got a URL of another kind: " + store);
            }
            String rest = store.substring(scheme + 3);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("an S3 report store names its bucket (s3://bucket[/prefix]); got "
                        + store);
            }
            return new Store.S3(bucket, slash < 0 ? "" : rest.substring(slash + 1));
        }
        try {
            return new Store.Directory(Path.of(store));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a directory path: '" + store + "' (" + e.getReason() + ")", e);
        }
    }

    /**
     * Opens the archive at {@code store}; nothing is written or checked until the first report.
     *
     * <p>For S3, credentials come from the AWS SDK's default chain (the {@code aws.accessKeyId} and
     * {@code aws.secretAccessKey} system properties, {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY},
     * {@code AWS_PROFILE} and the profile files, a container's or an instance's role), and the region from its default
     * region chain ({@code aws.region}, {@code AWS_REGION}, the profile, the instance), or us-east-1 when none is set.
     *
     * @param s3Endpoint an S3-compatible service to use instead of AWS ({@code WAYBILL_REPORT_S3_ENDPOINT}), reached
     *     with path-style requests ({@code http://host:port/bucket/key}); ignored for a directory
     */
    public static Archive open(Store store, Optional<URI> s3Endpoint) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        if (store instanceof Store.Directory directory) {
            return new DirectoryReportArchive(directory.path());
        }
        return S3ReportArchive.open((Store.S3) store, s3Endpoint);
    }

    /**
     * {@code name} if it can name a report in any archive: a single file name, neither empty nor {@code .} or
     * {@code ..}, without slashes or backslashes.
     */
    static String checkedName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a report's name is a plain file name; got '" + name + "'");
        }
        return name;
    }
}
