package dev.perfkit.core;

import java.util.List;
import java.util.Objects;

/**
 * The judgement of a run: every threshold rule with its outcome, the overall outcome (the worst
 * of the rules, {@link Outcome#PASS} when there are none) and the findings detected in the run's
 * data. Immutable; reports and the runner read it next to the {@link RunResult} it judges.
 *
 * @param environment the environment whose levels were applied, for example {@code staging};
 *                    empty when the rules were not tied to an environment
 * @param outcome     the overall outcome
 * @param rules       each rule's result, in the order the rules were declared
 * @param findings    the findings, most important first
 */
public record Verdict(String environment, Outcome outcome, List<RuleResult> rules, List<Finding> findings) {

    /** Checks the fields and copies the lists. */
    public Verdict {
        environment = environment == null ? "" : environment;
        Objects.requireNonNull(outcome, "outcome");
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
    }

    /**
     * Returns a verdict over the given rules, whose outcome is the worst of theirs.
     *
     * @param environment the environment, or empty
     * @param rules       the rules' results
     * @param findings    the findings
     * @return the verdict
     */
    public static Verdict of(String environment, List<RuleResult> rules, List<Finding> findings) {
        Outcome worst = Outcome.PASS;
        for (RuleResult r : rules) {
            worst = worst.worse(r.outcome());
        }
        return new Verdict(environment, worst, rules, findings);
    }

    /** Returns whether no rule reached {@link Outcome#CRITICAL}. */
    public boolean passed() {
        return outcome != Outcome.CRITICAL;
    }
}
