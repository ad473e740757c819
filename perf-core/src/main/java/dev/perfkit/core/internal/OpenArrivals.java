package dev.perfkit.core.internal;

import dev.perfkit.core.FeederExhaustedException;
import dev.perfkit.core.Saturation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open model: an {@link ArrivalPacer} on one platform thread follows the schedule; each due
 * arrival is admitted here, with a pooled virtual user, up to the concurrency cap, and run by the
 * virtual threads of {@link ArrivalWorkers}; at the cap an arrival is dropped or queued
 * ({@link Saturation}).
 *
 * <p><b>Slots.</b> An arrival holds its slot from its admission until its iteration (and, under
 * {@link Saturation#QUEUE}, the queued arrivals its worker ran after it) ended: {@code inFlight}
 * counts the slots, so there are never more busy workers.
 */
final class OpenArrivals implements LoadDriver {

    private static final Logger LOG = LoggerFactory.getLogger(OpenArrivals.class);
    /** Arrivals due together are batched while the last iteration took less than this: 20 µs. */
    static final long BATCH_BELOW_NANOS = 20_000L;
    /** {@link #runArrival} has not released the arrival's slot yet. */
    private static final int NOT_RELEASED = -2;

    private final RunContext run;
    private final int cap;
    private final boolean queueWhenSaturated;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final ArrayDeque<Long> backlog = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<VirtualUser> users = new ConcurrentLinkedQueue<>();
    private final ArrivalWorkers workers;
    /** Picks the user type of each arrival; the pacer's only. */
    private final SplittableRandom typeRandom;
    private long nextUserId;
    private volatile boolean shortIterations;
    private volatile int peakInFlight;
    private volatile boolean pacerDone;
    private Thread pacer;

    OpenArrivals(RunContext run) {
        this.run = run;
        this.cap = run.scenario.maxConcurrency();
        this.queueWhenSaturated = run.scenario.saturation() == Saturation.QUEUE;
        this.workers = new ArrivalWorkers("perfkit-arrival-" + run.scenario.name(), this::serve);
        this.typeRandom = new SplittableRandom(UserSession.mix(run.seed, 0));
    }

    @Override
    public void start(long startNanos) {
        pacer = Thread.ofPlatform().name("perfkit-pacer-" + run.scenario.name()).daemon()
                .start(new ArrivalPacer(run, this, workers, startNanos));
    }

    @Override
    public String tick(long elapsedNanos) {
        workers.retireIdle(elapsedNanos);
        if (!pacerDone) {
            return null;
        }
        return run.iterationsExhausted
                ? "iteration limit of " + run.scenario.iterations() + " reached" : "the arrival profile ended";
    }

    /**
     * Admits a due arrival: takes a slot and a pooled user for it and counts it started; or, at the
     * cap, drops or queues it. Called by the pacer only.
     *
     * @return the user to run it, or null if it was dropped or queued
     */
    VirtualUser admit(long due) {
        if (inFlight.get() < cap) {
            int n = inFlight.incrementAndGet();
            if (n > peakInFlight) {
                peakInFlight = n;
            }
        } else if (saturated(due)) {
            return null;
        }
        UserTypePlan plan = run.typePicker.pick(typeRandom);
        VirtualUser u = plan.idle.poll();
        if (u == null) {
            long id = ++nextUserId;
            u = new VirtualUser(id, plan, run.newSession(id, plan));
            users.add(u);
        }
        started.incrementAndGet();
        return u;
    }

    /** Undoes {@link #admit} for an arrival that could not be handed to a worker. */
    void unadmit(VirtualUser u) {
        started.decrementAndGet();
        u.type.idle.offer(u);
        inFlight.decrementAndGet();
    }

    /** Returns whether the last iteration to end took less than {@link #BATCH_BELOW_NANOS}. */
    boolean shortIterations() {
        return shortIterations;
    }

    /** Called by the pacer when it has handed over its last arrival. */
    void pacerDone() {
        pacerDone = true;
        run.wakeCoordinator();
    }

    /**
     * Handles an arrival that found the cap reached: drops it, or queues it. Takes the slot for it
     * (returns false) if one freed meanwhile. Called by the pacer only.
     */
    private boolean saturated(long due) {
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

    /** A worker's body: runs the first arrival of a batch, then those it can claim, one after the other. */
    private void serve(ArrivalWorkers.Worker worker, ArrivalBatch batch) {
        int i = 0;
        while (i >= 0) {
            i = runArrival(worker, batch, batch.user(i), batch.due(i));
            // What the arrival's task left in the thread must not reach the next one.
            Thread.interrupted();
        }
    }

    /**
     * Runs an arrival on a pooled user, then, under {@link Saturation#QUEUE}, the arrivals that
     * queued meanwhile, each measured from its own due time; then ends it ({@link #release}).
     *
     * @return the index of the batch's next arrival, claimed for this worker, or -1
     */
    private int runArrival(ArrivalWorkers.Worker worker, ArrivalBatch batch, VirtualUser u, long firstDue) {
        u.thread = Thread.currentThread();
        long start = run.clock.getAsLong();
        int next = NOT_RELEASED;
        try {
            if (u.started || startUser(u)) {
                long due = firstDue;
                while (!run.interrupting) {
                    run.iterate(u, due);
                    if (!queueWhenSaturated) {
                        break;
                    }
                    synchronized (backlog) {
                        Long queued = run.stopping ? null : backlog.poll();
                        if (queued == null) {
                            next = release(worker, batch, u, start);
                            break;
                        }
                        due = queued;
                    }
                    started.incrementAndGet();
                }
            }
        } catch (FeederExhaustedException e) {
            run.feederRanOut(e);
        } catch (Error e) {
            run.fail(e);
        } finally {
            if (next == NOT_RELEASED) {
                next = release(worker, batch, u, start);
            }
        }
        return next;
    }

    /** Runs a user's start hook; false if the run is interrupting and the user should not go on. */
    private boolean startUser(VirtualUser u) {
        u.started = true;
        return run.runHook(u, u.type.type.startHook(), u.type.startHook);
    }

    /**
     * Ends an arrival: notes whether it was short, gives its user back, claims the batch's next
     * arrival or else offers the worker for another batch, and only then frees the slot, so that a
     * new worker is started only when every slot's worker is busy.
     */
    private int release(ArrivalWorkers.Worker worker, ArrivalBatch batch, VirtualUser u, long start) {
        boolean isShort = run.clock.getAsLong() - start < BATCH_BELOW_NANOS;
        if (shortIterations != isShort) {
            shortIterations = isShort;
        }
        u.thread = null;
        u.type.idle.offer(u);
        int next = batch.claim();
        if (next < 0) {
            workers.ready(worker);
        }
        inFlight.decrementAndGet();
        return next;
    }

    @Override
    public void stopAll() {
        synchronized (backlog) {
            // Arrivals still queued could not start before the run stopped.
            dropped.addAndGet(backlog.size());
            backlog.clear();
        }
        Thread p = pacer;
        if (p != null) {
            LockSupport.unpark(p);
        }
    }

    @Override
    public void interruptAll() {
        for (VirtualUser u : users) {
            u.interrupt();
        }
    }

    @Override
    public int liveWork() {
        return inFlight.get() + (pacerDone ? 0 : 1);
    }

    /** Runs the stop hook of every pooled user that started, concurrently, within the grace period. */
    @Override
    public void afterStop(long graceNanos) throws InterruptedException {
        Thread p = pacer;
        if (p != null) {
            p.join(Duration.ofSeconds(1));
        }
        if (run.interrupting) {
            return;
        }
        List<Thread> threads = new ArrayList<>();
        for (VirtualUser u : users) {
            if (u.type.type.stopHook() != null && u.started) {
                threads.add(Thread.ofVirtual().start(() -> runStopHook(u)));
            }
        }
        long deadline = run.clock.getAsLong() + graceNanos;
        for (Thread t : threads) {
            long remaining = deadline - run.clock.getAsLong();
            if (remaining <= 0 || !t.join(Duration.ofNanos(remaining))) {
                run.interrupting = true;
                interruptAll();
                t.join(Duration.ofNanos(Run.ABANDON_NANOS));
            }
        }
    }

    private void runStopHook(VirtualUser u) {
        u.thread = Thread.currentThread();
        try {
            run.runHook(u, u.type.type.stopHook(), u.type.stopHook);
        } catch (Error e) {
            run.fail(e);
        } catch (FeederExhaustedException e) {
            LOG.debug("perfkit: feeder ran dry in an onStop hook: {}", e.getMessage());
        } finally {
            u.thread = null;
        }
    }

    @Override
    public int activeUsers() {
        return inFlight.get();
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public long iterations() {
        return started.get();
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public int peakUsers() {
        return peakInFlight;
    }
}
