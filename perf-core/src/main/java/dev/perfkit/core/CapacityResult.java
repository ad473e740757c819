package dev.perfkit.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a {@link CapacitySearch}: each step's load, figures and verdict, and the highest
 * load at which the thresholds still held. Immutable.
 *
 * @param scenario the template scenario's name
 * @param unit     the unit of the loads: {@link CapacitySearch#USERS} or
 *                 {@link CapacitySearch#ARRIVALS_PER_SECOND}
 * @param steps    the steps that ran, in order of rising load
 */
public record CapacityResult(String scenario, String unit, List<Step> steps) {

    /** Checks the fields and copies the steps. */
    public CapacityResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(unit, "unit");
        steps = List.copyOf(steps);
    }

    /**
     * Returns the highest load that passed: the last passing step before the first failing one.
     *
     * @return the step, or empty if the first step already failed (or nothing ran)
     */
    public Optional<Step> highestPassing() {
        Step last = null;
        for (Step step : steps) {
            if (!step.passed()) {
                break;
            }
            last = step;
        }
        return Optional.ofNullable(last);
    }

    /** Returns the first step that failed its verdict, if any. */
    public Optional<Step> firstFailing() {
        return steps.stream().filter(s -> !s.passed()).findFirst();
    }

    /**
     * Returns the curve as a plain-text table, one line per step: load, throughput, p50, p95, p99
     * (ms), error rate and outcome.
     */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%12s %12s %10s %10s %10s %8s  %s%n", unit,
                "throughput", "p50 ms", "p95 ms", "p99 ms", "errors", "outcome"));
        for (Step s : steps) {
            sb.append(String.format(Locale.ROOT, "%12s %10.1f/s %10.2f %10.2f %10.2f %7.2f%%  %s%n",
                    s.load() == Math.rint(s.load()) ? String.valueOf((long) s.load()) : String.valueOf(s.load()),
                    s.throughput(), s.p50Nanos() / 1e6, s.p95Nanos() / 1e6, s.p99Nanos() / 1e6, s.errorRate() * 100,
                    s.outcome()));
        }
        return sb.toString();
    }

    /**
     * One step of the search.
     *
     * @param load       the step's users or arrivals per second
     * @param throughput the total's samples per second
     * @param p50Nanos   the total's median response time, in nanoseconds
     * @param p95Nanos   the total's 95th percentile
     * @param p99Nanos   the total's 99th percentile
     * @param errorRate  the total's share of failed samples, 0 to 1
     * @param outcome    the verdict's outcome
     * @param verdict    the verdict of the judge
     * @param result     the step's full result
     */
    public record Step(double load, double throughput, long p50Nanos, long p95Nanos, long p99Nanos, double errorRate,
                       Outcome outcome, Verdict verdict, RunResult result) {

        /** Checks the fields. */
        public Step {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(result, "result");
        }

        /**
         * Returns the step of a judged result, its figures taken from the result's total.
         *
         * @param load    the step's load
         * @param result  the result
         * @param verdict the verdict
         * @return the step
         */
        public static Step of(double load, RunResult result, Verdict verdict) {
            SampleStats t = result.total();
            return new Step(load, t.throughput(), t.responseTime().p50Nanos(), t.responseTime().p95Nanos(),
                    t.responseTime().p99Nanos(), t.errorRate(), verdict.outcome(), verdict, result);
        }

        /** Returns whether the step met its thresholds ({@link Verdict#passed()}). */
        public boolean passed() {
            return verdict.passed();
        }
    }
}
