package dev.perfkit.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same folder and an atomic move, so that a reader
 * sees either the old file or the whole new one, and a crash leaves no half-written file in place.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out the stream of the temporary file; do not close it
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes a file atomically.
     *
     * @param target  the file to write; its parent folders are created
     * @param content the content
     * @return the target
     * @throws IOException if the file cannot be written; the temporary file is deleted
     */
    public static Path write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its files are private to the owner (rw-------), and a report must
        // get the permissions any new file of the folder gets. CREATE_NEW keeps the name unique.
        Path temp = folder.resolve("." + absolute.getFileName() + "." + Long.toHexString(
                java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException | UncheckedIOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
