package dev.perfkit.core.internal;

import dev.perfkit.core.FeederExhaustedException;
import dev.perfkit.core.Hook;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.TaskFailure;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * What both load models share during one run: the scenario resolved for running, the flags that
 * stop it, and the execution and recording of iterations, tasks and hooks.
 *
 * <p>The flags are volatile and written by any thread; only the coordinator acts on them.
 */
final class RunContext {

    /** The intended start of an unscheduled sample: its actual start is used. */
    static final long UNSCHEDULED = Long.MIN_VALUE;

    final Scenario scenario;
    final long seed;
    final LongSupplier clock;
    final Metrics metrics;
    final List<UserTypePlan> plans = new ArrayList<>();
    final WeightedPicker<UserTypePlan> typePicker;
    private final AtomicLong sharedRemaining;

    /** No new iteration starts. */
    volatile boolean stopping;
    /** In-flight work is being interrupted. */
    volatile boolean interrupting;
    /** The shared iteration limit is used up. */
    volatile boolean iterationsExhausted;
    /** The message of the feeder that ran dry, or null. */
    volatile String exhaustedFeeder;
    /** The Error that ends the run, or null. */
    volatile Throwable error;
    volatile Thread coordinator;

    RunContext(Scenario scenario, long seed, LongSupplier clock, Metrics metrics) {
        this.scenario = scenario;
        this.seed = seed;
        this.clock = clock;
        this.metrics = metrics;
        for (var type : scenario.userTypes()) {
            plans.add(new UserTypePlan(type, metrics));
        }
        this.typePicker = new WeightedPicker<>(plans, p -> p.type.weight());
        this.sharedRemaining = scenario.iterations() > 0 ? new AtomicLong(scenario.iterations()) : null;
    }

    UserSession newSession(long id, UserTypePlan plan) {
        return new UserSession(id, plan.type.name(), scenario.name(), seed, metrics, clock);
    }

    boolean hasSharedLimit() {
        return sharedRemaining != null;
    }

    /** Takes one iteration of the shared limit; false, and the limit marked used up, when none is left. */
    boolean takeSharedIteration() {
        if (sharedRemaining == null || sharedRemaining.decrementAndGet() >= 0) {
            return true;
        }
        iterationsExhausted = true;
        return false;
    }

    /** Runs one iteration: a weighted pick, or every step in order until one fails. */
    void iterate(VirtualUser u, long due) {
        UserSession s = u.session;
        s.iteration++;
        UserTypePlan plan = u.type;
        if (plan.type.isSequential()) {
            for (int i = 0; i < plan.tasks.length; i++) {
                if (!runTask(s, plan, i, i == 0 ? due : UNSCHEDULED)) {
                    return;
                }
            }
        } else {
            runTask(s, plan, plan.picker.pickIndex(s.random()), due);
        }
    }

    /** Times one task and records it; returns whether it succeeded. */
    private boolean runTask(UserSession s, UserTypePlan plan, int index, long due) {
        SampleMetric metric = plan.metrics[index];
        long start = clock.getAsLong();
        try {
            plan.tasks[index].run(s);
        } catch (FeederExhaustedException e) {
            throw e;
        } catch (Exception e) {
            metric.recordFailure(category(e), describe(e));
            return false;
        } catch (Error e) {
            metric.recordFailure("error", describe(e));
            throw e;
        }
        long end = clock.getAsLong();
        metric.recordSuccess(due == UNSCHEDULED ? start : due, start, end);
        return true;
    }

    /** Runs a hook if there is one; returns false if the run is interrupting and the user should not go on. */
    boolean runHook(VirtualUser u, Hook hook, SampleMetric metric) {
        if (hook == null) {
            return true;
        }
        long start = clock.getAsLong();
        try {
            hook.run(u.session);
            metric.recordSuccess(start, start, clock.getAsLong());
        } catch (FeederExhaustedException e) {
            throw e;
        } catch (Exception e) {
            metric.recordFailure(category(e), describe(e));
        } catch (Error e) {
            metric.recordFailure("error", describe(e));
            throw e;
        }
        return !interrupting;
    }

    private String category(Exception e) {
        if (interrupting && (e instanceof InterruptedException || e instanceof InterruptedIOException
                || Thread.currentThread().isInterrupted())) {
            return "interrupted";
        }
        return e instanceof TaskFailure f ? f.category() : e.getClass().getSimpleName();
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        if (t instanceof TaskFailure) {
            return message == null ? "" : message;
        }
        return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
    }

    /** Records that an Error ends the run; the first one wins. */
    void fail(Throwable e) {
        if (error == null) {
            error = e;
        }
        wakeCoordinator();
    }

    /** Records that a feeder ran dry, which ends the run gracefully. */
    void feederRanOut(FeederExhaustedException e) {
        exhaustedFeeder = e.getMessage();
        wakeCoordinator();
    }

    void wakeCoordinator() {
        Thread c = coordinator;
        if (c != null) {
            LockSupport.unpark(c);
        }
    }
}
