package io.waybill.adapters.persistence;

import java.nio.file.Files;
import java.nio.file.Path;

/** The root of the repository the tests run in: the nearest directory above the working one that holds {@code .ci}. */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    /** @throws IllegalStateException when no directory above holds {@code .ci} */
    public static Path find() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve(".ci"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("no .ci directory above " + Path.of("").toAbsolutePath()
                    + ": the tests run inside the repository");
        }
        return root;
    }
}
