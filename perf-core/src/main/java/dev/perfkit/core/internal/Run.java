package dev.perfkit.core.internal;

import dev.perfkit.core.FeederExhaustedException;
import dev.perfkit.core.Hook;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LoadModel;
import dev.perfkit.core.RunHandle;
import dev.perfkit.core.RunListener;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunSnapshot;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Saturation;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.TaskFailure;
import dev.perfkit.core.ThinkTime;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a scenario: the coordinator thread, the virtual users, the open-model pacer.
 *
 * <p><b>Threads.</b> A platform coordinator thread starts and stops closed-model users every
 * {@link #TICK_NANOS}, closes intervals, calls listeners and decides when the run ends. The open
 * model adds one platform pacer thread that hands each due iteration to a new virtual thread. Every
 * virtual user (closed) or iteration (open) runs on its own virtual thread.
 *
 * <p><b>Stopping.</b> Stop requests from other threads (a user's {@link #stop()}, an {@link Error}
 * in a task, a feeder running dry) only set volatile fields; the coordinator acts on them within a
 * tick, so all decisions about the end are taken on one thread.
 */
public final class Run implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(Run.class);
    /** How often the coordinator adjusts users and checks for the end: 10 ms. */
    static final long TICK_NANOS = 10_000_000L;
    /** How long interrupted tasks get to finish before they are abandoned: 5 s. */
    static final long ABANDON_NANOS = 5_000_000_000L;
    /** The shortest park of the open-model pacer: 1 ms. */
    static final long PACER_QUANTUM_NANOS = 1_000_000L;
    /** The intended start of an unscheduled sample: its actual start is used. */
    static final long UNSCHEDULED = Long.MIN_VALUE;

    private final Scenario scenario;
    private final RunOptions options;
    private final long seed;
    private final LongSupplier clock = System::nanoTime;
    private final Metrics metrics = new Metrics(Metrics.defaultStripes());
    private final List<UserTypePlan> plans = new ArrayList<>();
    private final WeightedPicker<UserTypePlan> typePicker;
    private final AtomicLong sharedRemaining;
    private final long perUserLimit;
    private final ThinkTime thinkTime;
    private final ClosedDriver driver;
    private final CompletableFuture<RunResult> done = new CompletableFuture<>();

    private final AtomicInteger activeUsers = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final List<VirtualUser> users = new ArrayList<>();
    private final ConcurrentLinkedQueue<VirtualUser> openUsers = new ConcurrentLinkedQueue<>();

    private volatile boolean stopping;
    private volatile boolean interrupting;
    private volatile boolean stopCalled;
    private volatile boolean iterationsExhausted;
    private volatile String exhaustedFeeder;
    private volatile Throwable error;
    private volatile boolean pacerDone;
    private final AtomicLong openIterations = new AtomicLong();
    private final ArrayDeque<Long> backlog = new ArrayDeque<>();
    private final boolean queueWhenSaturated;
    private volatile long startNanos;
    private volatile IntervalStats lastInterval;
    private volatile Thread coordinator;

    private RunStatus status;
    private String reason;
    private long stopDeadline = Long.MAX_VALUE;
    private long abandonDeadline = Long.MAX_VALUE;
    private long nextUserId;
    private long nextUserIdOpen;
    private int peakUsers;
    private IntervalCollector collector;
    private Instant startInstant;
    private Thread pacer;

    /**
     * Prepares a run; nothing starts until {@link #start()}.
     *
     * @param scenario the validated scenario
     * @param options  the run options
     */
    public Run(Scenario scenario, RunOptions options) {
        this.scenario = scenario.validate();
        this.options = options;
        this.seed = scenario.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        for (var type : scenario.userTypes()) {
            plans.add(new UserTypePlan(type, metrics));
        }
        this.typePicker = new WeightedPicker<>(plans, p -> p.type.weight());
        this.sharedRemaining = scenario.iterations() > 0 ? new AtomicLong(scenario.iterations()) : null;
        this.perUserLimit = scenario.iterationsPerUser();
        this.thinkTime = scenario.thinkTime();
        this.queueWhenSaturated = scenario.saturation() == Saturation.QUEUE;
        this.driver = scenario.model() == LoadModel.CLOSED ? new ClosedDriver(scenario.closedProfile()) : null;
    }

    /**
     * Starts the coordinator thread and returns at once.
     *
     * @return this run
     */
    public Run start() {
        Thread t = Thread.ofPlatform().name("perfkit-run-" + scenario.name()).daemon().unstarted(this::coordinate);
        coordinator = t;
        t.start();
        return this;
    }

    // ------------------------------------------------------------------ coordinator

    private void coordinate() {
        try {
            startInstant = Instant.now();
            startNanos = clock.getAsLong();
            collector = new IntervalCollector(metrics, startNanos);
            for (RunListener l : options.listeners()) {
                notify(l, () -> l.onStart(scenario, seed));
            }
            if (scenario.model() == LoadModel.OPEN) {
                pacer = Thread.ofPlatform().name("perfkit-pacer-" + scenario.name()).daemon().start(this::pace);
            }
            loop();
            if (scenario.model() == LoadModel.OPEN && !interrupting) {
                runOpenStopHooks();
            }
        } catch (Throwable t) {
            LOG.error("perfkit: run '{}' failed in the engine", scenario.name(), t);
            if (error == null) {
                error = t;
            }
            status = RunStatus.FAILED;
            reason = "engine error: " + describe(t);
            interruptAll();
        } finally {
            finish();
        }
    }

    private void loop() throws InterruptedException {
        long intervalNanos = options.interval().toNanos();
        long nextInterval = startNanos + intervalNanos;
        long maxDurationNanos = scenario.maxDuration().map(Duration::toNanos).orElse(Long.MAX_VALUE);
        long graceNanos = scenario.gracefulStop().toNanos();
        while (true) {
            long now = clock.getAsLong();
            long elapsed = now - startNanos;
            if (now >= nextInterval) {
                emitInterval(now);
                nextInterval += intervalNanos;
                if (nextInterval <= now) {
                    nextInterval = now + intervalNanos;
                }
            }
            Throwable e = error;
            if (e != null && !interrupting) {
                beginStop(RunStatus.FAILED, "error in a task or hook: " + describe(e), 0);
            } else if (elapsed >= maxDurationNanos && !interrupting) {
                beginStop(RunStatus.MAX_DURATION, "max duration of " + scenario.maxDuration().orElseThrow() + " reached", 0);
            }
            if (!stopping) {
                if (stopCalled) {
                    beginStop(RunStatus.STOPPED, "stopped by request", graceNanos);
                } else if (exhaustedFeeder != null) {
                    beginStop(RunStatus.COMPLETED, exhaustedFeeder, graceNanos);
                } else if (scenario.model() == LoadModel.CLOSED) {
                    driveUsers(elapsed, graceNanos);
                } else if (pacerDone) {
                    beginStop(RunStatus.COMPLETED, iterationsExhausted
                            ? "iteration limit of " + scenario.iterations() + " reached" : "the arrival profile ended",
                            graceNanos);
                }
            }
            if (stopping) {
                if (liveWork() == 0) {
                    return;
                }
                if (!interrupting && now >= stopDeadline) {
                    interruptAll();
                }
                if (interrupting && now >= abandonDeadline) {
                    LOG.warn("perfkit: run '{}': {} iterations ignored interruption and were abandoned",
                            scenario.name(), liveWork());
                    reason = reason + "; " + liveWork() + " iterations ignored interruption and were abandoned";
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

    private int liveWork() {
        return scenario.model() == LoadModel.CLOSED ? activeUsers.get() : inFlight.get() + (pacerDone ? 0 : 1);
    }

    private void driveUsers(long elapsed, long graceNanos) {
        if (driver.ended(elapsed)) {
            beginStop(RunStatus.COMPLETED, "the load profile ended", graceNanos);
            return;
        }
        int delta = driver.adjust(elapsed, !iterationsExhausted);
        for (int i = 0; i < delta; i++) {
            startClosedUser();
        }
        for (int i = users.size() - 1; delta < 0 && i >= 0; i--) {
            VirtualUser u = users.get(i);
            if (!u.stopRequested) {
                u.requestStop();
                delta++;
            }
        }
        boolean limited = perUserLimit > 0 || sharedRemaining != null;
        if (limited && activeUsers.get() == 0 && (iterationsExhausted || driver.startsOver(elapsed))) {
            beginStop(RunStatus.COMPLETED, iterationsExhausted
                    ? "iteration limit of " + scenario.iterations() + " reached"
                    : "every user finished its " + perUserLimit + " iterations", graceNanos);
        }
    }

    private void beginStop(RunStatus newStatus, String why, long graceNanos) {
        if (status == null || newStatus == RunStatus.FAILED) {
            status = newStatus;
            reason = why;
        }
        stopping = true;
        dropBacklog();
        stopDeadline = Math.min(stopDeadline, clock.getAsLong() + graceNanos);
        for (VirtualUser u : users) {
            u.wake();
        }
        Thread p = pacer;
        if (p != null) {
            LockSupport.unpark(p);
        }
        if (graceNanos == 0) {
            interruptAll();
        }
    }

    private void interruptAll() {
        if (interrupting) {
            return;
        }
        interrupting = true;
        stopping = true;
        abandonDeadline = clock.getAsLong() + ABANDON_NANOS;
        for (VirtualUser u : users) {
            u.interrupt();
        }
        for (VirtualUser u : openUsers) {
            u.interrupt();
        }
    }

    private void emitInterval(long now) {
        IntervalStats interval = collector.collect(now, currentUsers(), currentInFlight(), dropped.get(), sampleGauges());
        lastInterval = interval;
        for (RunListener l : options.listeners()) {
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

    private int currentUsers() {
        return scenario.model() == LoadModel.CLOSED ? activeUsers.get() : inFlight.get();
    }

    private int currentInFlight() {
        if (scenario.model() == LoadModel.OPEN) {
            return inFlight.get();
        }
        int n = 0;
        synchronized (users) {
            for (VirtualUser u : users) {
                if (!u.finished && u.state == VirtualUser.RUNNING) {
                    n++;
                }
            }
        }
        return n;
    }

    private void finish() {
        RunResult result;
        try {
            Thread p = pacer;
            if (p != null) {
                LockSupport.unpark(p);
                p.join(TimeUnit.NANOSECONDS.toMillis(TICK_NANOS) * 100);
            }
            long end = clock.getAsLong();
            if (collector == null) {
                collector = new IntervalCollector(metrics, end);
                startInstant = Instant.now();
                startNanos = end;
            }
            emitInterval(end);
            long durationNanos = Math.max(1, end - startNanos);
            double seconds = durationNanos / 1e9;
            Throwable e = error;
            result = new RunResult(scenario.name(), scenario.describe(), scenario.model(), seed,
                    status == null ? RunStatus.FAILED : status, reason == null ? "unknown" : reason,
                    startInstant, startInstant.plusNanos(durationNanos), Duration.ofNanos(durationNanos),
                    collector.totalStats(seconds), collector.sampleStats(seconds), collector.intervals(),
                    iterationsStarted(), dropped.get(), peakUsers, e == null ? null : describe(e));
        } catch (Throwable t) {
            LOG.error("perfkit: run '{}' could not build its result", scenario.name(), t);
            done.completeExceptionally(t);
            return;
        }
        for (RunListener l : options.listeners()) {
            notify(l, () -> l.onEnd(result));
        }
        done.complete(result);
    }

    private long iterationsStarted() {
        if (scenario.model() == LoadModel.OPEN) {
            return openIterations.get();
        }
        long n = 0;
        synchronized (users) {
            for (VirtualUser u : users) {
                n += u.session.iteration;
            }
        }
        return n;
    }

    private void notify(RunListener listener, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("perfkit: listener {} threw; ignored", listener.getClass().getName(), e);
        }
    }

    // ------------------------------------------------------------------ closed model

    private void startClosedUser() {
        long id = ++nextUserId;
        UserTypePlan plan = typePicker.totalWeight() <= 10_000
                ? typePicker.roundRobin(id - 1)
                : typePicker.pick(new SplittableRandom(UserSession.mix(seed, -id)));
        VirtualUser u = new VirtualUser(id, plan, newSession(id, plan));
        activeUsers.incrementAndGet();
        peakUsers = Math.max(peakUsers, activeUsers.get());
        Thread t = Thread.ofVirtual().unstarted(() -> runClosedUser(u));
        u.thread = t;
        synchronized (users) {
            users.add(u);
        }
        t.start();
    }

    private UserSession newSession(long id, UserTypePlan plan) {
        return new UserSession(id, plan.type.name(), scenario.name(), seed, metrics, clock);
    }

    private void runClosedUser(VirtualUser u) {
        try {
            if (!runHook(u, u.type.type.startHook(), u.type.startHook)) {
                return;
            }
            boolean pacing = thinkTime instanceof ThinkTime.Pacing;
            long paceNanos = pacing ? ((ThinkTime.Pacing) thinkTime).interval().toNanos() : 0;
            long due = clock.getAsLong();
            while (!u.stopRequested && !stopping) {
                if (perUserLimit > 0 && u.session.iteration >= perUserLimit) {
                    break;
                }
                if (sharedRemaining != null && sharedRemaining.decrementAndGet() < 0) {
                    iterationsExhausted = true;
                    break;
                }
                iterate(u, pacing ? due : UNSCHEDULED);
                if (pacing) {
                    due += paceNanos;
                    if (!pauseUntil(u, due)) {
                        break;
                    }
                } else {
                    long pause = thinkTime.pauseNanos(u.session.random());
                    if (pause > 0 && !pauseUntil(u, clock.getAsLong() + pause)) {
                        break;
                    }
                }
            }
            if (!interrupting) {
                runHook(u, u.type.type.stopHook(), u.type.stopHook);
            }
        } catch (FeederExhaustedException e) {
            exhaustedFeeder = e.getMessage();
            wakeCoordinator();
        } catch (Error e) {
            fail(e);
        } finally {
            u.finished = true;
            activeUsers.decrementAndGet();
        }
    }

    private boolean pauseUntil(VirtualUser u, long deadline) {
        u.state = VirtualUser.PAUSED;
        try {
            while (!u.stopRequested && !stopping) {
                long remaining = deadline - clock.getAsLong();
                if (remaining <= 0) {
                    return true;
                }
                LockSupport.parkNanos(this, remaining);
            }
            return false;
        } finally {
            u.state = VirtualUser.RUNNING;
        }
    }

    // ------------------------------------------------------------------ both models

    /** Runs one iteration: a weighted pick, or every step in order until one fails. */
    private void iterate(VirtualUser u, long due) {
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

    /** Runs a hook if there is one; returns false if the run is stopping and the user should not go on. */
    private boolean runHook(VirtualUser u, Hook hook, SampleMetric metric) {
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

    private static String describe(Throwable t) {
        String message = t.getMessage();
        if (t instanceof TaskFailure) {
            return message == null ? "" : message;
        }
        return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
    }

    private void fail(Error e) {
        if (error == null) {
            error = e;
        }
        wakeCoordinator();
    }

    private void wakeCoordinator() {
        Thread c = coordinator;
        if (c != null) {
            LockSupport.unpark(c);
        }
    }

    // ------------------------------------------------------------------ open model

    private void pace() {
        try {
            ArrivalSchedule schedule = new ArrivalSchedule(scenario.arrivalProfile());
            SplittableRandom typeRandom = new SplittableRandom(UserSession.mix(seed, 0));
            int cap = scenario.maxConcurrency();
            while (!stopping) {
                long offset = schedule.next();
                if (offset < 0) {
                    break;
                }
                long due = startNanos + offset;
                if (!waitUntil(due)) {
                    break;
                }
                if (sharedRemaining != null && sharedRemaining.decrementAndGet() < 0) {
                    iterationsExhausted = true;
                    break;
                }
                if (inFlight.get() < cap) {
                    inFlight.incrementAndGet();
                } else if (saturated(due, cap)) {
                    continue;
                }
                UserTypePlan plan = typePicker.pick(typeRandom);
                VirtualUser u = plan.idle.poll();
                if (u == null) {
                    long id = ++nextUserIdOpen;
                    u = new VirtualUser(id, plan, newSession(id, plan));
                    openUsers.add(u);
                }
                openIterations.incrementAndGet();
                VirtualUser user = u;
                Thread.ofVirtual().start(() -> runOpenIterations(user, due));
            }
        } catch (Throwable t) {
            LOG.error("perfkit: the pacer of run '{}' failed", scenario.name(), t);
            if (error == null) {
                error = t;
            }
        } finally {
            pacerDone = true;
            wakeCoordinator();
        }
    }

    /**
     * Waits until {@code due}, but parks for at least {@link #PACER_QUANTUM_NANOS}: above 1,000
     * arrivals per second the pacer wakes once per quantum and starts every arrival due by then.
     * Each timed park costs microseconds of CPU, so this bounds the pacer's wake-ups; an arrival
     * started late is still measured from its due time.
     */
    private boolean waitUntil(long due) {
        while (!stopping) {
            long remaining = due - clock.getAsLong();
            if (remaining <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, Math.max(remaining, PACER_QUANTUM_NANOS));
        }
        return false;
    }

    /**
     * Handles an arrival that found the cap reached: drops it, or queues it. Takes the slot for it
     * (returns false) if one freed meanwhile. Called by the pacer only.
     */
    private boolean saturated(long due, int cap) {
        if (!queueWhenSaturated) {
            dropped.incrementAndGet();
            return true;
        }
        synchronized (backlog) {
            if (inFlight.get() < cap) {
                inFlight.incrementAndGet();
                return false;
            }
            if (backlog.size() >= Saturation.MAX_BACKLOG) {
                dropped.incrementAndGet();
            } else {
                backlog.add(due);
            }
            return true;
        }
    }

    /**
     * Runs an arrival on a pooled user, then, under {@link Saturation#QUEUE}, the arrivals that
     * queued meanwhile, each measured from its own due time. Releases the slot at the end.
     */
    private void runOpenIterations(VirtualUser u, long firstDue) {
        u.thread = Thread.currentThread();
        boolean released = false;
        try {
            if (!u.started) {
                u.started = true;
                if (!runHook(u, u.type.type.startHook(), u.type.startHook)) {
                    return;
                }
            }
            long due = firstDue;
            while (!interrupting) {
                iterate(u, due);
                if (!queueWhenSaturated) {
                    break;
                }
                synchronized (backlog) {
                    Long next = stopping ? null : backlog.poll();
                    if (next == null) {
                        inFlight.decrementAndGet();
                        released = true;
                        break;
                    }
                    due = next;
                }
                openIterations.incrementAndGet();
            }
        } catch (FeederExhaustedException e) {
            exhaustedFeeder = e.getMessage();
            wakeCoordinator();
        } catch (Error e) {
            fail(e);
        } finally {
            u.thread = null;
            u.type.idle.offer(u);
            if (!released) {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Counts the arrivals still queued as dropped: they could not start before the run stopped. */
    private void dropBacklog() {
        synchronized (backlog) {
            dropped.addAndGet(backlog.size());
            backlog.clear();
        }
    }

    private void runOpenStopHooks() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (VirtualUser u : openUsers) {
            if (u.type.type.stopHook() != null && u.started) {
                threads.add(Thread.ofVirtual().start(() -> {
                    u.thread = Thread.currentThread();
                    try {
                        runHook(u, u.type.type.stopHook(), u.type.stopHook);
                    } catch (Error e) {
                        fail(e);
                    } catch (FeederExhaustedException e) {
                        LOG.debug("perfkit: feeder ran dry in an onStop hook: {}", e.getMessage());
                    } finally {
                        u.thread = null;
                    }
                }));
            }
        }
        long deadline = clock.getAsLong() + scenario.gracefulStop().toNanos();
        for (Thread t : threads) {
            long remaining = deadline - clock.getAsLong();
            if (remaining <= 0 || !t.join(Duration.ofNanos(remaining))) {
                interruptAll();
                t.join(Duration.ofNanos(ABANDON_NANOS));
            }
        }
    }

    // ------------------------------------------------------------------ handle

    @Override
    public RunSnapshot snapshot() {
        long start = startNanos;
        Duration elapsed = start == 0 ? Duration.ZERO : Duration.ofNanos(clock.getAsLong() - start);
        return new RunSnapshot(elapsed, currentUsers(), currentInFlight(), iterationsStarted(), dropped.get(), Optional.ofNullable(lastInterval), done.isDone());
    }

    @Override
    public void stop() {
        stopCalled = true;
        wakeCoordinator();
    }

    @Override
    public RunResult await() throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("run '" + scenario.name() + "' could not build its result", e.getCause());
        }
    }

    @Override
    public Optional<RunResult> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(done.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("run '" + scenario.name() + "' could not build its result", e.getCause());
        }
    }

    @Override
    public CompletableFuture<RunResult> completion() {
        return done;
    }
}
