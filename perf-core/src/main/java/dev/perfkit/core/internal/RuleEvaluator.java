package dev.perfkit.core.internal;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.Rule;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Statistic;
import dev.perfkit.core.Subject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates one threshold {@link Rule}: against a finished {@link RunResult}, or against the
 * intervals measured so far for the abort check of a running test.
 *
 * <p>Whole-run statistics of samples and of the total come from the exact merged histograms of the
 * result. Gauges, trailing windows and the abort check read the intervals ({@link IntervalWindow}).
 */
public final class RuleEvaluator {

    private RuleEvaluator() {
    }

    /**
     * Evaluates a rule against a finished run.
     *
     * @param rule   the rule
     * @param result the run's result
     * @return the rule's result
     * @throws IllegalArgumentException naming the rule if it is not optional and the run has no data
     *                                  for its subject (no such sample or gauge, no request in its group)
     */
    public static RuleResult evaluate(Rule rule, RunResult result) {
        Subject subject = rule.subject();
        List<String> names = switch (subject.kind()) {
            case TOTAL -> List.of(SampleStats.TOTAL);
            case SAMPLE -> result.sample(subject.name()).isPresent() ? List.of(subject.name()) : List.of();
            case REQUESTS -> requestsIn(result, subject);
            case GAUGE -> result.intervals().stream().anyMatch(i -> i.gauges().containsKey(subject.name()))
                    ? List.of(subject.name()) : List.of();
        };
        if (names.isEmpty()) {
            return missing(rule, result);
        }
        Observation worst = null;
        for (String name : names) {
            Observation o = observe(rule, result, name);
            if (worst == null || worse(rule, o.value, worst.value)) {
                worst = o;
            }
        }
        String note = worst.note;
        if (subject.kind() == Subject.Kind.REQUESTS) {
            note = join("worst of " + names.size() + " request" + (names.size() == 1 ? "" : "s") + " in "
                    + subject.label(), note);
        }
        return toResult(rule, worst.name, worst.value, note);
    }

    /**
     * Evaluates an abort rule against the intervals measured so far.
     *
     * @param rule         the rule, with {@link Rule#abortOnFail()}
     * @param intervals    the intervals so far, in order
     * @param requestNames the names of the request samples recorded so far, for groups of requests
     * @return the rule's result if it reached its critical level after its grace period, else empty
     */
    public static Optional<RuleResult> abortBreach(Rule rule, List<IntervalStats> intervals, Set<String> requestNames) {
        if (intervals.isEmpty()) {
            return Optional.empty();
        }
        IntervalStats last = intervals.get(intervals.size() - 1);
        if (last.start().plus(last.length()).compareTo(rule.grace()) < 0) {
            return Optional.empty();
        }
        Subject subject = rule.subject();
        List<String> names = switch (subject.kind()) {
            case TOTAL, SAMPLE, GAUGE -> List.of(subject.name());
            case REQUESTS -> requestNames.stream().filter(Pattern.compile(subject.name()).asMatchPredicate()).toList();
        };
        Observation worst = null;
        for (String name : names) {
            Observation o = IntervalWindow.observe(rule, intervals, name);
            if (!o.absent && (worst == null || worse(rule, o.value, worst.value))) {
                worst = o;
            }
        }
        if (worst == null || outcome(rule, worst.value) != Outcome.CRITICAL) {
            return Optional.empty();
        }
        return Optional.of(toResult(rule, worst.name, worst.value, "critical at interval " + last.index()
                + " (" + Durations.format(Duration.ofMillis(last.start().plus(last.length()).toMillis())) + " into the run)"));
    }

    private static List<String> requestsIn(RunResult result, Subject subject) {
        Pattern p = Pattern.compile(subject.name());
        List<String> names = new ArrayList<>();
        for (SampleStats s : result.samples()) {
            if (s.kind() == SampleKind.REQUEST && p.matcher(s.name()).matches()) {
                names.add(s.name());
            }
        }
        return names;
    }

    private static Observation observe(Rule rule, RunResult result, String name) {
        if (!rule.wholeRun() || rule.subject().kind() == Subject.Kind.GAUGE) {
            return IntervalWindow.observe(rule, result.intervals(), name);
        }
        if (rule.statistic() == Statistic.DROPPED) {
            return new Observation(name, result.dropped(), "", false);
        }
        SampleStats s = name.equals(SampleStats.TOTAL) && rule.subject().kind() == Subject.Kind.TOTAL
                ? result.total() : result.sample(name).orElseThrow();
        return new Observation(name, wholeRun(rule.statistic(), s), noteFor(rule.statistic(), s), false);
    }

    private static double wholeRun(Statistic statistic, SampleStats s) {
        LatencyStats t = s.responseTime();
        boolean noTimes = t.count() == 0;
        return switch (statistic) {
            case P50 -> noTimes ? Double.NaN : t.p50Nanos() / 1e6;
            case P75 -> noTimes ? Double.NaN : t.p75Nanos() / 1e6;
            case P90 -> noTimes ? Double.NaN : t.p90Nanos() / 1e6;
            case P95 -> noTimes ? Double.NaN : t.p95Nanos() / 1e6;
            case P99 -> noTimes ? Double.NaN : t.p99Nanos() / 1e6;
            case P999 -> noTimes ? Double.NaN : t.p999Nanos() / 1e6;
            case MEAN -> noTimes ? Double.NaN : t.meanNanos() / 1e6;
            case MAX -> noTimes ? Double.NaN : t.maxNanos() / 1e6;
            case ERROR_RATE -> s.errorRate();
            case THROUGHPUT -> s.throughput();
            case COUNT -> s.count();
            case FAILURES -> s.failures();
            default -> throw new IllegalStateException("not a sample statistic: " + statistic);
        };
    }

    private static String noteFor(Statistic statistic, SampleStats s) {
        return statistic.isTime() && s.responseTime().count() == 0 ? "no successful sample to time" : "";
    }

    private static RuleResult missing(Rule rule, RunResult result) {
        Subject subject = rule.subject();
        String why = switch (subject.kind()) {
            case SAMPLE -> "no sample named \"" + subject.name() + "\"";
            case REQUESTS -> "no request sample matches " + subject.label() + " (" + subject.name() + ")";
            case GAUGE -> "no gauge named \"" + subject.name() + "\"";
            case TOTAL -> throw new IllegalStateException("the total is always present");
        };
        if (!rule.optional()) {
            String origin = rule.origin().isEmpty() ? "" : rule.origin() + ": ";
            String known = subject.kind() == Subject.Kind.GAUGE
                    ? "gauges: " + (result.intervals().isEmpty() ? "[]" : result.intervals().get(0).gauges().keySet())
                    : "samples: " + result.samples().stream().map(SampleStats::name).toList();
            throw new IllegalArgumentException(origin + "rule " + rule.description() + ": run '" + result.scenario()
                    + "' has " + why + "; " + known);
        }
        String note = subject.kind() == Subject.Kind.GAUGE ? "not monitored: " + why : "not applicable: " + why;
        return toResult(rule, subject.label(), Double.NaN, note);
    }

    static boolean worse(Rule rule, double candidate, double current) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(current)) {
            return true;
        }
        return rule.higherIsWorse() ? candidate > current : candidate < current;
    }

    static Outcome outcome(Rule rule, double value) {
        if (Double.isNaN(value)) {
            return Outcome.PASS;
        }
        if (breaches(rule, value, rule.critical())) {
            return Outcome.CRITICAL;
        }
        return breaches(rule, value, rule.warning()) ? Outcome.WARNING : Outcome.PASS;
    }

    private static boolean breaches(Rule rule, double value, double level) {
        return !Double.isNaN(level) && (rule.higherIsWorse() ? value > level : value < level);
    }

    private static RuleResult toResult(Rule rule, String subject, double value, String note) {
        return new RuleResult(rule.description(), subject, rule.statistic().id(), rule.unit(), value, rule.warning(),
                rule.critical(), rule.higherIsWorse(), rule.windowText(), outcome(rule, value), note);
    }

    private static String join(String a, String b) {
        return b.isEmpty() ? a : a + "; " + b;
    }

    /** One observed value of one name: {@code absent} when the name has no data at all. */
    record Observation(String name, double value, String note, boolean absent) {
    }
}
