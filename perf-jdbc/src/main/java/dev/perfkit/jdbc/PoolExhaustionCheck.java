package dev.perfkit.jdbc;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
 * are seen through the acquire time instead. This check is perf-jdbc's own analysis; the run's
 * report does not have findings yet, and will take {@link PoolExhaustionFinding} as one when it
 * does.
 *
 * <p>An immutable value and stateless: {@link #custom()} starts a builder, {@link #toBuilder()} a
 * modified copy.
 */
public final class PoolExhaustionCheck {

    /** The share of the run with waiting users above which a pool counts as exhausted, unless set: 10 %. */
    public static final double DEFAULT_MAX_WAITING_SHARE = 0.10;
    /** The acquire time above which a pool counts as exhausted, unless set. */
    public static final Duration DEFAULT_MAX_ACQUIRE_TIME = Duration.ofMillis(50);
    /** The percentile of acquire time compared with the bound, unless set. */
    public static final double DEFAULT_ACQUIRE_PERCENTILE = 99.0;

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
        String waitingGauge = pool + JdbcPool.WAITING;
        long withGauge = 0;
        long withWaiters = 0;
        int intervalsWithWaiters = 0;
        int intervalsWithGauge = 0;
        double peakWaiting = Double.NaN;
        double peakActive = Double.NaN;
        double maxSize = Double.NaN;
        for (IntervalStats interval : result.intervals()) {
            Double waiting = interval.gauges().get(waitingGauge);
            if (waiting == null || waiting.isNaN()) {
                continue;
            }
            long length = interval.length().toNanos();
            withGauge += length;
            intervalsWithGauge++;
            if (waiting > 0) {
                withWaiters += length;
                intervalsWithWaiters++;
            }
            peakWaiting = Double.isNaN(peakWaiting) ? waiting : Math.max(peakWaiting, waiting);
            peakActive = max(peakActive, interval.gauges().get(pool + JdbcPool.ACTIVE));
            maxSize = max(maxSize, interval.gauges().get(pool + JdbcPool.MAX));
        }
        double waitingShare = intervalsWithGauge == 0 ? Double.NaN : withGauge == 0 ? 0 : (double) withWaiters / withGauge;

        Optional<SampleStats> acquire = result.sample(pool + JdbcPool.ACQUIRE);
        long acquireAt = acquire.map(s -> s.responseTime().percentileNanos(acquirePercentile)).orElse(-1L);
        long acquireMax = acquire.map(s -> s.responseTime().maxNanos()).orElse(-1L);
        long acquisitions = acquire.map(SampleStats::count).orElse(0L);
        long timeouts = poolTimeouts(result, pool);

        boolean tooMuchWaiting = !Double.isNaN(waitingShare) && waitingShare > maxWaitingShare;
        boolean slowAcquire = acquireAt > maxAcquireTime.toNanos();
        boolean exhausted = tooMuchWaiting || slowAcquire;

        List<String> evidence = new ArrayList<>();
        if (!Double.isNaN(waitingShare)) {
            evidence.add(String.format(Locale.ROOT,
                    "virtual users waited for a connection in %d of %d intervals (%.0f%% of the run; limit %.0f%%), up to %.0f at once",
                    intervalsWithWaiters, intervalsWithGauge, waitingShare * 100, maxWaitingShare * 100, peakWaiting));
            evidence.add(String.format(Locale.ROOT, "pool max size %.0f, up to %.0f connections in use at once", maxSize, peakActive));
        }
        if (acquireAt >= 0) {
            evidence.add(String.format(Locale.ROOT, "acquire time p%s %s (limit %s), max %s, over %d acquisitions",
                    percentileLabel(acquirePercentile), millis(acquireAt), millis(maxAcquireTime.toNanos()), millis(acquireMax),
                    acquisitions));
        }
        if (timeouts > 0) {
            evidence.add(timeouts + (timeouts == 1 ? " statement" : " statements")
                    + " failed with pool_timeout: no connection came free within the connection timeout");
        }
        if (evidence.isEmpty()) {
            evidence.add("the result holds no gauge '" + waitingGauge + "' and no timing '" + pool + JdbcPool.ACQUIRE + "'");
        }
        return new PoolExhaustionFinding(pool, exhausted, waitingShare, peakWaiting, peakActive, maxSize, acquirePercentile,
                acquireAt, acquireMax, acquisitions, timeouts, evidence,
                recommendation(pool, exhausted, acquireAt >= 0 || !Double.isNaN(waitingShare), maxSize, peakActive, peakWaiting));
    }

    private static String recommendation(String pool, boolean exhausted, boolean hasData, double maxSize, double peakActive,
                                         double peakWaiting) {
        if (!hasData) {
            return "Run the statements through JdbcPool '" + pool + "' and add its gauges with JdbcPool.addGaugesTo(...) to check it.";
        }
        if (!exhausted) {
            return "Pool '" + pool + "' kept up with the load: no change needed.";
        }
        if (!Double.isNaN(maxSize) && !Double.isNaN(peakWaiting)) {
            return String.format(Locale.ROOT, "Pool '%s' ran out of connections: raise maxSize above %.0f (up to %.0f users held or"
                    + " waited for one at once), make statements hold a connection for less time, or lower the concurrency.",
                    pool, maxSize, peakActive + peakWaiting);
        }
        return "Pool '" + pool + "' ran out of connections: raise its maxSize, make statements hold a connection for less time,"
                + " or lower the concurrency.";
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

    private static double max(double current, Double value) {
        if (value == null || value.isNaN()) {
            return current;
        }
        return Double.isNaN(current) ? value : Math.max(current, value);
    }

    private static String percentileLabel(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
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
