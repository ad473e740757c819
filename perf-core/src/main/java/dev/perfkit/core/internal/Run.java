package dev.perfkit.core.internal;

import dev.perfkit.core.IntervalHistogramListener;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LoadModel;
import dev.perfkit.core.ResourceMonitor;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunHandle;
import dev.perfkit.core.RunListener;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunSnapshot;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a scenario, driven by a platform coordinator thread.
 *
 * <p>Every {@link #TICK_NANOS} the coordinator moves the load on ({@link LoadDriver#tick}),
 * closes the interval when one is due, calls the listeners and decides when the run ends. The load
 * itself runs on virtual threads ({@link ClosedUsers}, {@link OpenArrivals}).
 *
 * <p><b>Stopping.</b> Stop requests from other threads (a caller's {@link #stop()}, an
 * {@link Error} in a task, a feeder running dry) only set volatile fields; the coordinator acts on
 * them within a tick, so every decision about the end is taken on one thread. A graceful stop lets
 * in-flight iterations finish until the scenario's deadline, then interrupts them; interrupted
 * work that does not end within {@link #ABANDON_NANOS} is abandoned and reported. After each interval
 * the abort rules of {@link RunOptions#abortOn()} are checked; a breach stops the run with at most one
 * interval of graceful stop.
 */
public final class Run implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(Run.class);
    /** How often the coordinator moves the load on and checks for the end: 10 ms. */
    static final long TICK_NANOS = 10_000_000L;
    /** How long interrupted tasks get to finish before they are abandoned: 5 s. */
    static final long ABANDON_NANOS = 5_000_000_000L;

    private final RunContext run;
    private final RunOptions options;
    private final LoadDriver load;
    private final CompletableFuture<RunResult> done = new CompletableFuture<>();
    /** Whether a listener asked for each interval's histograms: only then are they copied. */
    private final boolean wantsHistograms;

    private volatile boolean stopCalled;
    private volatile long startNanos;
    private volatile IntervalStats lastInterval;
    /** How late the run started after {@link RunOptions#startAt()}, in seconds. */
    private volatile double startLagSeconds;

    private RunStatus status;
    private String reason;
    private long stopDeadline = Long.MAX_VALUE;
    private long abandonDeadline = Long.MAX_VALUE;
    private IntervalCollector collector;
    private Instant startInstant;
    private final List<ResourceMonitor> startedMonitors = new ArrayList<>();

    /**
     * Prepares a run; nothing starts until {@link #start()}.
     *
     * @param scenario the scenario, validated here
     * @param options  the run options
     * @throws IllegalArgumentException if the scenario is incomplete
     */
    public Run(Scenario scenario, RunOptions options) {
        scenario.validate();
        long seed = scenario.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        this.run = new RunContext(scenario, seed, System::nanoTime, new Metrics(Metrics.defaultStripes()));
        this.options = options.startAt().isEmpty() ? options
                : options.toBuilder().addGauge(RunOptions.START_LAG_GAUGE, () -> startLagSeconds).build();
        this.wantsHistograms = options.listeners().stream().anyMatch(l -> l instanceof IntervalHistogramListener);
        this.load = scenario.model() == LoadModel.CLOSED ? new ClosedUsers(run) : new OpenArrivals(run);
    }

    /**
     * Starts the coordinator thread and returns at once.
     *
     * @return this run
     */
    public Run start() {
        Thread t = Thread.ofPlatform().name("perfkit-run-" + run.scenario.name()).daemon().unstarted(this::coordinate);
        run.coordinator = t;
        t.start();
        return this;
    }

    private void coordinate() {
        try {
            waitForPlannedStart();
            startInstant = Instant.now();
            options.startAt().ifPresent(planned ->
                    startLagSeconds = Math.max(0, Duration.between(planned, startInstant).toNanos() / 1e9));
            startNanos = run.clock.getAsLong();
            collector = new IntervalCollector(run.metrics, startNanos);
            startMonitors();
            for (RunListener l : options.listeners()) {
                notify(l, () -> l.onStart(run.scenario, run.seed));
            }
            load.start(startNanos);
            loop();
            load.afterStop(run.scenario.gracefulStop().toNanos());
        } catch (Throwable t) {
            LOG.error("perfkit: run '{}' failed in the engine", run.scenario.name(), t);
            run.fail(t);
            status = RunStatus.FAILED;
            reason = "engine error: " + RunContext.describe(t);
            interruptAll();
        } finally {
            finish();
        }
    }

    /** Parks until {@link RunOptions#startAt()}, or until {@link #stop()} is called. */
    private void waitForPlannedStart() {
        Optional<Instant> planned = options.startAt();
        while (planned.isPresent() && !stopCalled) {
            Duration left = Duration.between(Instant.now(), planned.get());
            if (left.isNegative() || left.isZero()) {
                return;
            }
            // At most a minute per park: a far instant would overflow nanoseconds.
            LockSupport.parkNanos(this, Math.min(left.getSeconds(), 60) * 1_000_000_000L + left.getNano());
        }
    }

    private void loop() throws InterruptedException {
        Scenario scenario = run.scenario;
        long intervalNanos = options.interval().toNanos();
        long nextInterval = startNanos + intervalNanos;
        Optional<Duration> maxDuration = scenario.maxDuration();
        long maxDurationNanos = maxDuration.map(Duration::toNanos).orElse(Long.MAX_VALUE);
        long graceNanos = scenario.gracefulStop().toNanos();
        while (true) {
            long now = run.clock.getAsLong();
            if (now >= nextInterval) {
                emitInterval(now);
                nextInterval = Math.max(nextInterval + intervalNanos, now + 1);
                checkAbortRules(Math.min(graceNanos, intervalNanos));
            }
            Throwable e = run.error;
            if (e != null && !run.interrupting) {
                beginStop(RunStatus.FAILED, "error in a task or hook: " + RunContext.describe(e), 0);
            } else if (now - startNanos >= maxDurationNanos && !run.interrupting) {
                beginStop(RunStatus.MAX_DURATION, "max duration of " + Durations.format(maxDuration.orElseThrow())
                        + " reached", 0);
            }
            if (!run.stopping) {
                String over;
                if (stopCalled) {
                    beginStop(RunStatus.STOPPED, "stopped by request", graceNanos);
                } else if (run.exhaustedFeeder != null) {
                    beginStop(RunStatus.COMPLETED, run.exhaustedFeeder, graceNanos);
                } else if ((over = load.tick(now - startNanos)) != null) {
                    beginStop(RunStatus.COMPLETED, over, graceNanos);
                }
            }
            if (run.stopping) {
                int live = load.liveWork();
                if (live == 0) {
                    return;
                }
                if (!run.interrupting && now >= stopDeadline) {
                    interruptAll();
                }
                if (run.interrupting && now >= abandonDeadline) {
                    LOG.warn("perfkit: run '{}': {} iterations ignored interruption and were abandoned",
                            scenario.name(), live);
                    reason = reason + "; " + live + " iterations ignored interruption and were abandoned";
                    return;
                }
            }
            long wait = Math.min(nextInterval - now, TICK_NANOS);
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("coordinator interrupted");
            }
        }
    }

    /**
     * Stops the run if an abort rule of {@link RunOptions#abortOn()} is breached by the intervals so
     * far; the in-flight iterations get {@code graceNanos} (at most one interval) to finish.
     */
    private void checkAbortRules(long graceNanos) {
        Optional<Thresholds> abortOn = options.abortOn();
        if (abortOn.isEmpty() || run.stopping) {
            return;
        }
        Optional<RuleResult> breach;
        try {
            breach = abortOn.get().abortBreach(collector.intervals(), run.metrics.requestNames());
        } catch (RuntimeException e) {
            LOG.warn("perfkit: run '{}': abort rules could not be checked; the run goes on", run.scenario.name(), e);
            return;
        }
        breach.ifPresent(b -> beginStop(RunStatus.ABORTED, "aborted: threshold " + b.rule() + " breached, "
                + b.statistic() + "(" + b.subject() + ") was " + formatValue(b.observed()) + " " + b.unit() + ", "
                + b.note(), graceNanos));
    }

    private static String formatValue(double v) {
        return String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.3f", v);
    }

    private void beginStop(RunStatus newStatus, String why, long graceNanos) {
        if (status == null || newStatus == RunStatus.FAILED) {
            status = newStatus;
            reason = why;
        }
        run.stopping = true;
        stopDeadline = Math.min(stopDeadline, run.clock.getAsLong() + graceNanos);
        load.stopAll();
        if (graceNanos == 0) {
            interruptAll();
        }
    }

    private void interruptAll() {
        if (abandonDeadline != Long.MAX_VALUE) {
            return;
        }
        run.interrupting = true;
        run.stopping = true;
        abandonDeadline = run.clock.getAsLong() + ABANDON_NANOS;
        load.interruptAll();
    }

    private void emitInterval(long now) {
        Map<String, Histogram> histograms = wantsHistograms ? new LinkedHashMap<>() : null;
        IntervalStats interval = collector.collect(now, load.activeUsers(), load.inFlight(), load.dropped(),
                sampleGauges(), histograms);
        lastInterval = interval;
        Map<String, Histogram> shared = histograms == null ? Map.of() : Collections.unmodifiableMap(histograms);
        for (RunListener l : options.listeners()) {
            if (l instanceof IntervalHistogramListener h) {
                notify(l, () -> h.onIntervalHistograms(interval, shared));
            }
            notify(l, () -> l.onInterval(interval));
        }
    }

    private Map<String, Double> sampleGauges() {
        Map<String, DoubleSupplier> gauges = options.gauges();
        if (gauges.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        gauges.forEach((name, supplier) -> {
            double value;
            try {
                value = supplier.getAsDouble();
            } catch (RuntimeException e) {
                LOG.warn("perfkit: gauge '{}' threw; recorded as NaN", name, e);
                value = Double.NaN;
            }
            values.put(name, value);
        });
        return values;
    }

    private void startMonitors() {
        for (ResourceMonitor monitor : options.monitors()) {
            try {
                monitor.start(options.interval());
                startedMonitors.add(monitor);
            } catch (RuntimeException e) {
                LOG.warn("perfkit: run '{}': monitor '{}' did not start; its gauges read what it has ({})",
                        run.scenario.name(), monitor.label(), RunContext.describe(e));
            }
        }
    }

    /** Closes the monitors this run started, after their last reading; a failing close is logged. */
    private void closeMonitors() {
        for (ResourceMonitor monitor : startedMonitors) {
            try {
                monitor.close();
            } catch (RuntimeException e) {
                LOG.warn("perfkit: run '{}': monitor '{}' failed to close", run.scenario.name(), monitor.label(), e);
            }
        }
        startedMonitors.clear();
    }

    private void finish() {
        RunResult result;
        try {
            long end = run.clock.getAsLong();
            if (collector == null) {
                collector = new IntervalCollector(run.metrics, end);
                startInstant = Instant.now();
                startNanos = end;
            }
            try {
                emitInterval(end);
            } finally {
                closeMonitors();
            }
            long durationNanos = Math.max(1, end - startNanos);
            double seconds = durationNanos / 1e9;
            Throwable e = run.error;
            if (e != null && status != RunStatus.FAILED) {
                // The error came after the loop's last look at it (the run was already ending):
                // it still fails the run.
                status = RunStatus.FAILED;
                reason = "error in a task or hook: " + RunContext.describe(e);
            }
            Scenario scenario = run.scenario;
            result = new RunResult(scenario.name(), scenario.describe(), scenario.model(), run.seed,
                    status == null ? RunStatus.FAILED : status, reason == null ? "unknown" : reason,
                    startInstant, startInstant.plusNanos(durationNanos), Duration.ofNanos(durationNanos),
                    collector.totalStats(seconds), collector.sampleStats(seconds), collector.intervals(),
                    load.iterations(), load.dropped(), load.peakUsers(), e == null ? null : RunContext.describe(e));
        } catch (Throwable t) {
            LOG.error("perfkit: run '{}' could not build its result", run.scenario.name(), t);
            done.completeExceptionally(t);
            return;
        }
        for (RunListener l : options.listeners()) {
            notify(l, () -> l.onEnd(result));
        }
        done.complete(result);
    }

    private void notify(RunListener listener, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("perfkit: listener {} threw; ignored", listener.getClass().getName(), e);
        }
    }

    @Override
    public RunSnapshot snapshot() {
        long start = startNanos;
        Duration elapsed = start == 0 ? Duration.ZERO : Duration.ofNanos(run.clock.getAsLong() - start);
        return new RunSnapshot(elapsed, load.activeUsers(), load.inFlight(), load.iterations(), load.dropped(),
                Optional.ofNullable(lastInterval), done.isDone());
    }

    @Override
    public void stop() {
        stopCalled = true;
        run.wakeCoordinator();
    }

    @Override
    public RunResult await() throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("run '" + run.scenario.name() + "' could not build its result", e.getCause());
        }
    }

    @Override
    public Optional<RunResult> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(done.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("run '" + run.scenario.name() + "' could not build its result", e.getCause());
        }
    }

    @Override
    public CompletableFuture<RunResult> completion() {
        return done;
    }
}
