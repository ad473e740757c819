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

    /**
     * Stops the run within one interval of reaching the critical level, from its start (see
     * {@link RunOptions.Builder#abortOn}).
     *
     * @return the condition
     */
    public Condition abortOnFail() {
        return new Condition(thresholds, subject, statistic, window, true, grace);
    }

    /**
     * Stops the run within one interval of reaching the critical level, once {@code grace} has
     * passed since its start (ramp-ups are often slow and noisy).
     *
     * @param grace at least zero
     * @return the condition
     * @throws IllegalArgumentException if grace is negative
     */
    public Condition abortOnFail(Duration grace) {
        Checks.nonNegative(where(), "grace", grace);
        return new Condition(thresholds, subject, statistic, window, true, grace);
    }

    /**
     * Fails the rule when a time is above {@code critical}; no warning level.
     *
     * @param critical the critical level, at least zero
     * @return new thresholds holding the rule
     * @throws IllegalArgumentException if the statistic is not a time, or the level is negative
     */
    public Thresholds below(Duration critical) {
        return level(true, Double.NaN, millis("critical", critical));
    }

    /**
     * Warns when a time is above {@code warning}, fails it when above {@code critical}.
     *
     * @param warning  the warning level, at least zero
     * @param critical the critical level, at least {@code warning}
     * @return new thresholds holding the rule
     * @throws IllegalArgumentException if the statistic is not a time, a level is negative, or
     *                                  critical is below warning
     */
    public Thresholds below(Duration warning, Duration critical) {
        return level(true, millis("warning", warning), millis("critical", critical));
    }

    /**
     * Fails the rule when the value is above {@code critical}; no warning level.
     *
     * @param critical the critical level in the rule's unit (see the class comment), finite, at least zero
     * @return new thresholds holding the rule
     * @throws IllegalArgumentException if the level is negative or infinite
     */
    public Thresholds below(double critical) {
        return level(true, Double.NaN, critical);
    }

    /**
     * Warns when the value is above {@code warning}, fails it when above {@code critical}. Either
     * may be {@code NaN} to leave that level out, not both.
     *
     * @param warning  the warning level in the rule's unit, finite, at least zero
     * @param critical the critical level, at least {@code warning}
     * @return new thresholds holding the rule
     * @throws IllegalArgumentException if a level is negative or infinite, or critical is below warning
     */
    public Thresholds below(double warning, double critical) {
        return level(true, warning, critical);
    }

    /**
     * Fails the rule when the value (such as a throughput) is below {@code critical}; no warning level.
     *
     * @param critical the critical level in the rule's unit, finite, at least zero
     * @return new thresholds holding the rule
     * @throws IllegalArgumentException if the level is negative or infinite
     */
    public Thresholds atLeast(double critical) {
        return level(false, Double.NaN, critical);
    }

    /**
     * Warns when the value is below {@code warning}, fails it when below {@code critical}. Either
     * may be {@code NaN} to leave that level out, not both.
     *
     * @param warning  the warning level in the rule's unit, finite, at least zero
     * @param critical the critical level, at most {@code warning}
     * @return new thresholds holding the rule
     * @throws IllegalArgumentException if a level is negative or infinite, or critical is above warning
     */
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
