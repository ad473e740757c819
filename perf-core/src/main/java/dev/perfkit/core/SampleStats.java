package dev.perfkit.core;

import java.util.List;

/**
 * The statistics of one sample name over a whole run, or of the run's total.
 *
 * <p>{@link #count()} counts every sample, successful or failed. Times ({@link #responseTime()},
 * {@link #serviceTime()}) are over the successful samples, like the "OK" column of Gatling:
 * failures are counted and grouped by category instead, so that fast refusals do not flatter the
 * percentiles. The response time runs from the sample's scheduled start (open model, pacing) and
 * the service time from its actual start; in an unscheduled closed model they are equal.
 *
 * @param name       the sample name, or {@code "total"}
 * @param kind       where the samples come from
 * @param count      all samples, successful and failed
 * @param failures   the failed samples
 * @param throughput samples per second over the run's measured duration
 * @param responseTime the distribution of response times of successful samples
 * @param serviceTime  the distribution of service times of successful samples
 * @param failureSummaries the failures by category, largest first
 */
public record SampleStats(String name, SampleKind kind, long count, long failures, double throughput,
                          LatencyStats responseTime, LatencyStats serviceTime,
                          List<FailureSummary> failureSummaries) {

    /** The name of the total's statistics. */
    public static final String TOTAL = "total";

    /** Copies the failure list. */
    public SampleStats {
        failureSummaries = List.copyOf(failureSummaries);
    }

    /** Returns the successful samples. */
    public long successes() {
        return count - failures;
    }

    /** Returns the share of failed samples, 0 to 1; 0 when there were no samples. */
    public double errorRate() {
        return count == 0 ? 0 : (double) failures / count;
    }
}
