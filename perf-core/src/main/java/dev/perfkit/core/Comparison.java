package dev.perfkit.core;

import dev.perfkit.core.internal.RunComparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run compared with a baseline run of the same scenario, sample name by sample name: the figures
 * that moved and a decision per name that is robust to noise. Immutable; the input of the
 * runner's {@link ExitCode} and of the reports.
 *
 * <pre>{@code
 * RunResult baseline = ...;                          // an earlier run, for example read back from JSON
 * RunResult current = LoadTest.run(scenario, options);
 * Comparison comparison = Comparison.of(baseline, current);
 * if (comparison.hasRegression()) {
 *     comparison.regressions().forEach(s -> System.out.println(s.name() + ": " + s.reason()));
 * }
 * }</pre>
 *
 * <h2>How a change is decided</h2>
 * Two run-level figures (one p95 against another) cannot tell a regression from noise: the
 * comparison reads the time series instead. For each sample name it takes one latency value per
 * interval ({@link RegressionPolicy#statistic()}, the interval's p50 by default; intervals with
 * fewer than {@link RegressionPolicy#minSamplesPerInterval()} successful samples are skipped) and
 * asks a Mann-Whitney U test whether the current run's values tend to be larger than the
 * baseline's. A latency regression needs both a p-value below {@link RegressionPolicy#significance()}
 * and a Hodges-Lehmann shift of at least {@link RegressionPolicy#minLatencyChange()} of the
 * baseline's median; the second condition keeps small, precisely measured drifts (a busier
 * machine, a longer run) from failing a build. The error rate gets a two-proportion z test and a
 * minimum absolute increase. Throughput is judged on the total of open runs that offered the same
 * load (same scenario description): a two-proportion z test on the share of arrivals dropped at
 * the concurrency cap, and a minimum relative drop. Closed runs are not judged on throughput: it
 * is set by their latency, which is tested, and it reacts far more than the interval medians to
 * stalls of the load generator's own machine (measured: in 135 comparisons of closed runs of one
 * task on a shared machine, 4 throughput tests flagged a drop of 14 to 51 %, no latency test did).
 * Their throughput change is still reported.
 *
 * <p>Limits: interval values are not fully independent (a slow second makes slow intervals), so
 * p-values are optimistic; the minimum effects are what keep false alarms rare. Runs need enough
 * intervals: at least {@link RegressionPolicy#minIntervals()} usable ones on each side, else the
 * decision is {@link ChangeDecision#INSUFFICIENT_DATA}; on a noisy machine 30 or more, so that a
 * few disturbed intervals cannot hide a slowdown. Compare runs with the same interval length. In
 * an open run response times include the load generator's own lateness (they run from the
 * scheduled start), so a busy generator shifts them: compare open runs made on a quiet machine.
 *
 * @param policy   the policy the decisions followed
 * @param total    the total of the two runs compared
 * @param samples  the sample names present in both runs, in the current run's order
 * @param added    the sample names only in the current run
 * @param removed  the sample names only in the baseline
 * @param notes    what limits the comparison, one sentence each: different scenarios, interval
 *                 lengths or total kinds, a failed run, open loads that differ
 */
public record Comparison(RegressionPolicy policy, SampleComparison total, List<SampleComparison> samples,
                         List<String> added, List<String> removed, List<String> notes) {

    /** Checks the fields and copies the lists. */
    public Comparison {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(total, "total");
        samples = List.copyOf(samples);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        notes = List.copyOf(notes);
    }

    /**
     * Compares a run with a baseline under the default {@link RegressionPolicy}.
     *
     * @param baseline the earlier, reference run
     * @param current  the run to judge
     * @return the comparison
     * @throws NullPointerException if a run is null, with a message naming it
     */
    public static Comparison of(RunResult baseline, RunResult current) {
        return of(baseline, current, RegressionPolicy.defaults());
    }

    /**
     * Compares a run with a baseline.
     *
     * @param baseline the earlier, reference run
     * @param current  the run to judge
     * @param policy   the significance level, minimum effects and data requirements
     * @return the comparison
     * @throws NullPointerException if an argument is null, with a message naming it
     */
    public static Comparison of(RunResult baseline, RunResult current, RegressionPolicy policy) {
        Checks.notNull("comparison", "baseline", baseline);
        Checks.notNull("comparison", "current", current);
        Checks.notNull("comparison", "policy", policy);
        return RunComparator.compare(baseline, current, policy);
    }

    /** Returns whether the total or any sample name is a {@link ChangeDecision#REGRESSION}. */
    public boolean hasRegression() {
        return total.isRegression() || samples.stream().anyMatch(SampleComparison::isRegression);
    }

    /** Returns the regressions: the total first if it regressed, then the sample names in order. */
    public List<SampleComparison> regressions() {
        List<SampleComparison> list = new ArrayList<>();
        if (total.isRegression()) {
            list.add(total);
        }
        samples.stream().filter(SampleComparison::isRegression).forEach(list::add);
        return List.copyOf(list);
    }

    /**
     * Returns the comparison of one sample name present in both runs.
     *
     * @param name the sample name
     * @return its comparison, or empty if either run lacks it
     */
    public Optional<SampleComparison> sample(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Returns one line for logs: regressions by name, or that there are none. */
    public String summary() {
        List<SampleComparison> regressions = regressions();
        if (regressions.isEmpty()) {
            return "no regression against the baseline (" + samples.size() + " sample names compared, total "
                    + total.decision().name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        StringBuilder sb = new StringBuilder("regression against the baseline: ");
        for (int i = 0; i < regressions.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(regressions.get(i).name()).append(": ").append(regressions.get(i).reason());
        }
        return sb.toString();
    }
}
