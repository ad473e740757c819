package dev.perfkit.report.internal;

import static dev.perfkit.report.internal.HtmlText.escape;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.SampleStats;

/**
 * The sections of the HTML report about the run: the incomplete-run banner, the headline
 * figures, the statistics table, the failures and the metadata ({@link HtmlVerdict} has the
 * verdict and the findings). Every string of the result is escaped.
 */
public final class HtmlSections {

    private HtmlSections() {
    }

    /**
     * Appends the banner of a run that did not complete (stopped, cut by its maximum duration,
     * or failed), with its reason and error; nothing for a completed run.
     *
     * @param out    where to append
     * @param result the result
     */
    public static void incompleteBanner(StringBuilder out, RunResult result) {
        if (result.status() == RunStatus.COMPLETED) {
            return;
        }
        out.append("<div class=\"banner incomplete\" id=\"incomplete\" role=\"alert\"><strong>Incomplete run</strong> (")
                .append(result.status()).append("): ");
        escape(out, result.stopReason());
        out.append(". The figures cover what was measured until it ended.");
        result.errorText().ifPresent(error -> {
            out.append("<pre class=\"error\">");
            escape(out, error);
            out.append("</pre>");
        });
        out.append("</div>\n");
    }

    /**
     * Appends the headline figures of the total.
     *
     * @param out    where to append
     * @param result the result
     */
    public static void headline(StringBuilder out, RunResult result) {
        SampleStats t = result.total();
        out.append("<section id=\"headline\" class=\"tiles\">");
        tile(out, "duration", HtmlText.fixed(result.duration().toMillis() / 1000.0, 1) + " s");
        tile(out, t.kind() == dev.perfkit.core.SampleKind.REQUEST ? "requests" : "iterations", Long.toString(t.count()));
        tile(out, "throughput", HtmlText.compact(t.throughput()) + " /s");
        tile(out, "error rate", HtmlText.fixed(t.errorRate() * 100, 2) + " %");
        tile(out, "p95", HtmlText.millis(t.responseTime().p95Nanos()) + " ms");
        tile(out, "p99", HtmlText.millis(t.responseTime().p99Nanos()) + " ms");
        tile(out, "peak users", Integer.toString(result.peakUsers()));
        out.append("</section>\n");
    }

    /**
     * Appends the statistics table: the total, then one sortable row per sample name.
     *
     * @param out    where to append
     * @param result the result
     */
    public static void statistics(StringBuilder out, RunResult result) {
        out.append("<section id=\"statistics\"><h2>Statistics</h2><p class=\"note\">Response times in ms over "
                + "successful samples. Click a column header to sort.</p><div class=\"scroll\">"
                + "<table class=\"stats sortable\" id=\"stats\"><thead><tr>");
        for (String h : new String[] {"Name", "Kind", "Count", "Failures", "Errors %", "Rate /s", "Mean", "p50",
                "p90", "p95", "p99", "p99.9", "Max"}) {
            out.append("<th scope=\"col\">").append(h).append("</th>");
        }
        out.append("</tr></thead><tbody class=\"total\">");
        row(out, result.total());
        out.append("</tbody><tbody>");
        for (SampleStats s : result.samples()) {
            row(out, s);
        }
        out.append("</tbody></table></div></section>\n");
    }

    /**
     * Appends the failures by sample name and category, with their distinct messages.
     *
     * @param out    where to append
     * @param result the result
     */
    public static void failures(StringBuilder out, RunResult result) {
        if (result.samples().stream().noneMatch(s -> s.failures() > 0)) {
            return;
        }
        out.append("<section id=\"failures\"><h2>Failures</h2><div class=\"scroll\"><table class=\"failures\">"
                + "<thead><tr><th>Name</th><th>Category</th><th>Count</th><th>Messages</th></tr></thead><tbody>");
        for (SampleStats s : result.samples()) {
            for (FailureSummary f : s.failureSummaries()) {
                out.append("<tr><td>");
                escape(out, s.name());
                out.append("</td><td>");
                escape(out, f.category());
                out.append("</td><td class=\"num\">").append(f.count()).append("</td><td><ul class=\"messages\">");
                for (FailureSummary.MessageCount m : f.messages()) {
                    out.append("<li><span class=\"count\">").append(m.count()).append("\u00d7</span> ");
                    escape(out, m.message());
                    out.append("</li>");
                }
                out.append("</ul></td></tr>");
            }
        }
        out.append("</tbody></table></div></section>\n");
    }

    /**
     * Appends the run's metadata.
     *
     * @param out    where to append
     * @param result the result
     */
    public static void metadata(StringBuilder out, RunResult result) {
        out.append("<section id=\"metadata\"><h2>Run</h2><dl class=\"metadata\">");
        entry(out, "Scenario", result.scenario());
        entry(out, "Description", result.description());
        entry(out, "Load model", String.valueOf(result.model()));
        entry(out, "Status", result.status() + ": " + result.stopReason());
        entry(out, "Seed", Long.toString(result.seed()));
        entry(out, "Start", String.valueOf(result.start()));
        entry(out, "End", String.valueOf(result.end()));
        entry(out, "Duration", HtmlText.fixed(result.duration().toNanos() / 1e9, 3) + " s");
        entry(out, "Intervals", result.intervals().size() + (result.intervals().isEmpty() ? ""
                : " of " + HtmlText.fixed(result.intervals().get(0).length().toNanos() / 1e9, 3) + " s"));
        entry(out, "Iterations", Long.toString(result.iterations()));
        entry(out, "Dropped arrivals", Long.toString(result.dropped()));
        entry(out, "Peak users", Integer.toString(result.peakUsers()));
        out.append("</dl></section>\n");
    }

    private static void row(StringBuilder out, SampleStats s) {
        LatencyStats rt = s.responseTime();
        out.append("<tr><th scope=\"row\">");
        escape(out, s.name());
        out.append("</th><td>").append(s.kind().name().toLowerCase(java.util.Locale.ROOT)).append("</td>");
        number(out, s.count(), Long.toString(s.count()));
        number(out, s.failures(), Long.toString(s.failures()));
        number(out, s.errorRate() * 100, HtmlText.fixed(s.errorRate() * 100, 2));
        number(out, s.throughput(), HtmlText.fixed(s.throughput(), 1));
        boolean timed = rt.count() > 0;
        double[] nanos = {rt.meanNanos(), rt.p50Nanos(), rt.p90Nanos(), rt.p95Nanos(), rt.p99Nanos(), rt.p999Nanos(),
            rt.maxNanos()};
        for (double n : nanos) {
            number(out, timed ? n : -1, timed ? HtmlText.millis(n) : "\u2014");
        }
        out.append("</tr>");
    }

    private static void number(StringBuilder out, double sortKey, String text) {
        out.append("<td class=\"num\" data-v=\"").append(sortKey).append("\">").append(text).append("</td>");
    }

    private static void tile(StringBuilder out, String label, String value) {
        out.append("<div class=\"tile\"><span class=\"label\">").append(label).append("</span><span class=\"value\">");
        escape(out, value);
        out.append("</span></div>");
    }

    private static void entry(StringBuilder out, String term, String value) {
        out.append("<dt>").append(term).append("</dt><dd>");
        escape(out, value);
        out.append("</dd>");
    }
}
