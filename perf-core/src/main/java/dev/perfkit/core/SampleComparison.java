package dev.perfkit.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sample name (or the total) of the current run compared with the baseline: how its figures
 * moved, the statistical tests behind the decision, and the decision. Immutable; part of a
 * {@link Comparison}.
 *
 * <p>The {@link Change}s are the run-level figures as reports show them: times in nanoseconds
 * from the merged response-time histograms, throughput in samples per second, error rate 0 to 1.
 * The decision does not come from them (two single numbers say nothing about noise) but from the
 * {@link #tests()}, which read the per-interval time series: the sample is a
 * {@link ChangeDecision#REGRESSION} when any test is, else an {@link ChangeDecision#IMPROVEMENT}
 * when any test is, else {@link ChangeDecision#INSUFFICIENT_DATA} when a test lacked data, else
 * {@link ChangeDecision#NO_CHANGE}.
 *
 * @param name       the sample name, or {@link SampleStats#TOTAL}
 * @param decision   the decision (see above)
 * @param reason     why, in one line: the deciding tests' reasons
 * @param throughput samples per second over each run
 * @param errorRate  the share of failed samples, 0 to 1
 * @param p50        the median response time, nanoseconds
 * @param p90        the 90th percentile, nanoseconds
 * @param p95        the 95th percentile, nanoseconds
 * @param p99        the 99th percentile, nanoseconds
 * @param max        the largest response time, nanoseconds
 * @param tests      the tests: latency and error rate always, throughput for the total of two
 *                   open runs of the same load
 */
public record SampleComparison(String name, ChangeDecision decision, String reason, Change throughput,
                               Change errorRate, Change p50, Change p90, Change p95, Change p99, Change max,
                               List<ChangeTest> tests) {

    /** Checks the fields and copies the tests. */
    public SampleComparison {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(throughput, "throughput");
        Objects.requireNonNull(errorRate, "errorRate");
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p90, "p90");
        Objects.requireNonNull(p95, "p95");
        Objects.requireNonNull(p99, "p99");
        Objects.requireNonNull(max, "max");
        tests = List.copyOf(tests);
    }

    /**
     * Returns the test of one kind.
     *
     * @param kind the kind
     * @return the test, or empty when it was not made (throughput, except on the total of two open
     *         runs of the same load)
     */
    public Optional<ChangeTest> test(ChangeTest.Kind kind) {
        return tests.stream().filter(t -> t.kind() == kind).findFirst();
    }

    /** Returns whether the decision is {@link ChangeDecision#REGRESSION}. */
    public boolean isRegression() {
        return decision == ChangeDecision.REGRESSION;
    }
}
