package dev.perfkit.core;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * The distribution of one kind of time (response time or service time) of one sample name or of
 * the total, computed from an HdrHistogram with 2 significant digits (values within 1 %, from
 * 1 µs to 1 hour; longer values count as 1 hour).
 *
 * <p>Percentiles come from the merged histogram of all samples, never from averaging percentiles
 * of parts. Times are in nanoseconds; the {@code Duration} accessors are conveniences. Immutable:
 * the histogram is copied in and {@link #histogram()} hands out copies.
 */
public final class LatencyStats {

    private final Histogram histogram;
    private final long count;
    private final long min;
    private final long max;
    private final double mean;
    private final double stdDev;
    private final long p50;
    private final long p75;
    private final long p90;
    private final long p95;
    private final long p99;
    private final long p999;

    private LatencyStats(Histogram h) {
        this.histogram = h;
        this.count = h.getTotalCount();
        boolean empty = count == 0;
        this.min = empty ? 0 : h.getMinValue();
        this.max = empty ? 0 : h.getMaxValue();
        this.mean = empty ? 0 : h.getMean();
        this.stdDev = empty ? 0 : h.getStdDeviation();
        this.p50 = h.getValueAtPercentile(50);
        this.p75 = h.getValueAtPercentile(75);
        this.p90 = h.getValueAtPercentile(90);
        this.p95 = h.getValueAtPercentile(95);
        this.p99 = h.getValueAtPercentile(99);
        this.p999 = h.getValueAtPercentile(99.9);
    }

    /**
     * Computes the statistics of a histogram of nanosecond values.
     *
     * @param histogram the histogram; copied, not retained
     * @return the statistics
     */
    public static LatencyStats of(Histogram histogram) {
        return new LatencyStats(histogram.copy());
    }

    /** Returns the number of values. */
    public long count() {
        return count;
    }

    /** Returns the smallest value in nanoseconds, 0 if empty. */
    public long minNanos() {
        return min;
    }

    /** Returns the largest value in nanoseconds, 0 if empty. */
    public long maxNanos() {
        return max;
    }

    /** Returns the mean in nanoseconds, 0 if empty. */
    public double meanNanos() {
        return mean;
    }

    /** Returns the standard deviation in nanoseconds, 0 if empty. */
    public double stdDevNanos() {
        return stdDev;
    }

    /** Returns the median in nanoseconds. */
    public long p50Nanos() {
        return p50;
    }

    /** Returns the 75th percentile in nanoseconds. */
    public long p75Nanos() {
        return p75;
    }

    /** Returns the 90th percentile in nanoseconds. */
    public long p90Nanos() {
        return p90;
    }

    /** Returns the 95th percentile in nanoseconds. */
    public long p95Nanos() {
        return p95;
    }

    /** Returns the 99th percentile in nanoseconds. */
    public long p99Nanos() {
        return p99;
    }

    /** Returns the 99.9th percentile in nanoseconds. */
    public long p999Nanos() {
        return p999;
    }

    /**
     * Returns any percentile in nanoseconds.
     *
     * @param percentile the percentile, 0 to 100
     * @return the value at that percentile
     * @throws IllegalArgumentException if {@code percentile} is outside 0..100
     */
    public long percentileNanos(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be within 0..100, was " + percentile);
        }
        return histogram.getValueAtPercentile(percentile);
    }

    /** Returns the median. */
    public Duration p50() {
        return Duration.ofNanos(p50);
    }

    /** Returns the 95th percentile. */
    public Duration p95() {
        return Duration.ofNanos(p95);
    }

    /** Returns the 99th percentile. */
    public Duration p99() {
        return Duration.ofNanos(p99);
    }

    /** Returns the largest value. */
    public Duration max() {
        return Duration.ofNanos(max);
    }

    /** Returns the mean. */
    public Duration mean() {
        return Duration.ofNanos(Math.round(mean));
    }

    /** Returns a copy of the underlying histogram of nanosecond values, for merging and export. */
    public Histogram histogram() {
        return histogram.copy();
    }

    @Override
    public String toString() {
        return "count " + count + ", p50 " + p50 + "ns, p95 " + p95 + "ns, p99 " + p99 + "ns, max " + max + "ns";
    }
}
