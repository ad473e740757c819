package dev.perfkit.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One threshold: a {@link Statistic} of a {@link Subject}, held to a warning and a critical level.
 * Immutable; build rules through {@link Thresholds}, or directly when loading them from elsewhere.
 *
 * <p><b>Direction.</b> When {@code higherIsWorse} (latency, error rate, memory) a value above a
 * level breaches it; otherwise (throughput) a value below it does. A value equal to a level does not
 * breach it. The critical level must not be reached before the warning level: for a
 * higher-is-worse rule {@code critical >= warning}. Either level may be left out ({@code NaN}),
 * not both.
 *
 * <p><b>Window.</b> {@link Duration#ZERO} judges the whole run; a positive window judges the
 * intervals of the run's last {@code window} (see {@link Thresholds} for how).
 *
 * <p><b>Abort.</b> An {@code abortOnFail} rule stops a run started with
 * {@link RunOptions.Builder#abortOn(Thresholds)} within one interval of reaching its critical level,
 * but not before {@code grace} has passed since the start of the run.
 *
 * @param subject       what is measured
 * @param statistic     which statistic of it; must apply to the subject's kind
 * @param higherIsWorse the direction (see above)
 * @param warning       the warning level in the rule's {@link #unit()}, finite and {@code >= 0}, or {@code NaN}
 * @param critical      the critical level, likewise
 * @param window        {@link Duration#ZERO} for the whole run, or the trailing window
 * @param abortOnFail   whether reaching the critical level during the run stops it
 * @param grace         how long after the start a breach does not abort yet; {@code >= 0}
 * @param optional      {@code true} for an environment's default rule: when the run has no data
 *                      for it (no such gauge, no request in the group) it passes with a note
 *                      instead of being an error
 * @param origin        where the rule was written, such as {@code staging.yaml:12}, for error
 *                      messages; empty for rules written in Java
 */
public record Rule(Subject subject, Statistic statistic, boolean higherIsWorse, double warning, double critical,
                   Duration window, boolean abortOnFail, Duration grace, boolean optional, String origin) {

    /**
     * Checks the rule.
     *
     * @throws IllegalArgumentException naming the rule (and its origin) if the statistic does not
     *                                  apply to the subject, a level is negative or infinite, no level is set, the
     *                                  critical level comes before the warning level, the window does not suit the
     *                                  statistic, or an abort rule has no critical level
     */
    public Rule {
        Objects.requireNonNull(subject, "rule: subject must not be null");
        Objects.requireNonNull(statistic, "rule: statistic must not be null");
        origin = origin == null ? "" : origin;
        window = Checks.nonNegative(where(origin, statistic, subject), "window", window);
        grace = Checks.nonNegative(where(origin, statistic, subject), "grace", grace);
        String where = where(origin, statistic, subject);
        if (!statistic.appliesTo(subject.kind())) {
            throw new IllegalArgumentException(where + ": statistic " + statistic.id() + " does not apply to "
                    + subject.kind().name().toLowerCase(Locale.ROOT) + " '" + subject.label() + "'");
        }
        checkLevel(where, "warning", warning);
        checkLevel(where, "critical", critical);
        if (Double.isNaN(warning) && Double.isNaN(critical)) {
            throw new IllegalArgumentException(where + ": a rule needs a warning or a critical level, had neither");
        }
        if (!Double.isNaN(warning) && !Double.isNaN(critical)
                && (higherIsWorse ? critical < warning : critical > warning)) {
            throw new IllegalArgumentException(where + ": critical level " + format(critical) + " would be reached before"
                    + " the warning level " + format(warning) + "; critical must be " + (higherIsWorse ? ">=" : "<=")
                    + " warning");
        }
        if (!window.isZero() && !statistic.windowable()) {
            throw new IllegalArgumentException(where + ": " + statistic.id() + " is not kept per interval, so it has"
                    + " no trailing window, was " + Checks.format(window) + "; use the whole run or p99");
        }
        if (abortOnFail && Double.isNaN(critical)) {
            throw new IllegalArgumentException(where + ": abortOnFail needs a critical level, had only a warning level");
        }
    }

    private static String where(String origin, Statistic statistic, Subject subject) {
        return (origin == null || origin.isEmpty() ? "" : origin + ": ") + "rule " + statistic.id() + "("
                + subject.label() + ")";
    }

    private static void checkLevel(String where, String field, double level) {
        if (Double.isInfinite(level) || level < 0) {
            throw new IllegalArgumentException(where + ": " + field + " level must be a finite number >= 0, was " + level);
        }
    }

    /** Returns the unit of the levels and of the observed value. */
    public String unit() {
        return subject.unit(statistic);
    }

    /** Returns whether the rule judges the whole run rather than a trailing window. */
    public boolean wholeRun() {
        return window.isZero();
    }

    /**
     * Returns the rule as people write it, unique within a {@link Thresholds}: for example
     * {@code p95(dashboard) < 200 ms}, {@code mean(api) < 150 ms (warning), 200 ms (critical)},
     * {@code throughput(total) >= 50 /s}, {@code p99(checkout) < 300 ms over last 30s}.
     */
    public String description() {
        String op = higherIsWorse ? " < " : " >= ";
        String unit = " " + unit();
        StringBuilder sb = new StringBuilder(statistic.id()).append('(').append(subject.label()).append(')').append(op);
        if (Double.isNaN(warning)) {
            sb.append(format(critical)).append(unit);
        } else if (Double.isNaN(critical)) {
            sb.append(format(warning)).append(unit).append(" (warning)");
        } else {
            sb.append(format(warning)).append(unit).append(" (warning), ").append(format(critical)).append(unit)
                    .append(" (critical)");
        }
        if (!window.isZero()) {
            sb.append(" over last ").append(Checks.format(window));
        }
        return sb.toString();
    }

    /** Returns the window as {@link RuleResult#window()} shows it: {@code run} or {@code last 30s}. */
    public String windowText() {
        return window.isZero() ? "run" : "last " + Checks.format(window);
    }

    /**
     * Returns a copy whose origin is {@code origin}, for error messages.
     *
     * @param origin where the rule was written
     * @return the copy
     */
    public Rule withOrigin(String origin) {
        return new Rule(subject, statistic, higherIsWorse, warning, critical, window, abortOnFail, grace, optional, origin);
    }

    /**
     * Returns whether {@code other} judges the same statistic of the same subject over the same window,
     * so that one replaces the other.
     */
    boolean sameMeasure(Rule other) {
        return subject.equals(other.subject) && statistic == other.statistic && window.equals(other.window);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
