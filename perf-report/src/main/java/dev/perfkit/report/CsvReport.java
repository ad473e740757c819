package dev.perfkit.report;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.internal.AtomicFiles;
import dev.perfkit.report.internal.Completion;
import dev.perfkit.report.internal.Csv;
import dev.perfkit.report.internal.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link ReportFormat#CSV} report: a folder with Locust's files (stats.csv,
 * stats_history.csv, failures.csv) adapted to what perfkit measures, plus gauges_history.csv and
 * run.csv. Times in milliseconds; RFC 4180 quoting, CRLF record ends, UTF-8.
 */
final class CsvReport implements Report {

    static final String STATS = "stats.csv";
    static final String HISTORY = "stats_history.csv";
    static final String FAILURES = "failures.csv";
    static final String GAUGES = "gauges_history.csv";
    static final String RUN = "run.csv";

    private static final double[] PERCENTILES = {50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100};
    private static final String AGGREGATED = "Aggregated";

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public List<Path> write(RunResult result, Optional<Verdict> verdict, Path target) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(file(target.resolve(STATS), stats(result)));
        written.add(file(target.resolve(HISTORY), history(result)));
        written.add(file(target.resolve(FAILURES), failures(result)));
        written.add(file(target.resolve(GAUGES), gauges(result)));
        written.add(file(target.resolve(RUN), run(result, verdict)));
        return written;
    }

    private static Path file(Path path, Csv csv) throws IOException {
        byte[] bytes = csv.text().getBytes(StandardCharsets.UTF_8);
        return AtomicFiles.write(path, out -> out.write(bytes));
    }

    private static Csv stats(RunResult result) {
        List<String> header = new ArrayList<>(List.of("Type", "Name", "Request Count", "Failure Count",
                "Median Response Time", "Average Response Time", "Min Response Time", "Max Response Time",
                "Requests/s", "Failures/s"));
        for (double p : PERCENTILES) {
            header.add(percent(p));
        }
        Csv csv = new Csv().row(header);
        for (SampleStats s : result.samples()) {
            csv.row(statsRow(kind(s), s.name(), s));
        }
        return csv.row(statsRow("", AGGREGATED, result.total()));
    }

    private static List<String> statsRow(String type, String name, SampleStats s) {
        LatencyStats r = s.responseTime();
        List<String> row = new ArrayList<>(List.of(type, name, Long.toString(s.count()), Long.toString(s.failures()),
                Units.ms(r.p50Nanos()), Units.ms(r.meanNanos()), Units.ms(r.minNanos()), Units.ms(r.maxNanos()),
                Units.decimal(s.throughput(), 3), Units.decimal(s.throughput() * s.errorRate(), 3)));
        for (double p : PERCENTILES) {
            row.add(Units.ms(r.percentileNanos(p)));
        }
        return row;
    }

    private static Csv history(RunResult result) {
        Csv csv = new Csv().row("Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s", "50%", "90%",
                "95%", "99%", "100%", "Request Count", "Failure Count", "Average Response Time", "In Flight",
                "Dropped");
        Map<String, String> kinds = new java.util.HashMap<>();
        result.samples().forEach(s -> kinds.put(s.name(), kind(s)));
        for (IntervalStats i : result.intervals()) {
            String timestamp = timestamp(result, i);
            for (Map.Entry<String, IntervalStats.Interval> e : i.samples().entrySet()) {
                csv.row(historyRow(timestamp, i, kinds.getOrDefault(e.getKey(), ""), e.getKey(), e.getValue()));
            }
            csv.row(historyRow(timestamp, i, "", AGGREGATED, i.total()));
        }
        return csv;
    }

    private static List<String> historyRow(String timestamp, IntervalStats i, String type, String name,
                                           IntervalStats.Interval v) {
        return List.of(timestamp, Integer.toString(i.activeUsers()), type, name, Units.decimal(v.throughput(), 3),
                Units.decimal(v.throughput() * v.errorRate(), 3), Units.ms(v.p50Nanos()), Units.ms(v.p90Nanos()),
                Units.ms(v.p95Nanos()), Units.ms(v.p99Nanos()), Units.ms(v.maxNanos()), Long.toString(v.count()),
                Long.toString(v.failures()), Units.ms(v.meanNanos()), Integer.toString(i.inFlight()),
                Long.toString(i.dropped()));
    }

    private static Csv failures(RunResult result) {
        Csv csv = new Csv().row("Type", "Name", "Category", "Error", "Occurrences");
        for (SampleStats s : result.samples()) {
            for (FailureSummary f : s.failureSummaries()) {
                if (f.messages().isEmpty()) {
                    csv.row(kind(s), s.name(), f.category(), "", Long.toString(f.count()));
                }
                for (FailureSummary.MessageCount m : f.messages()) {
                    csv.row(kind(s), s.name(), f.category(), m.message(), Long.toString(m.count()));
                }
            }
        }
        return csv;
    }

    private static Csv gauges(RunResult result) {
        Set<String> names = new LinkedHashSet<>();
        result.intervals().forEach(i -> names.addAll(i.gauges().keySet()));
        List<String> header = new ArrayList<>();
        header.add("Timestamp");
        header.addAll(names);
        Csv csv = new Csv().row(header);
        for (IntervalStats i : result.intervals()) {
            List<String> row = new ArrayList<>();
            row.add(timestamp(result, i));
            for (String name : names) {
                Double v = i.gauges().get(name);
                row.add(v == null || v.isNaN() ? "" : Double.toString(v));
            }
            csv.row(row);
        }
        return csv;
    }

    private static Csv run(RunResult r, Optional<Verdict> verdict) {
        return new Csv().row("Field", "Value")
                .row("Scenario", r.scenario())
                .row("Description", r.description())
                .row("Model", r.model().name())
                .row("Seed", Long.toString(r.seed()))
                .row("Status", r.status().name())
                .row("Stop Reason", r.stopReason())
                .row("Complete", Boolean.toString(Completion.complete(r)))
                .row("Error", r.error() == null ? "" : r.error())
                .row("Start", r.start().toString())
                .row("End", r.end().toString())
                .row("Duration (s)", Units.decimal(r.duration().toNanos() / 1e9, 3))
                .row("Iterations", Long.toString(r.iterations()))
                .row("Dropped", Long.toString(r.dropped()))
                .row("Peak Users", Integer.toString(r.peakUsers()))
                .row("Verdict", verdict.map(v -> v.outcome().name()).orElse(""));
    }

    /** Seconds since the epoch at the end of the interval, with milliseconds. */
    private static String timestamp(RunResult result, IntervalStats i) {
        long millis = result.start().plus(i.start()).plus(i.length()).toEpochMilli();
        return String.format(Locale.ROOT, "%d.%03d", Math.floorDiv(millis, 1000), Math.floorMod(millis, 1000));
    }

    private static String kind(SampleStats s) {
        return s.kind().name().toLowerCase(Locale.ROOT);
    }

    private static String percent(double p) {
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }
}
