package dev.perfkit.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Finds the highest load at which a scenario still meets its thresholds, by running it at rising
 * steps of load (users, or arrivals per second) and judging each step's result.
 *
 * <pre>{@code
 * Scenario shop = Scenario.named("shop").task(1, "browse", session -> api.browse());
 * CapacityResult capacity = CapacitySearch.users(shop, 10, 200, 10)
 *     .stepDuration(Duration.ofMinutes(1))
 *     .run(thresholds::evaluate);
 * capacity.highestPassing().ifPresent(step -> System.out.println("holds up to " + step.load() + " users"));
 * System.out.print(capacity.table());
 * }</pre>
 *
 * <h2>How it runs</h2>
 * Each step is a run of its own, one after the other in the calling thread: the template with
 * {@code users(n).rampUp(rampUp).hold(stepDuration)} for {@link #users}, or with a constant
 * {@link ArrivalProfile} of the step's rate for {@link #arrivalRates}. The judge (for example a
 * {@code Thresholds} instance's {@code evaluate}) turns each step's {@link RunResult} into a
 * {@link Verdict}; a step passes when {@link Verdict#passed()} (warnings pass). By default the search
 * stops after the first failing step: heavier steps would only fail harder. The template must not
 * set a load of the other model, nor stages or a users profile for a user search.
 *
 * <h2>Limits</h2>
 * Steps are independent runs, so each starts cold: give them a ramp-up or a step duration long
 * enough for the figures to settle, and judge with rules that ignore the warm-up when it matters.
 * The answer is the last passing step before the first failing one; the true capacity lies between
 * it and the next step, so refine with a smaller step around it.
 *
 * <p>An immutable value: every method returns a new instance.
 */
public final class CapacitySearch {

    /** The step duration unless set: 30 s. */
    public static final Duration DEFAULT_STEP_DURATION = Duration.ofSeconds(30);
    /** The most steps one search may have. */
    public static final int MAX_STEPS = 1_000;
    /** The unit of a search over users. */
    public static final String USERS = "users";
    /** The unit of a search over arrival rates. */
    public static final String ARRIVALS_PER_SECOND = "arrivals/s";

    private final Scenario template;
    private final String unit;
    private final List<Double> loads;
    private final Duration stepDuration;
    private final Duration rampUp;
    private final RunOptions options;
    private final boolean stopAtFirstFailure;

    private CapacitySearch(Scenario template, String unit, List<Double> loads, Duration stepDuration, Duration rampUp,
                           RunOptions options, boolean stopAtFirstFailure) {
        this.template = template;
        this.unit = unit;
        this.loads = List.copyOf(loads);
        this.stepDuration = stepDuration;
        this.rampUp = rampUp;
        this.options = options;
        this.stopAtFirstFailure = stopAtFirstFailure;
        scenarioAt(this.loads.get(0)).validate();
    }

    /**
     * Searches over closed-model users: {@code from}, {@code from + step}, ... up to {@code to}.
     *
     * @param template the scenario to run at each step: its user types, think time and the rest; its
     *                 users, ramp-up and hold are set by the search
     * @param from     the first step's users, {@code > 0}
     * @param to       the last step's users at most, {@code >= from}
     * @param step     the users added per step, {@code > 0}
     * @return the search, with the defaults
     * @throws IllegalArgumentException if a bound is out of range, the steps exceed {@link #MAX_STEPS},
     *                                  or the template cannot be run with users
     */
    public static CapacitySearch users(Scenario template, int from, int to, int step) {
        String where = where(template);
        Checks.positive(where, "from", from);
        Checks.positive(where, "step", step);
        if (to < from) {
            throw new IllegalArgumentException(where + ": to must be >= from (" + from + "), was " + to);
        }
        long steps = checkCount(where, ((long) to - from) / step + 1);
        List<Double> loads = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            loads.add((double) from + (long) i * step);
        }
        return new CapacitySearch(template, USERS, loads, DEFAULT_STEP_DURATION, Duration.ZERO, RunOptions.defaults(), true);
    }

    /**
     * Searches over open-model arrival rates: {@code from}, {@code from + step}, ... up to {@code to}
     * arrivals per second, each held constant for the step duration.
     *
     * @param template      the scenario to run at each step: its user types, concurrency cap and
     *                      saturation policy; its arrivals are set by the search
     * @param fromPerSecond the first step's rate, {@code > 0}
     * @param toPerSecond   the last step's rate at most, {@code >= fromPerSecond}
     * @param stepPerSecond the rate added per step, {@code > 0}
     * @return the search, with the defaults
     * @throws IllegalArgumentException if a bound is out of range, the steps exceed {@link #MAX_STEPS},
     *                                  or the template cannot be run with arrivals
     */
    public static CapacitySearch arrivalRates(Scenario template, double fromPerSecond, double toPerSecond,
                                              double stepPerSecond) {
        String where = where(template);
        positiveFinite(where, "fromPerSecond", fromPerSecond);
        positiveFinite(where, "stepPerSecond", stepPerSecond);
        if (!(toPerSecond >= fromPerSecond) || Double.isInfinite(toPerSecond)) {
            throw new IllegalArgumentException(where + ": toPerSecond must be a finite number >= fromPerSecond ("
                    + fromPerSecond + "), was " + toPerSecond);
        }
        // the small tolerance keeps a last step that floating-point division lands just below
        double span = Math.floor((toPerSecond - fromPerSecond) / stepPerSecond + 1e-9);
        long steps = checkCount(where, span >= 1e15 ? Long.MAX_VALUE : (long) span + 1);
        List<Double> loads = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            loads.add(fromPerSecond + i * stepPerSecond);
        }
        return new CapacitySearch(template, ARRIVALS_PER_SECOND, loads, DEFAULT_STEP_DURATION, Duration.ZERO,
                RunOptions.defaults(), true);
    }

    /**
     * Sets how long each step holds its load.
     *
     * @param stepDuration {@code > 0}; default {@link #DEFAULT_STEP_DURATION}
     * @return the new search
     */
    public CapacitySearch stepDuration(Duration stepDuration) {
        Checks.positive(where(template), "stepDuration", stepDuration);
        return new CapacitySearch(template, unit, loads, stepDuration, rampUp, options, stopAtFirstFailure);
    }

    /**
     * Sets the ramp-up of each step of a user search, before its step duration. Default none: all
     * users start at once.
     *
     * @param rampUp {@code >= 0}
     * @return the new search
     * @throws IllegalArgumentException for a search over arrival rates
     */
    public CapacitySearch rampUp(Duration rampUp) {
        Checks.nonNegative(where(template), "rampUp", rampUp);
        if (!unit.equals(USERS)) {
            throw new IllegalArgumentException(where(template) + ": rampUp applies to a search over users, not over "
                    + unit);
        }
        return new CapacitySearch(template, unit, loads, stepDuration, rampUp, options, stopAtFirstFailure);
    }

    /**
     * Sets the options of every step's run: interval, listeners, gauges.
     *
     * @param options the options; default {@link RunOptions#defaults()}
     * @return the new search
     */
    public CapacitySearch runOptions(RunOptions options) {
        Checks.notNull(where(template), "runOptions", options);
        return new CapacitySearch(template, unit, loads, stepDuration, rampUp, options, stopAtFirstFailure);
    }

    /**
     * Sets whether the search stops after the first failing step (the default) or runs every step.
     *
     * @param stop {@code true} to stop at the first failing step
     * @return the new search
     */
    public CapacitySearch stopAtFirstFailure(boolean stop) {
        return new CapacitySearch(template, unit, loads, stepDuration, rampUp, options, stop);
    }

    /** Returns the loads of the steps, in the order they run. */
    public List<Double> loads() {
        return loads;
    }

    /** Returns the unit of the loads: {@link #USERS} or {@link #ARRIVALS_PER_SECOND}. */
    public String unit() {
        return unit;
    }

    /**
     * Returns the scenario one step runs.
     *
     * @param load the step's users or arrivals per second
     * @return the scenario
     */
    public Scenario scenarioAt(double load) {
        if (unit.equals(USERS)) {
            return template.users((int) load).rampUp(rampUp).hold(stepDuration);
        }
        return template.arrivals(ArrivalProfile.constant(ArrivalRate.of(load).perSecond(), stepDuration));
    }

    /**
     * Runs the steps and judges each.
     *
     * @param judge turns a step's result into a verdict, such as {@code thresholds::evaluate}; must
     *              not return null
     * @return the steps run and the highest passing load
     * @throws InterruptedException if the calling thread is interrupted; the running step is stopped
     * @throws NullPointerException if {@code judge} is null or returns null
     */
    public CapacityResult run(Function<RunResult, Verdict> judge) throws InterruptedException {
        Objects.requireNonNull(judge, "judge");
        List<CapacityResult.Step> steps = new ArrayList<>();
        for (double load : loads) {
            RunResult result = LoadTest.run(scenarioAt(load), options);
            Verdict verdict = Objects.requireNonNull(judge.apply(result), "the judge returned no verdict");
            CapacityResult.Step step = CapacityResult.Step.of(load, result, verdict);
            steps.add(step);
            if (stopAtFirstFailure && !step.passed()) {
                break;
            }
        }
        return new CapacityResult(template.name(), unit, steps);
    }

    @Override
    public String toString() {
        return "CapacitySearch[" + template.name() + ", " + unit + " " + loads + ", step " + Checks.format(stepDuration)
                + (rampUp.isZero() ? "" : ", ramp " + Checks.format(rampUp))
                + (stopAtFirstFailure ? ", stops at the first failure" : ", runs every step") + "]";
    }

    private static String where(Scenario template) {
        return Checks.notNull("capacitySearch", "template", template).name() + "/capacitySearch";
    }

    private static void positiveFinite(String where, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(where + ": " + field + " must be a finite number > 0, was " + value);
        }
    }

    private static long checkCount(String where, long steps) {
        if (steps > MAX_STEPS) {
            throw new IllegalArgumentException(where + ": steps must be <= " + MAX_STEPS + ", was "
                    + (steps == Long.MAX_VALUE ? "more than 10^15" : String.valueOf(steps)));
        }
        return steps;
    }
}
