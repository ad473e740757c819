package dev.perfkit.core.internal;

import dev.perfkit.core.Change;
import dev.perfkit.core.ChangeDecision;
import dev.perfkit.core.ChangeTest;
import dev.perfkit.core.Comparison;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.LoadModel;
import dev.perfkit.core.RegressionPolicy;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.SampleComparison;
import dev.perfkit.core.SampleStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a {@link Comparison}: pairs the sample names of two runs, runs the {@link ChangeTests} on
 * each and combines their decisions. Pure: reads only the two results.
 */
public final class RunComparator {

    private RunComparator() {
    }

    /**
     * Compares {@code current} with {@code baseline}; see {@link Comparison} for the method.
     *
     * @param baseline the reference run
     * @param current  the run to judge
     * @param policy   the decision rules
     * @return the comparison
     */
    public static Comparison compare(RunResult baseline, RunResult current, RegressionPolicy policy) {
        List<String> notes = new ArrayList<>();
        if (!baseline.scenario().equals(current.scenario())) {
            notes.add("the runs are of different scenarios: \"" + baseline.scenario() + "\" and \""
                    + current.scenario() + "\"");
        }
        for (RunResult run : List.of(baseline, current)) {
            if (run.status() == RunStatus.FAILED) {
                notes.add("the " + (run == baseline ? "baseline" : "current run") + " failed: " + run.error());
            }
        }
        if (!baseline.intervals().isEmpty() && !current.intervals().isEmpty()
                && !baseline.intervals().getFirst().length().equals(current.intervals().getFirst().length())) {
            notes.add("the interval lengths differ (" + Durations.format(baseline.intervals().getFirst().length())
                    + " and " + Durations.format(current.intervals().getFirst().length())
                    + "): the interval tests compare different time scales");
        }
        if (baseline.total().kind() != current.total().kind()) {
            notes.add("the totals count different things: " + baseline.total().kind() + " in the baseline, "
                    + current.total().kind() + " in the current run");
        }

        List<ChangeTest> totalTests = new ArrayList<>();
        totalTests.add(ChangeTests.latency(baseline.intervals(), current.intervals(), IntervalStats::total, policy));
        totalTests.add(ChangeTests.errorRate(baseline.total(), current.total(), policy));
        throughputTest(baseline, current, policy, notes).ifPresent(totalTests::add);
        SampleComparison total = combine(baseline.total(), current.total(), totalTests);

        Map<String, SampleStats> before = baseline.samples().stream()
                .collect(Collectors.toMap(SampleStats::name, s -> s, (a, b) -> a, LinkedHashMap::new));
        List<SampleComparison> samples = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (SampleStats now : current.samples()) {
            SampleStats then = before.get(now.name());
            if (then == null) {
                added.add(now.name());
                continue;
            }
            Function<IntervalStats, IntervalStats.Interval> select = i -> i.samples().get(now.name());
            samples.add(combine(then, now, List.of(
                    ChangeTests.latency(baseline.intervals(), current.intervals(), select, policy),
                    ChangeTests.errorRate(then, now, policy))));
        }
        List<String> removed = before.keySet().stream().filter(name -> current.sample(name).isEmpty()).toList();
        return new Comparison(policy, total, samples, added, removed, notes);
    }

    /**
     * Open runs of the same load: whether fewer of the offered arrivals could start. Closed runs
     * are not judged on throughput: it follows their latency, which is tested, and it is far more
     * sensitive to stalls of the load generator itself (a 50 ms stall of the machine costs every
     * user its samples for 50 ms but moves the interval medians little).
     */
    private static Optional<ChangeTest> throughputTest(RunResult baseline, RunResult current,
                                                       RegressionPolicy policy, List<String> notes) {
        if (baseline.model() != LoadModel.OPEN || current.model() != LoadModel.OPEN) {
            return Optional.empty();
        }
        if (!baseline.description().equals(current.description())) {
            notes.add("throughput not judged: the open runs offered different loads (\"" + baseline.description()
                    + "\" and \"" + current.description() + "\")");
            return Optional.empty();
        }
        return Optional.of(ChangeTests.openThroughput(baseline, current, policy));
    }

    /** The sample's decision: any regression, else any improvement, else any lack of data, else no change. */
    static SampleComparison combine(SampleStats baseline, SampleStats current, List<ChangeTest> tests) {
        ChangeDecision decision = ChangeDecision.NO_CHANGE;
        for (ChangeDecision d : List.of(ChangeDecision.REGRESSION, ChangeDecision.IMPROVEMENT,
                ChangeDecision.INSUFFICIENT_DATA)) {
            if (tests.stream().anyMatch(t -> t.decision() == d)) {
                decision = d;
                break;
            }
        }
        ChangeDecision deciding = decision;
        String reason = tests.stream()
                .filter(t -> deciding == ChangeDecision.NO_CHANGE || t.decision() == deciding)
                .map(ChangeTest::reason).collect(Collectors.joining("; "));
        LatencyStats then = baseline.responseTime();
        LatencyStats now = current.responseTime();
        return new SampleComparison(current.name(), decision, reason,
                new Change(baseline.throughput(), current.throughput()),
                new Change(baseline.errorRate(), current.errorRate()),
                new Change(then.p50Nanos(), now.p50Nanos()), new Change(then.p90Nanos(), now.p90Nanos()),
                new Change(then.p95Nanos(), now.p95Nanos()), new Change(then.p99Nanos(), now.p99Nanos()),
                new Change(then.maxNanos(), now.maxNanos()), tests);
    }
}
