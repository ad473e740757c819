package dev.perfkit.jdbc;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The database requirements' thresholds on query times: the mean of every statement under
 * {@link #DEFAULT_MAX_MEAN} (100 ms) and its slowest call under {@link #DEFAULT_MAX_TIME} (500 ms).
 *
 * <pre>{@code
 * List<ThresholdViolation> violations = QueryThresholds.defaults().evaluate(result);
 * violations.forEach(v -> System.out.println(v.message()));
 * }</pre>
 *
 * <p>Applies to the requests of a run ({@link SampleKind#REQUEST}: every statement, transaction
 * and batch recorded through a {@link JdbcPool}), one by one, over their successful calls; timings
 * such as the acquire time are not statements and are left out. perf-core has no threshold API
 * yet: this is the database kit's own, and its violations are plain values a report can list.
 *
 * <p>An immutable value; {@link #custom()} starts a builder, {@link #toBuilder()} a modified copy.
 */
public final class QueryThresholds {

    /** The bound on a statement's mean time, unless set: 100 ms. */
    public static final Duration DEFAULT_MAX_MEAN = Duration.ofMillis(100);
    /** The bound on a statement's slowest call, unless set: 500 ms. */
    public static final Duration DEFAULT_MAX_TIME = Duration.ofMillis(500);

    private static final QueryThresholds DEFAULTS = custom().build();

    private final Duration maxMean;
    private final Duration maxTime;

    private QueryThresholds(Builder b) {
        this.maxMean = b.maxMean;
        this.maxTime = b.maxTime;
    }

    /** Returns the requirements' thresholds: mean under 100 ms, maximum under 500 ms. */
    public static QueryThresholds defaults() {
        return DEFAULTS;
    }

    /** Returns a builder with the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** Returns a builder starting from these thresholds. */
    public Builder toBuilder() {
        return new Builder().maxMean(maxMean).maxTime(maxTime);
    }

    /** Returns the bound on a statement's mean time. */
    public Duration maxMean() {
        return maxMean;
    }

    /** Returns the bound on a statement's slowest call. */
    public Duration maxTime() {
        return maxTime;
    }

    /**
     * Checks every statement of a run.
     *
     * @param result the run's result
     * @return the violations, in the order of the samples; empty if every statement is within bounds
     */
    public List<ThresholdViolation> evaluate(RunResult result) {
        Checks.notNull("queryThresholds", "result", result);
        List<ThresholdViolation> violations = new ArrayList<>();
        for (SampleStats s : result.samples()) {
            if (s.kind() != SampleKind.REQUEST || s.successes() == 0) {
                continue;
            }
            long mean = Math.round(s.responseTime().meanNanos());
            if (mean >= maxMean.toNanos()) {
                violations.add(new ThresholdViolation(s.name(), ThresholdViolation.MEAN, maxMean, Duration.ofNanos(mean)));
            }
            long max = s.responseTime().maxNanos();
            if (max >= maxTime.toNanos()) {
                violations.add(new ThresholdViolation(s.name(), ThresholdViolation.MAX, maxTime, Duration.ofNanos(max)));
            }
        }
        return violations;
    }

    @Override
    public String toString() {
        return "QueryThresholds[mean < " + maxMean.toMillis() + "ms, max < " + maxTime.toMillis() + "ms]";
    }

    /** Builds {@link QueryThresholds}. Not thread-safe. */
    public static final class Builder {
        private Duration maxMean = DEFAULT_MAX_MEAN;
        private Duration maxTime = DEFAULT_MAX_TIME;

        private Builder() {
        }

        /**
         * Sets the bound on a statement's mean time: a mean at or above it is a violation.
         *
         * @param maxMean {@code > 0}; default {@link #DEFAULT_MAX_MEAN}
         * @return this builder
         */
        public Builder maxMean(Duration maxMean) {
            this.maxMean = Checks.positive("queryThresholds", "maxMean", maxMean);
            return this;
        }

        /**
         * Sets the bound on a statement's slowest call: a call at or above it is a violation.
         *
         * @param maxTime {@code > 0}; default {@link #DEFAULT_MAX_TIME}
         * @return this builder
         */
        public Builder maxTime(Duration maxTime) {
            this.maxTime = Checks.positive("queryThresholds", "maxTime", maxTime);
            return this;
        }

        /** Returns the thresholds. */
        public QueryThresholds build() {
            return new QueryThresholds(this);
        }
    }
}
