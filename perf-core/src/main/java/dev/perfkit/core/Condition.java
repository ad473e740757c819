package dev.perfkit.core;

import java.time.Duration;

/**
 * A threshold rule waiting for its levels: {@code thresholds.p95("dashboard")} is a
 * {@code Condition}, and {@link #below} or {@link #atLeast} completes it into new
 * {@link Thresholds}. Optional settings ({@link #over}, {@link #abortOnFail}) come before the
 * level. Immutable: each method returns a new instance.
 *
 * <p>Levels are in the rule's unit ({@link Subject#unit(Statistic)}): milliseconds for times
 * (or a {@link Duration}), a ratio 0 to 1 for error rates, per second for throughput, bytes for
 * memory, a share 0 to 1 for CPU. A single level is the critical level; two are warning then
 * critical.
 */
public final class Condition {

    private final Thresholds thresholds;
    private final Subject subject;
    private final Statistic statistic;
    private final Duration window;
    private final boolean abortOnFail;
    private final Duration grace;

    Condition(Thresholds thresholds, Subject subject, Statistic statistic) {
        this(thresholds, subject, statistic, Duration.ZERO, false, Duration.ZERO);
    }

    private Condition(Thresholds thresholds, Subject subject, Statistic statistic, Duration window,
                      boolean abortOnFail, Duration grace) {
        this.thresholds = thresholds;
        this.subject = subject;
        this.statistic = statistic;
        this.window = window;
        this.abortOnFail = abortOnFail;
        this.grace = grace;
    }

    /**
     * Judges the run's last {@code window} instead of the whole run.
     *
     * @param window a positive duration, usually several intervals
     * @return the condition
     * @throws IllegalArgumentException if the window is not positive
     */
    public Condition over(Duration window) {
        Checks.positive(where(), "window", window);
        return new Condition(thresholds, subject, statistic, window, abortOnFail, grace);
    }

    /** Stops the run within one interval of reaching the critical level (see {@link RunOptions.Builder#abortOn}). */
    public Condition abortOnFail() {
        return new Condition(thresholds, subject, statistic, window, true, grace);
    }

    /**
     * Stops the run within one interval of reaching the critical level, once {@code grace} has
     * passed since its start (ramp-ups are often slow and noisy).
     *
     * @param grace at least zero
     * @return the condition
     */
    public Condition abortOnFail(Duration grace) {
        Checks.nonNegative(where(), "grace", grace);
        return new Condition(thresholds, subject, statistic, window, true, grace);
    }

    /** Requires a time to stay at or below {@code critical}. */
    public Thresholds below(Duration critical) {
        return level(true, Double.NaN, millis("critical", critical));
    }

    /** Requires a time to stay at or below {@code warning}, and above {@code critical} fails. */
    public Thresholds below(Duration warning, Duration critical) {
        return level(true, millis("warning", warning), millis("critical", critical));
    }

    /** Requires the value to stay at or below {@code critical}, in the rule's unit. */
    public Thresholds below(double critical) {
        return level(true, Double.NaN, critical);
    }

    /** Warns above {@code warning} and fails above {@code critical}, in the rule's unit. */
    public Thresholds below(double warning, double critical) {
        return level(true, warning, critical);
    }

    /** Requires the value (such as a throughput) to stay at or above {@code critical}. */
    public Thresholds atLeast(double critical) {
        return level(false, Double.NaN, critical);
    }

    /** Warns below {@code warning} and fails below {@code critical}. */
    public Thresholds atLeast(double warning, double critical) {
        return level(false, warning, critical);
    }

    private double millis(String field, Duration level) {
        Checks.nonNegative(where(), field, level);
        if (!"ms".equals(subject.unit(statistic))) {
            throw new IllegalArgumentException(where() + ": " + field + " level is a duration, but "
                    + statistic.id() + " is measured in " + subject.unit(statistic) + ", was " + Checks.format(level));
        }
        return level.toNanos() / 1e6;
    }

    private Thresholds level(boolean higherIsWorse, double warning, double critical) {
        return thresholds.rule(new Rule(subject, statistic, higherIsWorse, warning, critical, window, abortOnFail,
                grace, false, ""));
    }

    private String where() {
        return "rule " + statistic.id() + "(" + subject.label() + ")";
    }
}
