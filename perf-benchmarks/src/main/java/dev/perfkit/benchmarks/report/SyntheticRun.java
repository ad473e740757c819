package dev.perfkit.benchmarks.report;

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

/**
 * A result built by hand in the shape of a long run: every name in every interval (the worst case
 * for a report's size), response times around a few milliseconds with a long tail, 0.5 % failures
 * in two categories, and the eight gauges of the JVM and process monitors.
 */
final class SyntheticRun {

    private static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private static final List<String> GAUGES = List.of("jvm.cpu", "jvm.memory", "jvm.heap.committed", "jvm.gc.pause",
            "jvm.threads", "sut.up", "sut.cpu", "sut.memory");

    private SyntheticRun() {
    }

    /**
     * Builds the result.
     *
     * @param intervals the 1-second intervals
     * @param names     the request names
     * @param seed      the seed of the random figures
     * @return the result
     */
    static RunResult build(int intervals, int names, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> sampleNames = new ArrayList<>(names);
        for (int n = 0; n < names; n++) {
            sampleNames.add("GET /api/v1/resource-" + n + "/{id}");
        }
        List<IntervalStats> series = new ArrayList<>(intervals);
        long[] counts = new long[names];
        long[] failures = new long[names];
        for (int i = 0; i < intervals; i++) {
            Map<String, IntervalStats.Interval> perName = new LinkedHashMap<>();
            long total = 0;
            long totalFailures = 0;
            for (int n = 0; n < names; n++) {
                long count = 80 + random.nextInt(40);
                long failed = random.nextInt(200) == 0 ? count / 4 : random.nextInt(100) < 50 ? 1 : 0;
                long p50 = 1_500_000 + n * 20_000L + random.nextInt(500_000);
                perName.put(sampleNames.get(n), new IntervalStats.Interval(count, failed, count, p50 * 1.2, p50,
                        p50 * 2, p50 * 3, p50 * 6, p50 * (10 + random.nextInt(30))));
                counts[n] += count;
                failures[n] += failed;
                total += count;
                totalFailures += failed;
            }
            IntervalStats.Interval all = new IntervalStats.Interval(total, totalFailures, total, 2.4e6, 2_000_000,
                    4_000_000, 6_000_000, 12_000_000, 80_000_000 + random.nextInt(40_000_000));
            Map<String, Double> gauges = new LinkedHashMap<>();
            for (String g : GAUGES) {
                gauges.put(g, random.nextDouble() * (g.endsWith("memory") ? 2e9 : 1));
            }
            series.add(new IntervalStats(i, Duration.ofSeconds(i), Duration.ofSeconds(1), 200, 20, 0, all, perName, gauges));
        }
        Histogram everything = new Histogram(HIGHEST_NANOS, 2);
        List<SampleStats> samples = new ArrayList<>(names);
        for (int n = 0; n < names; n++) {
            Histogram h = new Histogram(HIGHEST_NANOS, 2);
            long left = counts[n] - failures[n];
            for (int k = 0; k < 1_000; k++) {
                long value = (long) (1_000_000 * Math.exp(random.nextGaussian() * 0.6 + 0.5));
                h.recordValueWithCount(Math.min(value, HIGHEST_NANOS), k == 999 ? left : left / 1_000);
                left -= left / 1_000;
            }
            everything.add(h);
            LatencyStats stats = LatencyStats.of(h);
            List<FailureSummary> failed = List.of(
                    new FailureSummary("http_503", failures[n] - failures[n] / 3,
                            List.of(new FailureSummary.MessageCount("status 503", failures[n] - failures[n] / 3))),
                    new FailureSummary("timeout", failures[n] / 3,
                            List.of(new FailureSummary.MessageCount("read timed out after 5s", failures[n] / 3))));
            samples.add(new SampleStats(sampleNames.get(n), SampleKind.REQUEST, counts[n], failures[n],
                    counts[n] / (double) intervals, stats, stats, failed));
        }
        long count = 0;
        long failed = 0;
        for (int n = 0; n < names; n++) {
            count += counts[n];
            failed += failures[n];
        }
        LatencyStats all = LatencyStats.of(everything);
        SampleStats total = new SampleStats(SampleStats.TOTAL, SampleKind.REQUEST, count, failed,
                count / (double) intervals, all, all, List.of());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return new RunResult("report-benchmark", "a synthetic 1-hour run", LoadModel.CLOSED, seed, RunStatus.COMPLETED,
                "the load profile ended", start, start.plusSeconds(intervals), Duration.ofSeconds(intervals), total,
                samples, series, count, 0, 200, null);
    }
}
