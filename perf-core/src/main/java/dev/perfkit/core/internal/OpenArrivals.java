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
 * The open model: one platform pacer thread follows the {@link ArrivalSchedule} and hands each due
 * arrival, with a pooled virtual user, to a running virtual thread of {@link ArrivalWorkers}, up to
 * the concurrency cap; at the cap an arrival is dropped or queued ({@link Saturation}).
 *
 * <p>An arrival holds its slot from the pacer's hand-off until its iteration (and, under
 * {@link Saturation#QUEUE}, the queued arrivals its worker ran after it) ended: {@code inFlight}
 * counts the slots, so it is also the number of busy workers.
 */
final class OpenArrivals implements LoadDriver {

    private static final Logger LOG = LoggerFactory.getLogger(OpenArrivals.class);
    /** The shortest park of the pacer: 1 ms. */
    static final long PACER_QUANTUM_NANOS = 1_000_000L;

    private final RunContext run;
    private final int cap;
    private final boolean queueWhenSaturated;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final ArrayDeque<Long> backlog = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<VirtualUser> users = new ConcurrentLinkedQueue<>();
    private final ArrivalWorkers workers;
    private long nextUserId;
    private volatile int peakInFlight;
    private volatile boolean pacerDone;
    private Thread pacer;

    OpenArrivals(RunContext run) {
        this.run = run;
        this.cap = run.scenario.maxConcurrency();
        this.queueWhenSaturated = run.scenario.saturation() == Saturation.QUEUE;
        this.workers = new ArrivalWorkers("perfkit-arrival-" + run.scenario.name(), this::runIterations);
    }

    @Override
    public void start(long startNanos) {
        pacer = Thread.ofPlatform().name("perfkit-pacer-" + run.scenario.name()).daemon()
                .start(() -> pace(startNanos));
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

    private void pace(long startNanos) {
        try {
            ArrivalSchedule schedule = new ArrivalSchedule(run.scenario.arrivalProfile());
            SplittableRandom typeRandom = new SplittableRandom(UserSession.mix(run.seed, 0));
            while (!run.stopping) {
                long offset = schedule.next();
                if (offset < 0) {
                    break;
                }
                long due = startNanos + offset;
                if (!waitUntil(due) || !run.takeSharedIteration()) {
                    break;
                }
                if (inFlight.get() < cap) {
                    peakInFlight = Math.max(peakInFlight, inFlight.incrementAndGet());
                } else if (saturated(due)) {
                    continue;
                }
                UserTypePlan plan = run.typePicker.pick(typeRandom);
                VirtualUser u = plan.idle.poll();
                if (u == null) {
                    long id = ++nextUserId;
                    u = new VirtualUser(id, plan, run.newSession(id, plan));
                    users.add(u);
                }
                hand(u, due);
            }
        } catch (Throwable t) {
            LOG.error("perfkit: the pacer of run '{}' failed", run.scenario.name(), t);
            run.fail(t);
        } finally {
            workers.close();
            pacerDone = true;
            run.wakeCoordinator();
        }
    }

    /** Hands an arrival that holds a slot to a worker; gives the slot and the user back if that fails. */
    private void hand(VirtualUser u, long due) {
        started.incrementAndGet();
        try {
            workers.hand(u, due);
        } catch (RuntimeException | Error e) {
            started.decrementAndGet();
            u.type.idle.offer(u);
            inFlight.decrementAndGet();
            throw e;
        }
    }

    /**
     * Waits until {@code due}, but parks for at least {@link #PACER_QUANTUM_NANOS}: above 1,000
     * arrivals per second the pacer wakes once per quantum and starts every arrival due by then.
     * Each timed park costs microseconds of CPU, so this bounds the pacer's wake-ups; an arrival
     * started late is still measured from its due time.
     */
    private boolean waitUntil(long due) {
        while (!run.stopping) {
            long remaining = due - run.clock.getAsLong();
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

    /**
     * Runs an arrival on a pooled user, then, under {@link Saturation#QUEUE}, the arrivals that
     * queued meanwhile, each measured from its own due time. At the end gives the user back, offers
     * the worker for the next arrival and then releases the slot, in that order: a new worker is
     * started only when every slot's worker is busy.
     */
    private void runIterations(ArrivalWorkers.Worker worker, VirtualUser u, long firstDue) {
        u.thread = Thread.currentThread();
        boolean released = false;
        try {
            if (!u.started) {
                u.started = true;
                if (!run.runHook(u, u.type.type.startHook(), u.type.startHook)) {
                    return;
                }
            }
            long due = firstDue;
            while (!run.interrupting) {
                run.iterate(u, due);
                if (!queueWhenSaturated) {
                    break;
                }
                synchronized (backlog) {
                    Long next = run.stopping ? null : backlog.poll();
                    if (next == null) {
                        release(worker, u);
                        released = true;
                        break;
                    }
                    due = next;
                }
                started.incrementAndGet();
            }
        } catch (FeederExhaustedException e) {
            run.feederRanOut(e);
        } catch (Error e) {
            run.fail(e);
        } finally {
            if (!released) {
                release(worker, u);
            }
        }
    }

    private void release(ArrivalWorkers.Worker worker, VirtualUser u) {
        u.thread = null;
        u.type.idle.offer(u);
        workers.ready(worker);
        inFlight.decrementAndGet();
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
