package dev.perfkit.core;

import java.util.Objects;

/**
 * One threshold rule evaluated against a run: what was observed, the levels it was held to and
 * the outcome. Immutable; part of a {@link Verdict}.
 *
 * <p>Values are in the rule's {@link #unit()}: {@code ms} for times, {@code ratio} for error
 * rates (0 to 1), {@code /s} for throughput, {@code bytes} for memory, {@code share} for CPU
 * (0 to 1 of one machine), {@code count} for counts. A level that is not set is {@code NaN}.
 *
 * @param rule        the rule's description as written, for example {@code p95(dashboard) < 200 ms};
 *                    unique within a verdict
 * @param subject     what the rule measures: a sample name, {@link SampleStats#TOTAL}, or a gauge name
 * @param statistic   the statistic, for example {@code p95}, {@code mean}, {@code errorRate},
 *                    {@code throughput}, {@code max}
 * @param unit        the unit of {@code observed}, {@code warning} and {@code critical}
 * @param observed    the observed value; {@code NaN} when the run holds no data for the rule
 * @param warning     the warning level, or {@code NaN} when the rule has none
 * @param critical    the critical level, or {@code NaN} when the rule has none
 * @param higherIsWorse {@code true} when a value above a level breaches it (latency, error rate),
 *                    {@code false} when a value below it does (throughput)
 * @param window      the data the rule was evaluated over: {@code run} or a trailing window such
 *                    as {@code last 30 s}
 * @param outcome     the outcome
 * @param note        why the outcome is what it is, in one sentence (for example that there was
 *                    no data); empty when the numbers say it all
 */
public record RuleResult(String rule, String subject, String statistic, String unit, double observed,
                         double warning, double critical, boolean higherIsWorse, String window,
                         Outcome outcome, String note) {

    /** Checks that the texts and the outcome are present. */
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(outcome, "outcome");
        note = note == null ? "" : note;
    }
}
