/**
 * perfkit reports: writers of a run's result and verdict (JSON, CSV, HTML, JUnit XML, Markdown,
 * HdrHistogram logs, console) and readers of written results. See
 * {@link dev.perfkit.report.Reports} to start.
 */
module dev.perfkit.report {
    requires transitive dev.perfkit.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.slf4j;

    exports dev.perfkit.report;
}
