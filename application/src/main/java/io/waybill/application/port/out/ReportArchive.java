package io.waybill.application.port.out;

/**
 * Where status reports are kept for people and other systems to read: a directory or an S3 bucket. A report's name
 * derives from its slot ({@code report@2026-12-06T08:00:00Z.json}), so storing a report again replaces it. Thread-safe.
 */
public interface ReportArchive {

    /** Where a report of this name is, or would be, stored, for people to read: a path or an {@code s3://} URI. */
    String locationOf(String name);

    /**
     * Stores {@code document} under {@code name}, replacing a report of that name; returns once it is durable.
     *
     * @return {@link #locationOf} the name
     * @throws ReportArchiveUnavailableException when the archive refuses the write or cannot be reached
     */
    String put(String name, byte[] document);
}
