package dev.perfkit.report;

/**
 * The report formats, with the file name each uses by default inside an output folder.
 */
public enum ReportFormat {
    /** The whole result as JSON, readable back into the same objects; schema in docs/. */
    JSON("result.json", false),
    /** Locust-style CSV files: stats.csv, stats_history.csv, failures.csv, plus gauges_history.csv and run.csv. */
    CSV("csv", true),
    /** One self-contained HTML page with tables and charts. */
    HTML("report.html", false),
    /** One JUnit test case per threshold rule, for CI systems. */
    JUNIT_XML("junit.xml", false),
    /** A short Markdown summary for a pull-request comment. */
    MARKDOWN("summary.md", false),
    /** One HdrHistogram interval log per sample name. */
    HDR_LOG("hdr", true),
    /** The plain-text summary table with the verdict, as printed on the console. */
    CONSOLE("summary.txt", false);

    private final String defaultName;
    private final boolean folder;

    ReportFormat(String defaultName, boolean folder) {
        this.defaultName = defaultName;
        this.folder = folder;
    }

    /** Returns the file (or folder) name this format uses by default inside an output folder. */
    public String defaultName() {
        return defaultName;
    }

    /** Returns whether the format writes several files into a folder rather than one file. */
    public boolean isFolder() {
        return folder;
    }
}
