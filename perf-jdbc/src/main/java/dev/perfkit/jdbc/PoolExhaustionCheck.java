package dev.perfkit.jdbc;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.Findings;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.internal.PoolExhaustion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a connection pool was exhausted during a run, from the run's result alone: the
 * pool's gauges in the intervals ({@link JdbcPool#addGaugesTo}) and its acquire-time statistic.
 *
 * <pre>{@code
 * PoolExhaustionFinding finding = PoolExhaustionCheck.custom()
 *     .maxWaitingShare(0.05)
 *     .maxAcquireTime(Duration.ofMillis(20))
 *     .build()
 *     .analyze(result, "db");
 * if (finding.exhausted()) System.out.println(finding.describe());
 * }</pre>
 *
 * <h2>Criteria</h2>
 * A pool is exhausted when either
 * <ul>
 *   <li>virtual users waited for a connection during more than {@link #maxWaitingShare()} of the
 *       run, or</li>
 *   <li>the acquire time at {@link #acquirePercentile()} exceeded {@link #maxAcquireTime()}.</li>
 * </ul>
 * Statements that failed with {@code pool_timeout} are reported as evidence; they imply an acquire
 * time of the whole connection timeout.
 *
 * <h2>Limits</h2>
 * The gauges are read once per interval, at its end, so the share of time with waiters is
 * estimated from those points: waits shorter than an interval that never span an interval's end
 * are seen through the acquire time instead.
 *
 * <h2>Relation to {@link Findings}</h2>
 * The rule is perf-core's: {@link Findings#detect} applies it to every pool of a run (found by its
 * {@code <pool>.waiting} gauge) and reports exhausted ones as {@code pool_exhaustion} findings.
 * This check gives the figures of one pool as fields, adds the statements that failed with
 * {@code pool_timeout} (perf-jdbc's own category) as evidence, and lets the criteria differ per
 * pool; {@link PoolExhaustionFinding#toFinding()} turns its answer into a {@code Finding}.
 *
 * <p>An immutable value and stateless: {@link #custom()} starts a builder, {@link #toBuilder()} a
 * modified copy.
 */
public final class PoolExhaustionCheck {

    /** The share of the run with waiting users above which a pool counts as exhausted, unless set: 10 %. */
    public static final double DEFAULT_MAX_WAITING_SHARE = Findings.DEFAULT_POOL_WAITING_SHARE;
    /** The acquire time above which a pool counts as exhausted, unless set. */
    public static final Duration DEFAULT_MAX_ACQUIRE_TIME = Findings.DEFAULT_POOL_ACQUIRE_TIME;
    /** The percentile of acquire time compared with the bound, unless set. */
    public static final double DEFAULT_ACQUIRE_PERCENTILE = Findings.POOL_ACQUIRE_PERCENTILE;

    private static final PoolExhaustionCheck DEFAULTS = custom().build();

    private final double maxWaitingShare;
    private final Duration maxAcquireTime;
    private final double acquirePercentile;

    private PoolExhaustionCheck(Builder b) {
        this.maxWaitingShare = b.maxWaitingShare;
        this.maxAcquireTime = b.maxAcquireTime;
        this.acquirePercentile = b.acquirePercentile;
    }

    /** Returns the check with the default criteria. */
    public static PoolExhaustionCheck defaults() {
        return DEFAULTS;
    }

    /** Returns a builder with the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** Returns a builder starting from this check. */
    public Builder toBuilder() {
        return new Builder().maxWaitingShare(maxWaitingShare).maxAcquireTime(maxAcquireTime)
                .acquirePercentile(acquirePercentile);
    }

    /** Returns the share of the run with waiting users above which the pool is exhausted. */
    public double maxWaitingShare() {
        return maxWaitingShare;
    }

    /** Returns the acquire-time bound. */
    public Duration maxAcquireTime() {
        return maxAcquireTime;
    }

    /** Returns the percentile of acquire time compared with the bound. */
    public double acquirePercentile() {
        return acquirePercentile;
    }

    /**
     * Analyses one pool over one run.
     *
     * @param result the run's result
     * @param pool   the pool's name ({@link JdbcPool#name()})
     * @return the finding; without gauges and acquire timing for that pool, a finding that is
     *         not exhausted and says there was no data
     */
    public PoolExhaustionFinding analyze(RunResult result, String pool) {
        Checks.notNull("poolExhaustionCheck", "result", result);
        Checks.name("poolExhaustionCheck", "pool", pool);
        PoolExhaustion.Analysis a = PoolExhaustion.analyze(result, pool, maxWaitingShare, maxAcquireTime.toNanos(),
                acquirePercentile);
        long timeouts = poolTimeouts(result, pool);
        boolean exhausted = a.exhausted();
        List<String> evidence = new ArrayList<>(a.hasData() ? a.evidence() : List.of());
        if (timeouts > 0) {
            evidence.add(timeouts + (timeouts == 1 ? " statement" : " statements")
                    + " failed with pool_timeout: no connection came free within the connection timeout");
        }
        if (evidence.isEmpty()) {
            evidence.addAll(a.evidence());
        }
        String recommendation = !a.hasData()
                ? "Run the statements through JdbcPool '" + pool + "' and add its gauges with JdbcPool.addGaugesTo(...) to check it."
                : exhausted ? a.recommendation() : "Pool '" + pool + "' kept up with the load: no change needed.";
        return new PoolExhaustionFinding(pool, exhausted, a.waitingShare(), a.peakWaiting(), a.peakActive(), a.maxSize(),
                acquirePercentile, a.acquireNanos(), a.acquireMaxNanos(), a.acquisitions(), timeouts, evidence,
                recommendation);
    }

    private static long poolTimeouts(RunResult result, String pool) {
        String marker = "pool '" + pool + "'";
        long count = 0;
        for (SampleStats s : result.samples()) {
            if (s.kind() != dev.perfkit.core.SampleKind.REQUEST) {
                continue;
            }
            for (FailureSummary f : s.failureSummaries()) {
                if (!f.category().equals(SqlFailure.POOL_TIMEOUT.category())) {
                    continue;
                }
                for (FailureSummary.MessageCount m : f.messages()) {
                    if (m.message().contains(marker)) {
                        count += m.count();
                    }
                }
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "PoolExhaustionCheck[maxWaitingShare=" + maxWaitingShare + ", maxAcquireTime=" + maxAcquireTime.toMillis()
                + "ms, acquirePercentile=" + acquirePercentile + "]";
    }

    /** Builds a {@link PoolExhaustionCheck}. Not thread-safe. */
    public static final class Builder {
        private double maxWaitingShare = DEFAULT_MAX_WAITING_SHARE;
        private Duration maxAcquireTime = DEFAULT_MAX_ACQUIRE_TIME;
        private double acquirePercentile = DEFAULT_ACQUIRE_PERCENTILE;

        private Builder() {
        }

        /**
         * Sets the share of the run with waiting users above which the pool is exhausted.
         *
         * @param maxWaitingShare 0 to 1; default {@link #DEFAULT_MAX_WAITING_SHARE}
         * @return this builder
         */
        public Builder maxWaitingShare(double maxWaitingShare) {
            if (!(maxWaitingShare >= 0 && maxWaitingShare <= 1)) {
                throw new IllegalArgumentException("poolExhaustionCheck: maxWaitingShare must be within 0..1, was " + maxWaitingShare);
            }
            this.maxWaitingShare = maxWaitingShare;
            return this;
        }

        /**
         * Sets the acquire-time bound.
         *
         * @param maxAcquireTime {@code > 0}; default {@link #DEFAULT_MAX_ACQUIRE_TIME}
         * @return this builder
         */
        public Builder maxAcquireTime(Duration maxAcquireTime) {
            this.maxAcquireTime = Checks.positive("poolExhaustionCheck", "maxAcquireTime", maxAcquireTime);
            return this;
        }

        /**
         * Sets the percentile of acquire time compared with the bound.
         *
         * @param acquirePercentile 0 to 100; default {@link #DEFAULT_ACQUIRE_PERCENTILE}
         * @return this builder
         */
        public Builder acquirePercentile(double acquirePercentile) {
            if (!(acquirePercentile >= 0 && acquirePercentile <= 100)) {
                throw new IllegalArgumentException("poolExhaustionCheck: acquirePercentile must be within 0..100, was "
                        + acquirePercentile);
            }
            this.acquirePercentile = acquirePercentile;
            return this;
        }

        /** Returns the check. */
        public PoolExhaustionCheck build() {
            return new PoolExhaustionCheck(this);
        }
    }
}
