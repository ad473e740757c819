package dev.perfkit.jdbc;

import java.util.List;

/**
 * The verdict of a {@link PoolExhaustionCheck} on one pool over one run: whether the pool ran out
 * of connections, the figures that say so, and what to do about it.
 *
 * <p>A plain value, ready to become one of the findings of a run's report (findings are not part
 * of perf-core yet; {@link #KIND} is the identifier meant for them).
 *
 * @param pool              the pool's name
 * @param exhausted         true if a criterion of the check was exceeded
 * @param waitingShare      the share of the run, 0 to 1, during which virtual users waited for a
 *                          connection (intervals whose {@code <pool>.waiting} gauge was above 0,
 *                          weighted by their length); NaN without the gauge
 * @param peakWaiting       the most virtual users seen waiting at once; NaN without the gauge
 * @param peakActive        the most connections seen lent out at once; NaN without the gauge
 * @param maxSize           the pool's maximum size; NaN without the gauge
 * @param acquirePercentile the percentile of acquire time the check looks at, such as 99
 * @param acquireNanos      the acquire time at that percentile, in nanoseconds; -1 without the timing
 * @param acquireMaxNanos   the longest acquire time, in nanoseconds; -1 without the timing
 * @param acquisitions      the connections asked for (successful or not)
 * @param poolTimeouts      the statements that failed with {@code pool_timeout} for this pool
 * @param evidence          the facts behind the verdict, one sentence each
 * @param recommendation    one sentence: what to change, or that nothing needs to
 */
public record PoolExhaustionFinding(String pool, boolean exhausted, double waitingShare, double peakWaiting,
                                    double peakActive, double maxSize, double acquirePercentile, long acquireNanos,
                                    long acquireMaxNanos, long acquisitions, long poolTimeouts, List<String> evidence,
                                    String recommendation) {

    /** The identifier of this kind of finding. */
    public static final String KIND = "pool_exhaustion";

    /** Copies the evidence. */
    public PoolExhaustionFinding {
        evidence = List.copyOf(evidence);
    }

    /** Returns whether the run held any data about the pool: its gauges or its acquire timing. */
    public boolean hasData() {
        return !Double.isNaN(waitingShare) || acquireNanos >= 0;
    }

    /** Returns the verdict, the evidence and the recommendation as lines of text. */
    public String describe() {
        StringBuilder sb = new StringBuilder(KIND).append(" [").append(pool).append("]: ")
                .append(exhausted ? "EXHAUSTED" : hasData() ? "ok" : "no data");
        for (String e : evidence) {
            sb.append("\n  - ").append(e);
        }
        return sb.append("\n  => ").append(recommendation).toString();
    }
}
