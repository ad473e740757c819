package dev.perfkit.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.internal.AtomicFiles;
import dev.perfkit.report.internal.ResultJsonReader;
import dev.perfkit.report.internal.ResultJsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a run's whole result as JSON and reads it back into the same objects: statistics per
 * sample name and of the total (with the full latency histograms), the time series, the verdict
 * with its findings, the run's metadata, the environment it ran in, and the labels a runner or
 * command adds ({@link ResultDocument#labels()}).
 *
 * <p><b>Schema.</b> The layout is documented by a JSON Schema (draft 2020-12),
 * {@code docs/schema/perfkit-result-v1.schema.json}, and carries {@code "schemaVersion": 1}. A
 * later version that changes the layout gets a new number; {@link #read} refuses versions it does
 * not know rather than guess.
 *
 * <p><b>Exact.</b> Histograms are stored in HdrHistogram's compressed encoding (base64), so the
 * percentiles of a baseline read back, or of shards merged from several files, are exact. Output is
 * deterministic: fixed field order, maps in their order, {@code \n} line ends; writing a document
 * read from a file gives the same bytes. JSON has no NaN: a NaN (a failed gauge, an unset level) is
 * written as {@code null}, infinities as the strings {@code "Infinity"} and {@code "-Infinity"}.
 *
 * <pre>{@code
 * ResultJson.write(result, Optional.of(verdict), Path.of("target/perf/result.json"));
 * ResultDocument doc = ResultJson.read(Path.of("target/perf/result.json"));
 * RunResult again = doc.result();
 *
 * // with labels: build the document
 * ResultJson.write(ResultDocument.of(result, Optional.empty(), RunEnvironment.current(),
 *         Map.of("build", "1234")), Path.of("target/perf/result.json"));
 * }</pre>
 *
 * <p><b>Compatible.</b> The {@code labels} object is optional in schema version 1: it is written
 * only when there are labels, and a file without it (such as one written before labels existed)
 * reads with no labels.
 *
 * <p>Thread-safe: the methods keep no state.
 */
public final class ResultJson {

    /** The schema version this class writes and reads. */
    public static final int SCHEMA_VERSION = ResultJsonReader.SCHEMA_VERSION;

    private ResultJson() {
    }

    /**
     * Writes a result to a file, atomically (through a temporary file and a move), with the
     * environment of this JVM.
     *
     * @param result  the result
     * @param verdict the verdict, or empty when the run was not judged
     * @param file    the file; parent folders are created
     * @return the file
     * @throws IOException if the file cannot be written; no partial file is left in place
     */
    public static Path write(RunResult result, Optional<Verdict> verdict, Path file) throws IOException {
        return write(ResultDocument.of(result, verdict, RunEnvironment.current()), file);
    }

    /**
     * Writes a document to a file atomically. Writing a document read by {@link #read(Path)} gives
     * the bytes that were read. This is the way to write labels:
     * {@link ResultDocument#of(RunResult, Optional, RunEnvironment, java.util.Map)}.
     *
     * @param document the document
     * @param file     the file; parent folders are created
     * @return the file
     * @throws IOException if the file cannot be written; no partial file is left in place
     */
    public static Path write(ResultDocument document, Path file) throws IOException {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(file, "file");
        return AtomicFiles.write(file, out -> ResultJsonWriter.write(document, out));
    }

    /**
     * Writes a result to a stream, with the environment of this JVM.
     *
     * @param result  the result
     * @param verdict the verdict, or empty
     * @param out     the stream; flushed, not closed
     * @throws IOException if writing fails
     */
    public static void write(RunResult result, Optional<Verdict> verdict, OutputStream out) throws IOException {
        write(ResultDocument.of(result, verdict, RunEnvironment.current()), out);
    }

    /**
     * Writes a document to a stream.
     *
     * @param document the document
     * @param out      the stream; flushed, not closed
     * @throws IOException if writing fails
     */
    public static void write(ResultDocument document, OutputStream out) throws IOException {
        ResultJsonWriter.write(Objects.requireNonNull(document, "document"), Objects.requireNonNull(out, "out"));
    }

    /**
     * Reads a result file.
     *
     * @param file the file
     * @return the document
     * @throws IOException if the file cannot be read, is not a perfkit result, or has a schema
     *                     version other than {@link #SCHEMA_VERSION}; the message names the file
     *                     and the field at fault
     */
    public static ResultDocument read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ResultJsonReader.read(in, file.toString());
        }
    }

    /**
     * Reads a result from a stream.
     *
     * @param in the stream; not closed
     * @return the document
     * @throws IOException as {@link #read(Path)}; messages name the source as {@code <stream>}
     */
    public static ResultDocument read(InputStream in) throws IOException {
        return ResultJsonReader.read(Objects.requireNonNull(in, "in"), "<stream>");
    }
}
