package dev.perfkit.report;

/**
 * The report writers. Each returns a stateless {@link Report}, safe to share between threads.
 *
 * <pre>{@code
 * RunResult result = LoadTest.run(scenario);
 * Reports.html().write(result, verdict, Path.of("target/perf/report.html"));
 * }</pre>
 */
public final class Reports {

    private Reports() {
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
}
