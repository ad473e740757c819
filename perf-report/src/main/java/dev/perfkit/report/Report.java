package dev.perfkit.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.Verdict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A writer of one report format. Obtain one from {@link Reports}; implementations are stateless
 * and safe to share between threads.
 *
 * <p>Every file is written to a temporary file in the target folder and moved into place
 * atomically, so a crash never leaves a half-written report. Every user-controlled string (sample
 * names, messages, descriptions) is escaped for the format. A result whose status is not
 * {@code COMPLETED} (stopped, aborted, failed) still gets its report, marked as incomplete.
 */
public interface Report {

    /** Returns the format this report writes. */
    ReportFormat format();

    /**
     * Writes the report.
     *
     * @param result  the run's result
     * @param verdict the verdict of the run, or empty when it was not judged
     * @param target  the file to write, or the folder for formats that write several files
     *                ({@link ReportFormat#isFolder()}); parent folders are created
     * @return the files written
     * @throws IOException if a file cannot be written; no partial file is left in place
     */
    java.util.List<Path> write(RunResult result, Optional<Verdict> verdict, Path target) throws IOException;

    /**
     * Writes the report of a result that was not judged.
     *
     * @param result the run's result
     * @param target the file or folder to write
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    default java.util.List<Path> write(RunResult result, Path target) throws IOException {
        return write(result, Optional.empty(), target);
    }

    /**
     * Writes the report of a judged result.
     *
     * @param result  the run's result
     * @param verdict the verdict
     * @param target  the file or folder to write
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    default java.util.List<Path> write(RunResult result, Verdict verdict, Path target) throws IOException {
        return write(result, Optional.of(verdict), target);
    }
}
