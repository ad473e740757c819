package dev.perfkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Run results made of chosen intervals, for the comparison's edge cases: each sample name gets one
 * interval per entry of its list (null: no sample in that interval), 100 ms long, and the run's
 * statistics are built from those intervals the way the engine does (counts add up; the
 * histograms hold each interval's successful samples at its p50).
 */
final class SyntheticRuns {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private final String description;
    private final LoadModel model;
    private final Map<String, List<IntervalStats.Interval>> perName = new LinkedHashMap<>();
    private static final int USERS = 4;
    private long iterations;
    private long dropped;

    private SyntheticRuns(String description, LoadModel model) {
        this.description = description;
        this.model = model;
    }

    static SyntheticRuns closed(String description) {
        return new SyntheticRuns(description, LoadModel.CLOSED);
    }

    static SyntheticRuns open(String description, long iterations, long dropped) {
        SyntheticRuns runs = new SyntheticRuns(description, LoadModel.OPEN);
        runs.iterations = iterations;
        runs.dropped = dropped;
        return runs;
    }

    /** Adds a sample name with its intervals. */
    SyntheticRuns sample(String name, List<IntervalStats.Interval> intervals) {
        perName.put(name, intervals);
        return this;
    }

    /** One interval of {@code count} samples, {@code failures} of them failed, around {@code p50Nanos}. */
    static IntervalStats.Interval interval(long count, long failures, long p50Nanos) {
        return new IntervalStats.Interval(count, failures, count / 0.1, p50Nanos, p50Nanos, p50Nanos * 6 / 5,
                p50Nanos * 5 / 4, p50Nanos * 3 / 2, p50Nanos * 2);
    }

    /** {@code n} intervals of {@code count} samples whose p50 is {@code p50Nanos} times (1 ± noise), uniform. */
    static List<IntervalStats.Interval> noisy(int n, long count, long failures, long p50Nanos, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<IntervalStats.Interval> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(interval(count, failures, Math.round(p50Nanos * (1 + noise * (2 * random.nextDouble() - 1)))));
        }
        return list;
    }

    RunResult build() {
        int length = perName.values().stream().mapToInt(List::size).max().orElse(0);
        List<IntervalStats> intervals = new ArrayList<>();
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Histogram totalHistogram = new Histogram(3_600_000_000_000L, 2);
        long[] totalCounts = new long[2];
        for (int i = 0; i < length; i++) {
            Map<String, IntervalStats.Interval> samples = new LinkedHashMap<>();
            long count = 0;
            long failures = 0;
            double weighted = 0;
            for (Map.Entry<String, List<IntervalStats.Interval>> e : perName.entrySet()) {
                IntervalStats.Interval in = i < e.getValue().size() ? e.getValue().get(i) : null;
                if (in == null) {
                    continue;
                }
                samples.put(e.getKey(), in);
                count += in.count();
                failures += in.failures();
                weighted += (double) in.p50Nanos() * in.count();
                long successes = in.count() - in.failures();
                Histogram h = histograms.computeIfAbsent(e.getKey(), k -> new Histogram(3_600_000_000_000L, 2));
                if (successes > 0) {
                    h.recordValueWithCount(in.p50Nanos(), successes);
                    totalHistogram.recordValueWithCount(in.p50Nanos(), successes);
                }
                long[] c = counts.computeIfAbsent(e.getKey(), k -> new long[2]);
                c[0] += in.count();
                c[1] += in.failures();
            }
            totalCounts[0] += count;
            totalCounts[1] += failures;
            IntervalStats.Interval total = interval(count, failures, count == 0 ? 0 : Math.round(weighted / count));
            intervals.add(new IntervalStats(i, INTERVAL.multipliedBy(i), INTERVAL, USERS,
                    0, 0, total, samples, Map.of()));
        }
        double seconds = INTERVAL.multipliedBy(length).toNanos() / 1e9;
        List<SampleStats> stats = new ArrayList<>();
        histograms.forEach((name, h) -> stats.add(stats(name, counts.get(name), h, seconds)));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return new RunResult("synthetic", description, model, 1, RunStatus.COMPLETED, "completed", start,
                start.plus(INTERVAL.multipliedBy(length)), INTERVAL.multipliedBy(length),
                stats(SampleStats.TOTAL, totalCounts, totalHistogram, seconds), stats, intervals,
                model == LoadModel.OPEN ? iterations : totalCounts[0], dropped, USERS, null);
    }

    private static SampleStats stats(String name, long[] counts, Histogram h, double seconds) {
        LatencyStats latency = LatencyStats.of(h);
        return new SampleStats(name, SampleKind.TASK, counts[0], counts[1], seconds > 0 ? counts[0] / seconds : 0,
                latency, latency, List.of());
    }
}
