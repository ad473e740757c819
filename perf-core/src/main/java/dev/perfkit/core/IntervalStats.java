package dev.perfkit.core;

import java.time.Duration;
import java.util.Map;

/**
 * What happened during one interval of the run (1 s by default): the time series that charts and
 * trailing-window thresholds read.
 *
 * <p>The counts of all intervals add up exactly to the run's totals: every sample is recorded in
 * exactly one interval.
 *
 * @param index        the interval's number, from 0
 * @param start        the interval's start, relative to the start of the run
 * @param length       the interval's length; the last one may be shorter
 * @param activeUsers  the virtual users alive at the end of the interval
 * @param inFlight     the iterations running at the end of the interval
 * @param dropped      the arrivals dropped during the interval because the concurrency cap was reached
 * @param total        the interval's total (see {@link RunResult#total()} for what it counts)
 * @param samples      the interval per sample name, for the names that had samples in it
 * @param gauges       the gauges of {@link RunOptions.Builder#addGauge} sampled at the end of the
 *                     interval, in the order they were added; NaN where a gauge failed
 */
public record IntervalStats(int index, Duration start, Duration length, int activeUsers, int inFlight,
                            long dropped, Interval total, Map<String, Interval> samples,
                            Map<String, Double> gauges) {

    /** Copies the maps, keeping their order. */
    public IntervalStats {
        samples = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(samples));
        gauges = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(gauges));
    }

    /**
     * One sample name (or the total) in one interval. Times are in nanoseconds, over successful
     * samples, response time (from the scheduled start).
     *
     * @param count      all samples that ended in the interval
     * @param failures   the failed ones
     * @param throughput samples per second in the interval
     * @param meanNanos  mean response time
     * @param p50Nanos   median response time
     * @param p90Nanos   90th percentile
     * @param p95Nanos   95th percentile
     * @param p99Nanos   99th percentile
     * @param maxNanos   largest response time
     */
    public record Interval(long count, long failures, double throughput, double meanNanos, long p50Nanos,
                           long p90Nanos, long p95Nanos, long p99Nanos, long maxNanos) {

        /** Returns the share of failed samples in the interval, 0 to 1. */
        public double errorRate() {
            return count == 0 ? 0 : (double) failures / count;
        }
    }
}
