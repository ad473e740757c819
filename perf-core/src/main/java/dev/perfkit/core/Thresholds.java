package dev.perfkit.core;

import dev.perfkit.core.internal.RuleEvaluator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Threshold rules and their evaluation into a {@link Verdict}.
 *
 * <pre>{@code
 * Verdict verdict = Thresholds.forEnvironment("staging")
 *     .p95("dashboard").below(Duration.ofMillis(150), Duration.ofMillis(200))   // warning, critical
 *     .errorRate().below(0.05)                                                  // critical only
 *     .throughput().atLeast(60, 50)
 *     .p99("checkout").over(Duration.ofSeconds(30)).abortOnFail(Duration.ofSeconds(10)).below(Duration.ofMillis(500))
 *     .evaluate(result);
 * }</pre>
 *
 * <p><b>Immutable, copy-on-write.</b> Every method that adds a rule returns a new instance; the
 * staged {@link Condition} exists only because "p95 of dashboard" is not a rule until it has a
 * level. A rule on the same statistic, subject and window as one of the environment's defaults
 * replaces that default; two such rules written by the user are an error.
 *
 * <p><b>Evaluation.</b> Whole-run statistics of samples and the total come from the run's exact
 * histograms. A trailing window ({@link Condition#over}) judges the intervals that overlap the last
 * {@code window} of the run: counts, error rate, throughput, mean and max are exact; a percentile is
 * the worst interval's (an upper bound of the window's true percentile). Gauges are judged over
 * their readings at the end of each interval.
 *
 * <p><b>Missing data.</b> A rule written by the user on a sample, group or gauge the run lacks is an
 * error (a typo must not pass); an environment's default rule passes with a note such as
 * {@code not monitored}.
 */
public final class Thresholds {

    private final String environment;
    private final List<Rule> rules;
    private final Findings findings;

    private Thresholds(String environment, List<Rule> rules, Findings findings) {
        this.environment = environment;
        this.rules = List.copyOf(rules);
        this.findings = findings;
    }

    /** Returns thresholds without rules and without environment, detecting the default findings. */
    public static Thresholds none() {
        return new Thresholds("", List.of(), Findings.defaults());
    }

    /**
     * Returns thresholds holding an environment's default rules (see {@link Environment}).
     *
     * @param environment {@code dev}, {@code staging} or {@code production}, ignoring case
     * @return the thresholds
     * @throws IllegalArgumentException if the environment is unknown
     */
    public static Thresholds forEnvironment(String environment) {
        return forEnvironment(Environment.fromId(environment));
    }

    /**
     * Returns thresholds holding an environment's default rules.
     *
     * @param environment the environment
     * @return the thresholds
     */
    public static Thresholds forEnvironment(Environment environment) {
        Checks.notNull("thresholds", "environment", environment);
        return new Thresholds(environment.id(), environment.defaultRules(), Findings.defaults());
    }

    /** Returns the environment's name, or empty when the rules are not tied to one. */
    public String environment() {
        return environment;
    }

    /** Returns the rules, in the order they were added; replaced defaults keep their place. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Returns a copy with one more rule, or with a default rule replaced (see above).
     *
     * @param rule the rule
     * @return the new thresholds
     * @throws IllegalArgumentException if a rule written by the user already judges the same
     *                                  statistic of the same subject over the same window
     */
    public Thresholds rule(Rule rule) {
        Checks.notNull(where(), "rule", rule);
        List<Rule> next = new ArrayList<>(rules);
        for (int i = 0; i < next.size(); i++) {
            Rule existing = next.get(i);
            if (existing.sameMeasure(rule)) {
                if (!existing.optional()) {
                    throw new IllegalArgumentException((rule.origin().isEmpty() ? "" : rule.origin() + ": ") + where()
                            + ": rule " + rule.description() + " judges the same as rule " + existing.description()
                            + (existing.origin().isEmpty() ? "" : " (" + existing.origin() + ")") + "; keep one");
                }
                next.set(i, rule);
                return new Thresholds(environment, next, findings);
            }
        }
        next.add(rule);
        return new Thresholds(environment, next, findings);
    }

    /**
     * Returns a copy that detects findings with other options; {@link #evaluate} puts them in the
     * verdict. The default is {@link Findings#defaults()}.
     *
     * @param findings the findings' options
     * @return the new thresholds
     */
    public Thresholds findings(Findings findings) {
        Checks.notNull(where(), "findings", findings);
        return new Thresholds(environment, rules, findings);
    }

    /**
     * Returns a copy whose {@link #evaluate} detects no findings: the verdict holds the rules only.
     *
     * @return the new thresholds
     */
    public Thresholds withoutFindings() {
        return new Thresholds(environment, rules, null);
    }

    /** Returns the options of the findings that {@link #evaluate} detects, or empty if it detects none. */
    public Optional<Findings> findings() {
        return Optional.ofNullable(findings);
    }

    /**
     * Starts a rule on any statistic of any subject.
     *
     * @param subject   what to judge
     * @param statistic which statistic of it; whether it applies to the subject
     *                  ({@link Statistic#appliesTo}) is checked when the level is given
     * @return the condition to complete with a level
     */
    public Condition on(Subject subject, Statistic statistic) {
        Checks.notNull(where(), "subject", subject);
        Checks.notNull(where(), "statistic", statistic);
        return new Condition(this, subject, statistic);
    }

    /**
     * Starts a rule on the 95th percentile response time of one sample name.
     *
     * @param sample the sample name
     * @return the condition to complete with a level
     */
    public Condition p95(String sample) {
        return on(Subject.sample(sample), Statistic.P95);
    }

    /**
     * Starts a rule on the 95th percentile response time of the total.
     *
     * @return the condition to complete with a level
     */
    public Condition p95() {
        return on(Subject.total(), Statistic.P95);
    }

    /**
     * Starts a rule on the 99th percentile response time of one sample name.
     *
     * @param sample the sample name
     * @return the condition to complete with a level
     */
    public Condition p99(String sample) {
        return on(Subject.sample(sample), Statistic.P99);
    }

    /**
     * Starts a rule on the 99th percentile response time of the total.
     *
     * @return the condition to complete with a level
     */
    public Condition p99() {
        return on(Subject.total(), Statistic.P99);
    }

    /**
     * Starts a rule on the mean response time of one sample name.
     *
     * @param sample the sample name
     * @return the condition to complete with a level
     */
    public Condition mean(String sample) {
        return on(Subject.sample(sample), Statistic.MEAN);
    }

    /**
     * Starts a rule on the mean response time of the total.
     *
     * @return the condition to complete with a level
     */
    public Condition mean() {
        return on(Subject.total(), Statistic.MEAN);
    }

    /**
     * Starts a rule on the largest response time of one sample name.
     *
     * @param sample the sample name
     * @return the condition to complete with a level
     */
    public Condition max(String sample) {
        return on(Subject.sample(sample), Statistic.MAX);
    }

    /**
     * Starts a rule on the largest response time of the total.
     *
     * @return the condition to complete with a level
     */
    public Condition max() {
        return on(Subject.total(), Statistic.MAX);
    }

    /**
     * Starts a rule on the error rate (0 to 1) of one sample name.
     *
     * @param sample the sample name
     * @return the condition to complete with a level
     */
    public Condition errorRate(String sample) {
        return on(Subject.sample(sample), Statistic.ERROR_RATE);
    }

    /**
     * Starts a rule on the error rate (0 to 1) of the total.
     *
     * @return the condition to complete with a level
     */
    public Condition errorRate() {
        return on(Subject.total(), Statistic.ERROR_RATE);
    }

    /**
     * Starts a rule on the throughput (per second) of one sample name.
     *
     * @param sample the sample name
     * @return the condition to complete with a level
     */
    public Condition throughput(String sample) {
        return on(Subject.sample(sample), Statistic.THROUGHPUT);
    }

    /**
     * Starts a rule on the throughput (per second) of the total.
     *
     * @return the condition to complete with a level
     */
    public Condition throughput() {
        return on(Subject.total(), Statistic.THROUGHPUT);
    }

    /**
     * Starts a rule on the open-model arrivals dropped at the concurrency cap.
     *
     * @return the condition to complete with a level
     */
    public Condition dropped() {
        return on(Subject.total(), Statistic.DROPPED);
    }

    /**
     * Starts a rule on a gauge, such as {@code gauge("sut.memory", Statistic.MAX)}.
     *
     * @param name      the gauge's name
     * @param statistic {@link Statistic#MAX}, {@link Statistic#MEAN}, {@link Statistic#MIN} or {@link Statistic#LAST}
     * @return the condition to complete
     */
    public Condition gauge(String name, Statistic statistic) {
        return on(Subject.gauge(name), statistic);
    }

    /**
     * Evaluates every rule against a finished run and detects its findings ({@link Findings}).
     *
     * @param result the run's result
     * @return the verdict: each rule's result in order, the worst outcome, and the findings (which
     *         do not change the outcome)
     * @throws IllegalArgumentException naming the rule if a rule written by the user names a sample,
     *                                  group or gauge the run lacks
     */
    public Verdict evaluate(RunResult result) {
        Checks.notNull(where(), "result", result);
        List<RuleResult> results = new ArrayList<>(rules.size());
        for (Rule r : rules) {
            results.add(RuleEvaluator.evaluate(r, result));
        }
        return Verdict.of(environment, results, findings == null ? List.of() : findings.detect(result));
    }

    /** Returns whether any rule is marked {@link Rule#abortOnFail()}. */
    public boolean hasAbortRules() {
        return rules.stream().anyMatch(Rule::abortOnFail);
    }

    /**
     * Checks the {@link Rule#abortOnFail()} rules against the intervals of a run in progress; the
     * engine calls it after each interval of a run started with
     * {@link RunOptions.Builder#abortOn(Thresholds)}. A rule breaches when its statistic, computed
     * from the intervals over its window (see above), reaches its critical level after its grace
     * period. Missing data never breaches: a sample may not have appeared yet.
     *
     * @param intervals    the intervals so far, in order
     * @param requestNames the names of the {@link SampleKind#REQUEST} samples so far, for rules on
     *                     groups of requests
     * @return the first breached rule's result, in rule order, or empty
     */
    public Optional<RuleResult> abortBreach(List<IntervalStats> intervals, Set<String> requestNames) {
        for (Rule r : rules) {
            if (r.abortOnFail()) {
                Optional<RuleResult> breach = RuleEvaluator.abortBreach(r, intervals, requestNames);
                if (breach.isPresent()) {
                    return breach;
                }
            }
        }
        return Optional.empty();
    }

    private String where() {
        return environment.isEmpty() ? "thresholds" : "thresholds[" + environment + "]";
    }

    @Override
    public String toString() {
        return where() + rules.stream().map(Rule::description).toList();
    }
}
