package dev.perfkit.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The report writers, one per {@link ReportFormat}, and a way to write several at once.
 *
 * <pre>{@code
 * RunResult result = LoadTest.run(scenario);
 * Verdict verdict = ...;
 * Reports.writeAll(result, Optional.of(verdict), Path.of("target/perf"),
 *         ReportFormat.JSON, ReportFormat.CSV, ReportFormat.JUNIT_XML, ReportFormat.MARKDOWN);
 * Reports.markdown().write(result, verdict, Path.of("target/perf/pr-comment.md"));
 * }</pre>
 *
 * <p>Every writer is stateless and thread-safe, writes each file atomically, escapes every user
 * string for its format, never writes request headers (a {@link RunResult} holds none), and marks
 * a run that did not complete as incomplete. See {@code docs/reports.md} for each format's layout.
 */
public final class Reports {

    private Reports() {
    }

    /** Returns the JSON writer: the whole result, readable back with {@link ResultJson#read}. */
    public static Report json() {
        return new JsonReport();
    }

    /**
     * Returns the HTML report: one self-contained file (style, script and data inline, viewable
     * offline and printable) with the verdict at the top, the headline figures, findings with
     * their recommendations, a sortable statistics table of every sample name, charts of
     * throughput, response-time percentiles over time, active users, errors over time and the
     * response-time distribution (a percentile curve on a logarithmic axis), one chart per gauge,
     * the failures by category, and the run's metadata.
     *
     * <p>Charts are inline SVG drawn by perfkit itself (no third-party chart code). They show the
     * total and the 5 busiest sample names of the kind the total counts; the table lists every
     * name. Lines are reduced to the lowest and highest point per pixel column, so a 1-hour run
     * at 1-second intervals with 100 names stays under 1 MB. Every user-controlled string is
     * HTML-escaped, and a Content-Security-Policy lets only the report's own table-sorting script
     * run. A run that did not complete (stopped, cut, failed) gets its report with an
     * "Incomplete run" banner and its error. The file is written atomically: a temporary file in
     * the target's folder, then a move.
     *
     * @return the HTML report; {@link Report#write} takes the target file (parents are created) and
     *         throws {@code IllegalArgumentException} if the target is an existing folder
     */
    public static Report html() {
        return HtmlReport.INSTANCE;
    }

    /**
     * Returns the CSV writer. Its target is a folder: stats.csv, stats_history.csv and failures.csv
     * in Locust's layout, gauges_history.csv and run.csv.
     */
    public static Report csv() {
        return new CsvReport();
    }

    /** Returns the JUnit XML writer: one test case per threshold rule, for CI systems. */
    public static Report junitXml() {
        return new JunitXmlReport();
    }

    /** Returns the Markdown writer: a short summary for a pull-request comment. */
    public static Report markdown() {
        return new MarkdownReport();
    }

    /**
     * Returns the HdrHistogram log writer. Its target is a folder: one log per sample name with the
     * whole run as one interval, and index.csv. {@link HistogramLogListener} writes one histogram
     * per interval instead.
     */
    public static Report hdrLog() {
        return new HdrLogReport();
    }

    /** Returns the console writer: the summary table and the verdict as plain text. */
    public static Report console() {
        return new ConsoleReport();
    }

    /**
     * Returns the writer of a format.
     *
     * @param format the format
     * @return the writer
     */
    public static Report of(ReportFormat format) {
        return switch (Objects.requireNonNull(format, "format")) {
            case JSON -> json();
            case CSV -> csv();
            case JUNIT_XML -> junitXml();
            case MARKDOWN -> markdown();
            case HDR_LOG -> hdrLog();
            case CONSOLE -> console();
            case HTML -> html();
        };
    }

    /**
     * Returns the console summary as text: the table perf-core prints at the end of a run, an
     * INCOMPLETE line when the run did not complete, and the verdict's rules and findings.
     *
     * @param result  the result
     * @param verdict the verdict, or empty
     * @return the text, ending with a line separator
     */
    public static String summary(RunResult result, Optional<Verdict> verdict) {
        return ConsoleReport.text(Objects.requireNonNull(result, "result"), Objects.requireNonNull(verdict, "verdict"));
    }

    /**
     * Writes several formats into a folder, each under its {@link ReportFormat#defaultName()}. When
     * a writer fails the others are still written; then one {@link IOException} is thrown that
     * names the failed formats, with the first failure as its cause and the others suppressed.
     *
     * @param result  the result
     * @param verdict the verdict, or empty
     * @param folder  the folder; created if missing
     * @param formats the formats; duplicates are written once
     * @return the files written, in the order of the formats
     * @throws IOException              if any format could not be written
     * @throws IllegalArgumentException if no format is given or a format has no writer
     *                                  ({@link #of}); nothing is written then
     */
    public static List<Path> writeAll(RunResult result, Optional<Verdict> verdict, Path folder,
                                      ReportFormat... formats) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(folder, "folder");
        if (formats.length == 0) {
            throw new IllegalArgumentException("reports.writeAll: formats must not be empty");
        }
        Set<ReportFormat> distinct = new LinkedHashSet<>(List.of(formats));
        List<Report> reports = new ArrayList<>();
        for (ReportFormat f : distinct) {
            reports.add(of(f));
        }
        List<Path> written = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<Exception> errors = new ArrayList<>();
        for (Report report : reports) {
            try {
                written.addAll(report.write(result, verdict, folder.resolve(report.format().defaultName())));
            } catch (IOException | RuntimeException e) {
                failed.add(report.format().name());
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            IOException e = new IOException("reports: " + failed + " could not be written to " + folder
                    + " (the other formats were written): " + errors.get(0).getMessage(), errors.get(0));
            errors.subList(1, errors.size()).forEach(e::addSuppressed);
            throw e;
        }
        return written;
    }
}
