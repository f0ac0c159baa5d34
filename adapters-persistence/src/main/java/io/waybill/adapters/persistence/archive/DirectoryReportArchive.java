package io.waybill.adapters.persistence.archive;

import io.waybill.application.port.out.ReportArchiveUnavailableException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Reports as files in a directory, created with its parents on the first report. Each report is written to a hidden
 * temporary file beside its final name, forced to disk, then renamed over it atomically and the directory forced too:
 * a reader sees the previous report or the new one whole, never half of one, and a report that {@link #put} returned
 * survives a crash. Thread-safe: each write has its own temporary file, and the last rename wins.
 */
final class DirectoryReportArchive implements ReportArchives.Archive {

    // Windows cannot open a directory to force it; its renames are journaled by NTFS instead.
    private static final boolean DIRECTORIES_CAN_BE_FORCED = File.separatorChar == '/';

    private final Path directory;

    DirectoryReportArchive(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public String locationOf(String name) {
        return directory.resolve(ReportArchives.checkedName(name)).toString();
    }

    @Override
    public String put(String name, byte[] document) {
        Path target = directory.resolve(ReportArchives.checkedName(name));
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
            try {
                write(temporary, document);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            if (DIRECTORIES_CAN_BE_FORCED) {
                try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                    channel.force(true); // the rename itself, so that the new name survives a crash
                }
            }
        } catch (IOException e) {
            throw new ReportArchiveUnavailableException(
                    "Could not store report " + target + " in directory " + directory + ": " + reason(e), e);
        }
        return target.toString();
    }

    private static void write(Path file, byte[] document) throws IOException {
        // CREATE_NEW with the process's default permissions (umask), unlike Files.createTempFile's owner-only 0600:
        // the reports are for other people and systems to read.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(document);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** What went wrong, in words, with the path the file system named. */
    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException already) {
            return already.getFile() + " exists and is not a directory";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason() + (fileSystem.getFile() == null ? "" : " (" + fileSystem.getFile() + ")");
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        // nothing held between writes
    }

    @Override
    public String toString() {
        return "report archive " + directory;
    }
}
