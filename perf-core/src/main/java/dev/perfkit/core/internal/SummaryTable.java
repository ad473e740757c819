package dev.perfkit.core.internal;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats a run's result as a plain-text table for the console. */
public final class SummaryTable {

    private static final String ROW = "%-28s %10s %8s %7s %10s %9s %9s %9s %9s %9s %9s %9s%n";

    private SummaryTable() {
    }

    /**
     * Formats the result: a heading, one row per sample name and the total, then the failures.
     *
     * @param result the result
     * @return the table, ending with a newline
     */
    public static String format(RunResult result) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%s: %s (%s) after %.1f s, seed %d%n", result.scenario(),
                result.status(), result.stopReason(), result.duration().toNanos() / 1e9, result.seed()));
        sb.append(String.format(Locale.ROOT, "iterations %d, peak users %d, dropped %d%n", result.iterations(),
                result.peakUsers(), result.dropped()));
        sb.append(String.format(Locale.ROOT, ROW, "name", "count", "failed", "err%", "rate/s", "mean ms",
                "p50 ms", "p90 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms"));
        for (SampleStats s : result.samples()) {
            row(sb, (s.kind() == SampleKind.HOOK ? "(hook) " : "") + s.name(), s);
        }
        row(sb, "total (" + result.total().kind().name().toLowerCase(Locale.ROOT) + "s)", result.total());
        List<String> failures = new ArrayList<>();
        for (SampleStats s : result.samples()) {
            for (FailureSummary f : s.failureSummaries()) {
                String first = f.messages().isEmpty() ? "" : f.messages().get(0).message();
                failures.add(String.format(Locale.ROOT, "  %-28s %-20s %8d  %s%n", oneLine(s.name()),
                        oneLine(f.category()), f.count(), oneLine(first)));
            }
        }
        if (!failures.isEmpty()) {
            sb.append("failures (name, category, count, most frequent message):").append(System.lineSeparator());
            failures.forEach(sb::append);
        }
        result.errorText().ifPresent(e -> sb.append("run error: ").append(oneLine(e)).append(System.lineSeparator()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, SampleStats s) {
        LatencyStats r = s.responseTime();
        sb.append(String.format(Locale.ROOT, ROW, cut(name), s.count(), s.failures(),
                String.format(Locale.ROOT, "%.2f", s.errorRate() * 100), String.format(Locale.ROOT, "%.1f", s.throughput()),
                ms(r.meanNanos()), ms(r.p50Nanos()), ms(r.p90Nanos()), ms(r.p95Nanos()), ms(r.p99Nanos()),
                ms(r.p999Nanos()), ms(r.maxNanos())));
    }

    private static String cut(String name) {
        String line = oneLine(name);
        return line.length() <= 28 ? line : line.substring(0, 25) + "...";
    }

    /** Keeps a user string (name, message) on its row: control characters such as line breaks become spaces. */
    static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return sb.toString();
    }

    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
