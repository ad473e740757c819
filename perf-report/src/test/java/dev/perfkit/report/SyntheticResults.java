package dev.perfkit.report;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.LoadModel;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/** Results built by hand, for the report tests that need a shape a real short run cannot give. */
final class SyntheticResults {

    private SyntheticResults() {
    }

    /**
     * A run of {@code intervals} 1-second intervals with {@code names} request names, each name
     * recorded in every interval, with 1 % failures and a gauge.
     */
    static RunResult run(String scenario, RunStatus status, int intervals, List<String> names) {
        SplittableRandom random = new SplittableRandom(42);
        List<IntervalStats> series = new ArrayList<>(intervals);
        for (int i = 0; i < intervals; i++) {
            Map<String, IntervalStats.Interval> perName = new LinkedHashMap<>();
            long totalCount = 0;
            for (String name : names) {
                long count = 50 + random.nextInt(50);
                long p50 = 2_000_000 + random.nextInt(1_000_000);
                perName.put(name, new IntervalStats.Interval(count, count / 100, count, p50 * 1.1, p50, p50 * 2,
                        p50 * 3, p50 * 5, p50 * 10));
                totalCount += count;
            }
            IntervalStats.Interval total = new IntervalStats.Interval(totalCount, totalCount / 100, totalCount,
                    2.2e6, 2_000_000, 4_000_000, 6_000_000, 10_000_000, 40_000_000);
            series.add(new IntervalStats(i, Duration.ofSeconds(i), Duration.ofSeconds(1), 50, 10, 0, total, perName,
                    Map.of("sut.cpu", 0.25 + random.nextDouble() / 10)));
        }
        List<SampleStats> samples = new ArrayList<>();
        Histogram all = new Histogram(3_600_000_000_000L, 2);
        for (String name : names) {
            Histogram h = new Histogram(3_600_000_000_000L, 2);
            for (int k = 0; k < 2_000; k++) {
                h.recordValue(1_000_000 + random.nextInt(20_000_000));
            }
            all.add(h);
            long count = 75L * intervals;
            List<FailureSummary> failures = List.of(new FailureSummary("http_500", count / 100,
                    List.of(new FailureSummary.MessageCount("status 500 for " + name, count / 100))));
            samples.add(new SampleStats(name, SampleKind.REQUEST, count, count / 100, 75, LatencyStats.of(h),
                    LatencyStats.of(h), failures));
        }
        long totalCount = 75L * intervals * names.size();
        SampleStats total = new SampleStats(SampleStats.TOTAL, SampleKind.REQUEST, totalCount, totalCount / 100,
                75.0 * names.size(), LatencyStats.of(all), LatencyStats.of(all), List.of());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return new RunResult(scenario, "a synthetic run", LoadModel.CLOSED, 42, status,
                status == RunStatus.COMPLETED ? "the load profile ended" : "a task threw java.lang.OutOfMemoryError",
                start, start.plusSeconds(intervals), Duration.ofSeconds(intervals), total, samples, series,
                totalCount, 0, 50, status == RunStatus.FAILED ? "java.lang.OutOfMemoryError: <b>heap</b>" : null);
    }
}
