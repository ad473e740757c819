package dev.perfkit.core.internal;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Turns the live metrics into the time series and the totals. Each {@link #collect} drains every
 * sample name's recorders into one interval and adds that interval to the running totals, so the
 * totals are exactly the sum of the intervals.
 *
 * <p>Time is passed in, never read: tests drive intervals with whatever clock they like. The run's
 * coordinator thread makes every collection, the last one after every user has stopped; methods
 * are {@code synchronized} so that a reader on another thread sees whole intervals.
 */
public final class IntervalCollector {

    private final Metrics metrics;
    private final long startNanos;
    private final Map<SampleMetric, Totals> totals = new IdentityHashMap<>();
    private final Totals taskTotal = new Totals();
    private final Totals requestTotal = new Totals();
    private final List<IntervalStats> intervals = new ArrayList<>();
    private final Histogram scratchResponse = newHistogram();
    private final Histogram scratchService = newHistogram();
    private final Histogram intervalTasks = newHistogram();
    private final Histogram intervalRequests = newHistogram();
    private long lastNanos;
    private long lastDropped;

    /**
     * Creates a collector whose first interval starts at {@code startNanos}.
     *
     * @param metrics    the run's metrics
     * @param startNanos the start of the run on the monotonic clock
     */
    public IntervalCollector(Metrics metrics, long startNanos) {
        this.metrics = metrics;
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    static Histogram newHistogram() {
        return IntervalRecorder.newSumHistogram();
    }

    /**
     * Closes the interval that ends at {@code nowNanos} and returns it.
     *
     * @param nowNanos       the end of the interval on the monotonic clock
     * @param activeUsers    the users alive now
     * @param inFlight       the iterations running now
     * @param droppedSoFar   the arrivals dropped since the start of the run
     * @param gauges         the gauges' values at the end of the interval
     * @return the interval, also appended to {@link #intervals()}
     */
    public synchronized IntervalStats collect(long nowNanos, int activeUsers, int inFlight, long droppedSoFar,
                                              Map<String, Double> gauges) {
        return collect(nowNanos, activeUsers, inFlight, droppedSoFar, gauges, null);
    }

    /**
     * Closes the interval that ends at {@code nowNanos}, returns it and, when asked, hands out a
     * copy of each sample name's response-time histogram of the interval.
     *
     * @param nowNanos       the end of the interval on the monotonic clock
     * @param activeUsers    the users alive now
     * @param inFlight       the iterations running now
     * @param droppedSoFar   the arrivals dropped since the start of the run
     * @param gauges         the gauges' values at the end of the interval
     * @param histograms     receives a copy of the histogram of every name in the interval's
     *                       samples, or null to copy nothing
     * @return the interval, also appended to {@link #intervals()}
     */
    public synchronized IntervalStats collect(long nowNanos, int activeUsers, int inFlight, long droppedSoFar,
                                              Map<String, Double> gauges, Map<String, Histogram> histograms) {
        long lengthNanos = Math.max(1, nowNanos - lastNanos);
        double seconds = lengthNanos / 1e9;
        Map<String, IntervalStats.Interval> perName = new LinkedHashMap<>();
        intervalTasks.reset();
        intervalRequests.reset();
        long taskCount = 0;
        long taskFailures = 0;
        long requestCount = 0;
        long requestFailures = 0;
        for (SampleMetric m : metrics.all()) {
            m.drainInto(scratchResponse, scratchService);
            Totals t = totals.computeIfAbsent(m, k -> new Totals());
            long failuresNow = m.failureCount();
            long failures = failuresNow - t.failuresSeen;
            t.failuresSeen = failuresNow;
            t.response.add(scratchResponse);
            t.service.add(scratchService);
            long count = scratchResponse.getTotalCount() + failures;
            if (count == 0) {
                continue;
            }
            perName.put(m.name(), interval(scratchResponse, count, failures, seconds));
            if (histograms != null) {
                histograms.put(m.name(), scratchResponse.copy());
            }
            if (m.kind() == SampleKind.TASK) {
                intervalTasks.add(scratchResponse);
                taskTotal.service.add(scratchService);
                taskCount += count;
                taskFailures += failures;
            } else if (m.kind() == SampleKind.REQUEST) {
                intervalRequests.add(scratchResponse);
                requestTotal.service.add(scratchService);
                requestCount += count;
                requestFailures += failures;
            }
        }
        taskTotal.response.add(intervalTasks);
        taskTotal.failuresSeen += taskFailures;
        requestTotal.response.add(intervalRequests);
        requestTotal.failuresSeen += requestFailures;
        boolean requests = requestTotal.response.getTotalCount() + requestTotal.failuresSeen > 0;
        IntervalStats.Interval total = requests
                ? interval(intervalRequests, requestCount, requestFailures, seconds)
                : interval(intervalTasks, taskCount, taskFailures, seconds);
        IntervalStats stats = new IntervalStats(intervals.size(), Duration.ofNanos(lastNanos - startNanos),
                Duration.ofNanos(lengthNanos), activeUsers, inFlight, droppedSoFar - lastDropped, total, perName,
                gauges);
        intervals.add(stats);
        lastNanos = nowNanos;
        lastDropped = droppedSoFar;
        return stats;
    }

    private static IntervalStats.Interval interval(Histogram h, long count, long failures, double seconds) {
        boolean empty = h.getTotalCount() == 0;
        return new IntervalStats.Interval(count, failures, count / seconds, empty ? 0 : h.getMean(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(95),
                h.getValueAtPercentile(99), empty ? 0 : h.getMaxValue());
    }

    /** Returns the intervals collected so far. */
    public synchronized List<IntervalStats> intervals() {
        return List.copyOf(intervals);
    }

    /**
     * Returns the statistics per sample name over everything collected so far.
     *
     * @param seconds the run's measured duration, for throughput
     * @return the statistics in registration order
     */
    public synchronized List<SampleStats> sampleStats(double seconds) {
        List<SampleStats> list = new ArrayList<>();
        for (SampleMetric m : metrics.all()) {
            Totals t = totals.get(m);
            if (t == null) {
                continue;
            }
            list.add(stats(m.name(), m.kind(), t, m.failureSummaries(), seconds));
        }
        return list;
    }

    /**
     * Returns the run's total: requests if any were recorded, otherwise tasks.
     *
     * @param seconds the run's measured duration
     * @return the total's statistics
     */
    public synchronized SampleStats totalStats(double seconds) {
        boolean requests = requestTotal.response.getTotalCount() + requestTotal.failuresSeen > 0;
        SampleKind kind = requests ? SampleKind.REQUEST : SampleKind.TASK;
        Map<String, long[]> byCategory = new HashMap<>();
        Map<String, FailureSummary> merged = new LinkedHashMap<>();
        for (SampleMetric m : metrics.all()) {
            if (m.kind() != kind) {
                continue;
            }
            for (FailureSummary f : m.failureSummaries()) {
                byCategory.computeIfAbsent(f.category(), c -> new long[1])[0] += f.count();
                merged.merge(f.category(), f, IntervalCollector::mergeSummaries);
            }
        }
        List<FailureSummary> failures = new ArrayList<>(merged.values());
        failures.sort((a, b) -> Long.compare(b.count(), a.count()));
        return stats(SampleStats.TOTAL, kind, requests ? requestTotal : taskTotal, failures, seconds);
    }

    private static FailureSummary mergeSummaries(FailureSummary a, FailureSummary b) {
        Map<String, Long> messages = new LinkedHashMap<>();
        for (FailureSummary.MessageCount m : a.messages()) {
            messages.merge(m.message(), m.count(), Long::sum);
        }
        for (FailureSummary.MessageCount m : b.messages()) {
            messages.merge(m.message(), m.count(), Long::sum);
        }
        List<FailureSummary.MessageCount> list = new ArrayList<>();
        messages.forEach((m, c) -> list.add(new FailureSummary.MessageCount(m, c)));
        list.sort((x, y) -> Long.compare(y.count(), x.count()));
        return new FailureSummary(a.category(), a.count() + b.count(), list);
    }

    private static SampleStats stats(String name, SampleKind kind, Totals t, List<FailureSummary> failures,
                                     double seconds) {
        long count = t.response.getTotalCount() + t.failuresSeen;
        return new SampleStats(name, kind, count, t.failuresSeen, seconds > 0 ? count / seconds : 0,
                LatencyStats.of(t.response), LatencyStats.of(t.service), failures);
    }

    private static final class Totals {
        final Histogram response = newHistogram();
        final Histogram service = newHistogram();
        long failuresSeen;
    }
}
