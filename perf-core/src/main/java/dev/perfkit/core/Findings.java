package dev.perfkit.core;

import dev.perfkit.core.internal.ErrorBursts;
import dev.perfkit.core.internal.MemoryLeaks;
import dev.perfkit.core.internal.MonitorOutages;
import dev.perfkit.core.internal.PoolExhaustion;
import dev.perfkit.core.internal.SaturationKnee;
import dev.perfkit.core.internal.SlowSamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Detects common performance problems in a run's data and explains each as a {@link Finding}
 * with its evidence and a recommendation.
 *
 * <pre>{@code
 * List<Finding> findings = Findings.defaults().detect(result);
 * Verdict verdict = Verdict.of("staging", rules, findings);
 * }</pre>
 *
 * <h2>What is detected</h2>
 * <ul>
 *   <li>{@value #MEMORY_LEAK}: a memory gauge keeps rising after the warm-up. Gauges named
 *       {@code <label>.memory.afterGc} are used where present, else {@code <label>.memory}. A line
 *       is fitted by least squares; a leak needs a slope whose confidence interval
 *       ({@link #leakConfidence()}) lies above 0, at least {@link #leakMinPoints()} points over at
 *       least {@link #leakMinDuration()}, and a fitted growth of at least {@link #leakMinGrowth()}
 *       of the starting level. The first {@link #leakWarmUp()} of the intervals is left out.</li>
 *   <li>{@value #SATURATION}: throughput stops rising while the load rises and latency climbs.
 *       The knee is the load level farthest above the straight line from the lightest to the
 *       heaviest level on the normalised throughput curve (the "kneedle" method). It is reported
 *       when, past it, each added user adds less than {@link #saturationGain()} of the throughput
 *       per user at the knee, and the mean response time at the heaviest level is at least
 *       {@link #saturationLatencyRise()} above the knee's. Levels are the active users of the
 *       closed model (intervals where the count did not change, when there are enough of them),
 *       or for the open model the offered rate estimated per interval, in ten bins.</li>
 *   <li>{@value #POOL_EXHAUSTION}: for each pool found by its {@code <pool>.waiting} gauge,
 *       users waited for a connection in more than {@link #poolWaitingShare()} of the run, or the
 *       99th percentile of the {@code <pool>.acquire} timing exceeded {@link #poolAcquireTime()}.</li>
 *   <li>{@value #SLOW_SAMPLE}: a sample name whose p95 is at least {@link #slowFactor()} times
 *       the median p95 of the other names and at least {@link #slowFloor()}, or above
 *       {@link #slowBound()} when one is set. Names of the kind the total counts are compared
 *       (requests when there are any, else tasks).</li>
 *   <li>{@value #ERROR_BURST}: consecutive intervals whose error rate is at least
 *       {@link #burstFactor()} times the run's baseline (the median of the intervals' error rates)
 *       and at least {@link #burstMinRise()} above it, with at least
 *       {@value #MIN_BURST_FAILURES} failures in all.</li>
 *   <li>{@value #MONITOR_DOWN}: a resource monitor's {@code <label>.up} gauge was 0 in some
 *       intervals, so its other gauges there are stale or missing.</li>
 * </ul>
 * The evidence of each kind states its limits where they matter; {@code docs/verdicts.md} gives
 * the methods in full.
 *
 * <p>An immutable value with defaults as named constants: {@link #custom()} starts a builder,
 * {@link #toBuilder()} a modified copy. Detection is pure: it reads only the {@link RunResult},
 * so it runs as well on a result read back from a file.
 */
public final class Findings {

    /** The kind of a rising memory gauge. */
    public static final String MEMORY_LEAK = "memory_leak";
    /** The kind of a load level past which throughput stops rising. */
    public static final String SATURATION = "saturation";
    /** The kind of a connection pool that ran out of connections. */
    public static final String POOL_EXHAUSTION = "pool_exhaustion";
    /** The kind of a sample name much slower than the others. */
    public static final String SLOW_SAMPLE = "slow_sample";
    /** The kind of a run of intervals with a jump in the error rate. */
    public static final String ERROR_BURST = "error_burst";
    /** The kind of a resource monitor that failed to sample. */
    public static final String MONITOR_DOWN = "monitor_down";

    /** The order of the kinds in {@link #detect}: most important first. */
    public static final List<String> KINDS_BY_IMPORTANCE =
            List.of(MEMORY_LEAK, POOL_EXHAUSTION, SATURATION, ERROR_BURST, SLOW_SAMPLE, MONITOR_DOWN);

    /** Default confidence of the leak slope's interval: 95 %. */
    public static final double DEFAULT_LEAK_CONFIDENCE = 0.95;
    /** Default fewest memory points after the warm-up for a leak: 10. */
    public static final int DEFAULT_LEAK_MIN_POINTS = 10;
    /** Default shortest analysed span for a leak: 1 minute. */
    public static final Duration DEFAULT_LEAK_MIN_DURATION = Duration.ofMinutes(1);
    /** Default share of the intervals left out at the start as warm-up: 20 %. */
    public static final double DEFAULT_LEAK_WARM_UP = 0.20;
    /** Default smallest fitted growth over the analysed span, as a share of the starting level: 5 %. */
    public static final double DEFAULT_LEAK_MIN_GROWTH = 0.05;
    /** Default gain per added user past the knee, as a share of the throughput per user at it: 25 %. */
    public static final double DEFAULT_SATURATION_GAIN = 0.25;
    /** Default smallest rise of mean response time from the knee to the heaviest level: 50 %. */
    public static final double DEFAULT_SATURATION_LATENCY_RISE = 0.50;
    /** The fewest distinct load levels the saturation check needs. */
    public static final int MIN_SATURATION_LEVELS = 5;
    /** Default share of the run with waiting users above which a pool is exhausted: 10 %. */
    public static final double DEFAULT_POOL_WAITING_SHARE = 0.10;
    /** Default 99th percentile of acquire time above which a pool is exhausted: 50 ms. */
    public static final Duration DEFAULT_POOL_ACQUIRE_TIME = Duration.ofMillis(50);
    /** The percentile of acquire time compared with {@link #poolAcquireTime()}. */
    public static final double POOL_ACQUIRE_PERCENTILE = 99.0;
    /** Default factor over the median p95 of the other names for a slow sample: 3. */
    public static final double DEFAULT_SLOW_FACTOR = 3.0;
    /** Default smallest p95 a slow sample must have: 10 ms, so that 2 ms against 0.5 ms is no finding. */
    public static final Duration DEFAULT_SLOW_FLOOR = Duration.ofMillis(10);
    /** Default factor over the baseline error rate for an error burst: 3. */
    public static final double DEFAULT_BURST_FACTOR = 3.0;
    /** Default smallest rise of the error rate above the baseline for an error burst: 0.05 (5 points). */
    public static final double DEFAULT_BURST_MIN_RISE = 0.05;
    /** The fewest failures an error burst holds. */
    public static final int MIN_BURST_FAILURES = 5;

    private static final Findings DEFAULTS = custom().build();

    private final double leakConfidence;
    private final int leakMinPoints;
    private final Duration leakMinDuration;
    private final double leakWarmUp;
    private final double leakMinGrowth;
    private final double saturationGain;
    private final double saturationLatencyRise;
    private final double poolWaitingShare;
    private final Duration poolAcquireTime;
    private final double slowFactor;
    private final Duration slowFloor;
    private final Duration slowBound;
    private final double burstFactor;
    private final double burstMinRise;

    private Findings(Builder b) {
        this.leakConfidence = b.leakConfidence;
        this.leakMinPoints = b.leakMinPoints;
        this.leakMinDuration = b.leakMinDuration;
        this.leakWarmUp = b.leakWarmUp;
        this.leakMinGrowth = b.leakMinGrowth;
        this.saturationGain = b.saturationGain;
        this.saturationLatencyRise = b.saturationLatencyRise;
        this.poolWaitingShare = b.poolWaitingShare;
        this.poolAcquireTime = b.poolAcquireTime;
        this.slowFactor = b.slowFactor;
        this.slowFloor = b.slowFloor;
        this.slowBound = b.slowBound;
        this.burstFactor = b.burstFactor;
        this.burstMinRise = b.burstMinRise;
    }

    /** Returns the detection with every default. */
    public static Findings defaults() {
        return DEFAULTS;
    }

    /** Returns a builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** Returns a builder starting from this instance. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.leakConfidence = leakConfidence;
        b.leakMinPoints = leakMinPoints;
        b.leakMinDuration = leakMinDuration;
        b.leakWarmUp = leakWarmUp;
        b.leakMinGrowth = leakMinGrowth;
        b.saturationGain = saturationGain;
        b.saturationLatencyRise = saturationLatencyRise;
        b.poolWaitingShare = poolWaitingShare;
        b.poolAcquireTime = poolAcquireTime;
        b.slowFactor = slowFactor;
        b.slowFloor = slowFloor;
        b.slowBound = slowBound;
        b.burstFactor = burstFactor;
        b.burstMinRise = burstMinRise;
        return b;
    }

    /**
     * Detects the findings of a run.
     *
     * @param result the run's result
     * @return the findings, most important kind first ({@link #KINDS_BY_IMPORTANCE}), and within a
     *         kind the largest effect first; empty for a clean run
     * @throws NullPointerException if {@code result} is null
     */
    public List<Finding> detect(RunResult result) {
        Checks.notNull("findings", "result", result);
        List<Finding> all = new ArrayList<>();
        all.addAll(MemoryLeaks.detect(result, this));
        all.addAll(PoolExhaustion.detect(result, this));
        all.addAll(SaturationKnee.detect(result, this));
        all.addAll(ErrorBursts.detect(result, this));
        all.addAll(SlowSamples.detect(result, this));
        all.addAll(MonitorOutages.detect(result));
        all.sort(Comparator.comparingInt(f -> KINDS_BY_IMPORTANCE.indexOf(f.kind())));
        return List.copyOf(all);
    }

    /** Returns the confidence level of the leak slope's interval. */
    public double leakConfidence() {
        return leakConfidence;
    }

    /** Returns the fewest memory points after the warm-up for a leak. */
    public int leakMinPoints() {
        return leakMinPoints;
    }

    /** Returns the shortest analysed span for a leak. */
    public Duration leakMinDuration() {
        return leakMinDuration;
    }

    /** Returns the share of the intervals left out at the start. */
    public double leakWarmUp() {
        return leakWarmUp;
    }

    /** Returns the smallest fitted growth for a leak, as a share of the starting level. */
    public double leakMinGrowth() {
        return leakMinGrowth;
    }

    /** Returns the gain per added user past the knee, as a share of the throughput per user at it. */
    public double saturationGain() {
        return saturationGain;
    }

    /** Returns the smallest rise of mean response time from the knee to the heaviest level. */
    public double saturationLatencyRise() {
        return saturationLatencyRise;
    }

    /** Returns the share of the run with waiting users above which a pool is exhausted. */
    public double poolWaitingShare() {
        return poolWaitingShare;
    }

    /** Returns the acquire time (99th percentile) above which a pool is exhausted. */
    public Duration poolAcquireTime() {
        return poolAcquireTime;
    }

    /** Returns the factor over the median p95 of the other names for a slow sample. */
    public double slowFactor() {
        return slowFactor;
    }

    /** Returns the smallest p95 a slow sample must have. */
    public Duration slowFloor() {
        return slowFloor;
    }

    /** Returns the p95 above which any sample name is slow, if one is set. */
    public Optional<Duration> slowBound() {
        return Optional.ofNullable(slowBound);
    }

    /** Returns the factor over the baseline error rate for an error burst. */
    public double burstFactor() {
        return burstFactor;
    }

    /** Returns the smallest rise of the error rate above the baseline for an error burst. */
    public double burstMinRise() {
        return burstMinRise;
    }

    @Override
    public String toString() {
        return "Findings[leakConfidence=" + leakConfidence + ", leakMinPoints=" + leakMinPoints + ", leakMinDuration="
                + Checks.format(leakMinDuration) + ", leakWarmUp=" + leakWarmUp + ", leakMinGrowth=" + leakMinGrowth
                + ", saturationGain=" + saturationGain + ", saturationLatencyRise=" + saturationLatencyRise
                + ", poolWaitingShare=" + poolWaitingShare + ", poolAcquireTime=" + Checks.format(poolAcquireTime)
                + ", slowFactor=" + slowFactor + ", slowFloor=" + Checks.format(slowFloor) + ", slowBound="
                + (slowBound == null ? "none" : Checks.format(slowBound)) + ", burstFactor=" + burstFactor
                + ", burstMinRise=" + burstMinRise + "]";
    }

    /** Builds {@link Findings}. Not thread-safe. */
    public static final class Builder {
        private double leakConfidence = DEFAULT_LEAK_CONFIDENCE;
        private int leakMinPoints = DEFAULT_LEAK_MIN_POINTS;
        private Duration leakMinDuration = DEFAULT_LEAK_MIN_DURATION;
        private double leakWarmUp = DEFAULT_LEAK_WARM_UP;
        private double leakMinGrowth = DEFAULT_LEAK_MIN_GROWTH;
        private double saturationGain = DEFAULT_SATURATION_GAIN;
        private double saturationLatencyRise = DEFAULT_SATURATION_LATENCY_RISE;
        private double poolWaitingShare = DEFAULT_POOL_WAITING_SHARE;
        private Duration poolAcquireTime = DEFAULT_POOL_ACQUIRE_TIME;
        private double slowFactor = DEFAULT_SLOW_FACTOR;
        private Duration slowFloor = DEFAULT_SLOW_FLOOR;
        private Duration slowBound;
        private double burstFactor = DEFAULT_BURST_FACTOR;
        private double burstMinRise = DEFAULT_BURST_MIN_RISE;

        private Builder() {
        }

        /**
         * Sets the confidence level of the leak slope's interval.
         *
         * @param confidence strictly between 0 and 1; default {@link #DEFAULT_LEAK_CONFIDENCE}
         * @return this builder
         */
        public Builder leakConfidence(double confidence) {
            this.leakConfidence = openShare("leakConfidence", confidence);
            return this;
        }

        /**
         * Sets the fewest memory points after the warm-up for a leak.
         *
         * @param points {@code >= 3}; default {@link #DEFAULT_LEAK_MIN_POINTS}
         * @return this builder
         */
        public Builder leakMinPoints(int points) {
            if (points < 3) {
                throw new IllegalArgumentException("findings: leakMinPoints must be >= 3, was " + points);
            }
            this.leakMinPoints = points;
            return this;
        }

        /**
         * Sets the shortest analysed span for a leak: shorter runs say nothing about leaks.
         *
         * @param duration {@code > 0}; default {@link #DEFAULT_LEAK_MIN_DURATION}
         * @return this builder
         */
        public Builder leakMinDuration(Duration duration) {
            this.leakMinDuration = Checks.positive("findings", "leakMinDuration", duration);
            return this;
        }

        /**
         * Sets the share of the intervals left out at the start (ramp-up, warm-up, JIT).
         *
         * @param share 0 (inclusive) to 1 (exclusive); default {@link #DEFAULT_LEAK_WARM_UP}
         * @return this builder
         */
        public Builder leakWarmUp(double share) {
            if (!(share >= 0 && share < 1)) {
                throw new IllegalArgumentException("findings: leakWarmUp must be within [0, 1), was " + share);
            }
            this.leakWarmUp = share;
            return this;
        }

        /**
         * Sets the smallest fitted growth over the analysed span for a leak, as a share of the
         * fitted starting level (0.05 = the memory grew by 5 %).
         *
         * @param share {@code >= 0}; default {@link #DEFAULT_LEAK_MIN_GROWTH}
         * @return this builder
         */
        public Builder leakMinGrowth(double share) {
            this.leakMinGrowth = Checks.nonNegativeFinite("findings", "leakMinGrowth", share);
            return this;
        }

        /**
         * Sets how little throughput an added user may add past the knee, as a share of the
         * throughput per user at the knee, for saturation.
         *
         * @param share strictly between 0 and 1; default {@link #DEFAULT_SATURATION_GAIN}
         * @return this builder
         */
        public Builder saturationGain(double share) {
            this.saturationGain = openShare("saturationGain", share);
            return this;
        }

        /**
         * Sets the smallest rise of mean response time from the knee to the heaviest level for
         * saturation (0.5 = 50 % slower).
         *
         * @param share {@code >= 0}; default {@link #DEFAULT_SATURATION_LATENCY_RISE}
         * @return this builder
         */
        public Builder saturationLatencyRise(double share) {
            this.saturationLatencyRise = Checks.nonNegativeFinite("findings", "saturationLatencyRise", share);
            return this;
        }

        /**
         * Sets the share of the run with waiting users above which a pool is exhausted.
         *
         * @param share 0 to 1; default {@link #DEFAULT_POOL_WAITING_SHARE}
         * @return this builder
         */
        public Builder poolWaitingShare(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("findings: poolWaitingShare must be within 0..1, was " + share);
            }
            this.poolWaitingShare = share;
            return this;
        }

        /**
         * Sets the acquire time (99th percentile) above which a pool is exhausted.
         *
         * @param time {@code > 0}; default {@link #DEFAULT_POOL_ACQUIRE_TIME}
         * @return this builder
         */
        public Builder poolAcquireTime(Duration time) {
            this.poolAcquireTime = Checks.positive("findings", "poolAcquireTime", time);
            return this;
        }

        /**
         * Sets the factor over the median p95 of the other names for a slow sample.
         *
         * @param factor {@code > 1}; default {@link #DEFAULT_SLOW_FACTOR}
         * @return this builder
         */
        public Builder slowFactor(double factor) {
            if (!(factor > 1) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("findings: slowFactor must be a finite number > 1, was " + factor);
            }
            this.slowFactor = factor;
            return this;
        }

        /**
         * Sets the smallest p95 a slow sample must have, so that fast names are never flagged.
         *
         * @param floor {@code >= 0}; default {@link #DEFAULT_SLOW_FLOOR}
         * @return this builder
         */
        public Builder slowFloor(Duration floor) {
            this.slowFloor = Checks.nonNegative("findings", "slowFloor", floor);
            return this;
        }

        /**
         * Sets a p95 above which any sample name is slow, whatever the others do. No bound by default.
         *
         * @param bound {@code > 0}
         * @return this builder
         */
        public Builder slowBound(Duration bound) {
            this.slowBound = Checks.positive("findings", "slowBound", bound);
            return this;
        }

        /**
         * Sets the factor over the baseline error rate for an error burst.
         *
         * @param factor {@code > 1}; default {@link #DEFAULT_BURST_FACTOR}
         * @return this builder
         */
        public Builder burstFactor(double factor) {
            if (!(factor > 1) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("findings: burstFactor must be a finite number > 1, was " + factor);
            }
            this.burstFactor = factor;
            return this;
        }

        /**
         * Sets the smallest rise of the error rate above the baseline for an error burst, in
         * error-rate points (0.05 = 5 percentage points).
         *
         * @param rise strictly between 0 and 1; default {@link #DEFAULT_BURST_MIN_RISE}
         * @return this builder
         */
        public Builder burstMinRise(double rise) {
            this.burstMinRise = openShare("burstMinRise", rise);
            return this;
        }

        /** Returns the options. */
        public Findings build() {
            return new Findings(this);
        }

        private static double openShare(String field, double value) {
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException("findings: " + field + " must be within (0, 1), was " + value);
            }
            return value;
        }
    }
}
