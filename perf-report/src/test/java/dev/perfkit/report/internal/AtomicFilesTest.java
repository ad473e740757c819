package dev.perfkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void shouldReplaceTheFileWholeAndLeaveNoTemporaryFileWhenWritten() throws Exception {
        Path target = dir.resolve("sub/report.txt");
        AtomicFiles.write(target, out -> out.write("old".getBytes()));

        AtomicFiles.write(target, out -> out.write("new".getBytes()));

        assertThat(target).hasContent("new");
        assertThat(filesIn(target.getParent())).isEqualTo(1);
    }

    @Test
    void shouldKeepTheOldFileAndDeleteTheTemporaryOneWhenWritingFails() throws Exception {
        Path target = dir.resolve("report.txt");
        AtomicFiles.write(target, out -> out.write("old".getBytes()));

        assertThatIOException().isThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).withMessage("disk full");

        assertThat(target).hasContent("old");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void shouldGiveTheFileTheFoldersUsualPermissionsWhenWritten() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path usual = Files.createFile(dir.resolve("usual.txt"));

        Path report = AtomicFiles.write(dir.resolve("report.txt"), out -> out.write('x'));

        // Files.createTempFile would have made it readable by its owner only (rw-------).
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(Files.getPosixFilePermissions(usual));
    }
}
