package dev.perfkit.core;

import java.util.Objects;

/**
 * How a {@link Comparison} decides that a change is real: the significance level of its tests
 * and the minimum effects that matter, plus what counts as enough data. Immutable; build one with
 * {@link #custom()}, start a modified copy with {@link #toBuilder()}.
 *
 * <pre>{@code
 * RegressionPolicy strict = RegressionPolicy.custom()
 *     .minLatencyChange(0.05)                      // flag 5 % slower medians
 *     .statistic(RegressionPolicy.Statistic.P90)   // test the intervals' p90 instead of p50
 *     .build();
 * }</pre>
 *
 * <p>Both conditions are needed for a decision: statistical significance (the test's p-value is
 * below {@link #significance()}), so that noise is not flagged, and a practical minimum
 * ({@link #minLatencyChange()} and the others), so that a 1 % shift that a long run measures
 * precisely, or that the machine's load drifted by between runs, is not flagged either.
 */
public final class RegressionPolicy {

    /** The default significance level: 0.01, a 1 % chance per test of calling noise a change. */
    public static final double DEFAULT_SIGNIFICANCE = 0.01;
    /** The default minimum latency change: 0.10, the Hodges-Lehmann shift of 10 % of the baseline median. */
    public static final double DEFAULT_MIN_LATENCY_CHANGE = 0.10;
    /** The default minimum error-rate increase: 0.01, one more failure in a hundred samples. */
    public static final double DEFAULT_MIN_ERROR_RATE_INCREASE = 0.01;
    /** The default minimum throughput change of open runs: 0.10, 10 % fewer of the offered arrivals started. */
    public static final double DEFAULT_MIN_THROUGHPUT_CHANGE = 0.10;
    /** The default minimum of usable intervals on each side for the interval tests: 10. */
    public static final int DEFAULT_MIN_INTERVALS = 10;
    /** The default minimum of successful samples for an interval to be used: 5. */
    public static final int DEFAULT_MIN_SAMPLES_PER_INTERVAL = 5;
    /** The default latency statistic of each interval: its median. */
    public static final Statistic DEFAULT_STATISTIC = Statistic.P50;

    private static final RegressionPolicy DEFAULTS = custom().build();

    /**
     * The per-interval latency figure that the latency test compares. The median is the most
     * stable; the higher percentiles need more samples per interval to mean anything (an
     * interval's p99 of 20 samples is its maximum).
     */
    public enum Statistic {
        /** The interval's median response time. */
        P50,
        /** The interval's 90th percentile. */
        P90,
        /** The interval's 95th percentile. */
        P95,
        /** The interval's 99th percentile. */
        P99,
        /** The interval's mean response time. */
        MEAN;

        /**
         * Returns this statistic of one interval.
         *
         * @param interval the interval of a sample name
         * @return the value in nanoseconds
         */
        public double of(IntervalStats.Interval interval) {
            return switch (this) {
                case P50 -> interval.p50Nanos();
                case P90 -> interval.p90Nanos();
                case P95 -> interval.p95Nanos();
                case P99 -> interval.p99Nanos();
                case MEAN -> interval.meanNanos();
            };
        }
    }

    private final double significance;
    private final double minLatencyChange;
    private final double minErrorRateIncrease;
    private final double minThroughputChange;
    private final int minIntervals;
    private final int minSamplesPerInterval;
    private final Statistic statistic;

    private RegressionPolicy(Builder b) {
        this.significance = b.significance;
        this.minLatencyChange = b.minLatencyChange;
        this.minErrorRateIncrease = b.minErrorRateIncrease;
        this.minThroughputChange = b.minThroughputChange;
        this.minIntervals = b.minIntervals;
        this.minSamplesPerInterval = b.minSamplesPerInterval;
        this.statistic = b.statistic;
    }

    /** Returns the defaults (the {@code DEFAULT_} constants). */
    public static RegressionPolicy defaults() {
        return DEFAULTS;
    }

    /** Returns a builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** Returns a builder starting from this policy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.significance = significance;
        b.minLatencyChange = minLatencyChange;
        b.minErrorRateIncrease = minErrorRateIncrease;
        b.minThroughputChange = minThroughputChange;
        b.minIntervals = minIntervals;
        b.minSamplesPerInterval = minSamplesPerInterval;
        b.statistic = statistic;
        return b;
    }

    /** Returns the significance level: a p-value below it is significant. */
    public double significance() {
        return significance;
    }

    /** Returns the minimum latency change, relative to the baseline's median interval value. */
    public double minLatencyChange() {
        return minLatencyChange;
    }

    /** Returns the minimum increase of the error rate, absolute (0.01 is one percentage point). */
    public double minErrorRateIncrease() {
        return minErrorRateIncrease;
    }

    /** Returns the minimum throughput change of open runs, relative to the baseline. */
    public double minThroughputChange() {
        return minThroughputChange;
    }

    /** Returns the minimum of usable intervals on each side for an interval test. */
    public int minIntervals() {
        return minIntervals;
    }

    /** Returns the minimum of successful samples for an interval to count for the latency test. */
    public int minSamplesPerInterval() {
        return minSamplesPerInterval;
    }

    /** Returns the per-interval latency statistic that is tested. */
    public Statistic statistic() {
        return statistic;
    }

    @Override
    public String toString() {
        return "significance " + significance + ", min latency change " + minLatencyChange
                + ", min error-rate increase " + minErrorRateIncrease + ", min throughput change " + minThroughputChange
                + ", min intervals " + minIntervals + ", min samples per interval " + minSamplesPerInterval
                + ", statistic " + statistic;
    }

    /** Builds a {@link RegressionPolicy}. Not thread-safe. */
    public static final class Builder {
        private double significance = DEFAULT_SIGNIFICANCE;
        private double minLatencyChange = DEFAULT_MIN_LATENCY_CHANGE;
        private double minErrorRateIncrease = DEFAULT_MIN_ERROR_RATE_INCREASE;
        private double minThroughputChange = DEFAULT_MIN_THROUGHPUT_CHANGE;
        private int minIntervals = DEFAULT_MIN_INTERVALS;
        private int minSamplesPerInterval = DEFAULT_MIN_SAMPLES_PER_INTERVAL;
        private Statistic statistic = DEFAULT_STATISTIC;

        private Builder() {
        }

        /**
         * Sets the significance level of every test.
         *
         * @param significance within (0, 0.5]; default {@link #DEFAULT_SIGNIFICANCE}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder significance(double significance) {
            this.significance = within("significance", significance, 0, false, 0.5);
            return this;
        }

        /**
         * Sets the smallest latency change that counts, relative to the baseline's median of the
         * interval values: 0.1 flags a median 10 % slower. 0 leaves the decision to significance alone.
         *
         * @param change within [0, 10]; default {@link #DEFAULT_MIN_LATENCY_CHANGE}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder minLatencyChange(double change) {
            this.minLatencyChange = within("minLatencyChange", change, 0, true, 10);
            return this;
        }

        /**
         * Sets the smallest increase of the error rate that counts, in absolute terms: 0.01 flags
         * 1 % of failures going to 2 %.
         *
         * @param increase within [0, 1]; default {@link #DEFAULT_MIN_ERROR_RATE_INCREASE}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder minErrorRateIncrease(double increase) {
            this.minErrorRateIncrease = within("minErrorRateIncrease", increase, 0, true, 1);
            return this;
        }

        /**
         * Sets the smallest throughput change that counts, relative to the baseline; it applies to
         * open runs, whose throughput is the share of the offered arrivals that started: 0.1 flags
         * 10 % fewer (see {@link Comparison} for why closed runs are not judged on throughput).
         *
         * @param change within [0, 1]; default {@link #DEFAULT_MIN_THROUGHPUT_CHANGE}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder minThroughputChange(double change) {
            this.minThroughputChange = within("minThroughputChange", change, 0, true, 1);
            return this;
        }

        /**
         * Sets how many usable intervals each run needs for an interval test; with fewer the test
         * says {@link ChangeDecision#INSUFFICIENT_DATA}. The normal approximation of the test
         * wants about 8 or more; at 1 s intervals the default asks for 10 s of steady data.
         *
         * @param intervals at least 3; default {@link #DEFAULT_MIN_INTERVALS}
         * @return this builder
         * @throws IllegalArgumentException if below 3
         */
        public Builder minIntervals(int intervals) {
            if (intervals < 3) {
                throw new IllegalArgumentException("regressionPolicy: minIntervals must be >= 3, was " + intervals);
            }
            this.minIntervals = intervals;
            return this;
        }

        /**
         * Sets how many successful samples an interval of a sample name needs to count for the
         * latency test: the percentile of an interval with two samples is mostly chance.
         *
         * @param samples at least 1; default {@link #DEFAULT_MIN_SAMPLES_PER_INTERVAL}
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder minSamplesPerInterval(int samples) {
            this.minSamplesPerInterval = Checks.positive("regressionPolicy", "minSamplesPerInterval", samples);
            return this;
        }

        /**
         * Sets the per-interval latency statistic that is tested.
         *
         * @param statistic the statistic; default {@link #DEFAULT_STATISTIC}
         * @return this builder
         * @throws NullPointerException if null
         */
        public Builder statistic(Statistic statistic) {
            this.statistic = Checks.notNull("regressionPolicy", "statistic", statistic);
            return this;
        }

        /** Returns the policy. */
        public RegressionPolicy build() {
            return new RegressionPolicy(this);
        }

        private static double within(String field, double value, double min, boolean minIncluded, double max) {
            boolean aboveMin = minIncluded ? value >= min : value > min;
            if (!(aboveMin && value <= max)) {
                throw new IllegalArgumentException("regressionPolicy: " + field + " must be within "
                        + (minIncluded ? "[" : "(") + min + ", " + max + "], was " + value);
            }
            return value;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegressionPolicy p && significance == p.significance && minLatencyChange == p.minLatencyChange
                && minErrorRateIncrease == p.minErrorRateIncrease && minThroughputChange == p.minThroughputChange
                && minIntervals == p.minIntervals && minSamplesPerInterval == p.minSamplesPerInterval
                && statistic == p.statistic;
    }

    @Override
    public int hashCode() {
        return Objects.hash(significance, minLatencyChange, minErrorRateIncrease, minThroughputChange, minIntervals,
                minSamplesPerInterval, statistic);
    }
}
