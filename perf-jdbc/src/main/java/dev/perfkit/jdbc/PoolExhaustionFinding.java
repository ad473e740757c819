package dev.perfkit.jdbc;

import dev.perfkit.core.Finding;
import dev.perfkit.core.Findings;
import dev.perfkit.core.internal.PoolExhaustion;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of a {@link PoolExhaustionCheck} on one pool over one run: whether the pool ran out
 * of connections, the figures that say so, and what to do about it.
 *
 * <p>A plain value; {@link #toFinding()} turns an exhausted pool into the {@code pool_exhaustion}
 * {@link Finding} of perf-core, the same one {@link Findings#detect} reports under the default
 * criteria, with the {@code pool_timeout} evidence added.
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
    public static final String KIND = Findings.POOL_EXHAUSTION;

    /** Copies the evidence. */
    public PoolExhaustionFinding {
        evidence = List.copyOf(evidence);
    }

    /** Returns whether the run held any data about the pool: its gauges or its acquire timing. */
    public boolean hasData() {
        return !Double.isNaN(waitingShare) || acquireNanos >= 0;
    }

    /**
     * Returns this answer as one of a run's findings.
     *
     * @return a {@code pool_exhaustion} finding about this pool, or empty if it was not exhausted
     */
    public Optional<Finding> toFinding() {
        if (!exhausted) {
            return Optional.empty();
        }
        return Optional.of(new Finding(KIND, pool, PoolExhaustion.title(pool, waitingShare, acquireNanos, acquirePercentile),
                evidence, recommendation));
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
