package dev.perfkit.core.internal;

import dev.perfkit.core.FeederExhaustedException;
import dev.perfkit.core.ThinkTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The closed model: one virtual thread per virtual user, started and stopped so that the number
 * running follows the users profile ({@link ClosedDriver}), each looping over its iterations with
 * think time or pacing.
 */
final class ClosedUsers implements LoadDriver {

    /** Above this total weight, user types are drawn at random instead of by round robin. */
    private static final long ROUND_ROBIN_LIMIT = 10_000;

    private final RunContext run;
    private final ClosedDriver driver;
    private final long perUserLimit;
    private final ThinkTime thinkTime;
    private final List<VirtualUser> users = new ArrayList<>();
    private final AtomicInteger alive = new AtomicInteger();
    private long nextUserId;
    private volatile int peakUsers;

    ClosedUsers(RunContext run) {
        this.run = run;
        this.driver = new ClosedDriver(run.scenario.closedProfile());
        this.perUserLimit = run.scenario.iterationsPerUser();
        this.thinkTime = run.scenario.thinkTime();
    }

    @Override
    public void start(long startNanos) {
        // Users start on the coordinator's first tick.
    }

    @Override
    public String tick(long elapsed) {
        if (driver.ended(elapsed)) {
            return "the load profile ended";
        }
        int delta = driver.adjust(elapsed, !run.iterationsExhausted);
        for (int i = 0; i < delta; i++) {
            startUser();
        }
        for (int i = users.size() - 1; delta < 0 && i >= 0; i--) {
            VirtualUser u = users.get(i);
            if (!u.stopRequested) {
                u.requestStop();
                delta++;
            }
        }
        boolean limited = perUserLimit > 0 || run.hasSharedLimit();
        if (limited && alive.get() == 0 && (run.iterationsExhausted || driver.startsOver(elapsed))) {
            return run.iterationsExhausted
                    ? "iteration limit of " + run.scenario.iterations() + " reached"
                    : "every user finished its " + perUserLimit + " iterations";
        }
        return null;
    }

    private void startUser() {
        long id = ++nextUserId;
        WeightedPicker<UserTypePlan> types = run.typePicker;
        UserTypePlan plan = types.totalWeight() <= ROUND_ROBIN_LIMIT
                ? types.roundRobin(run.scenario.shard().wholeNumber(id) - 1)
                : types.pick(new SplittableRandom(UserSession.mix(run.seed, -id)));
        VirtualUser u = new VirtualUser(id, plan, run.newSession(id, plan));
        peakUsers = Math.max(peakUsers, alive.incrementAndGet());
        Thread t = Thread.ofVirtual().unstarted(() -> runUser(u));
        u.thread = t;
        synchronized (users) {
            users.add(u);
        }
        t.start();
    }

    private void runUser(VirtualUser u) {
        try {
            if (!run.runHook(u, u.type.type.startHook(), u.type.startHook)) {
                return;
            }
            boolean pacing = thinkTime instanceof ThinkTime.Pacing;
            long paceNanos = pacing ? ((ThinkTime.Pacing) thinkTime).interval().toNanos() : 0;
            long due = run.clock.getAsLong();
            while (!u.stopRequested && !run.stopping) {
                if (perUserLimit > 0 && u.session.iteration >= perUserLimit || !run.takeSharedIteration()) {
                    break;
                }
                run.iterate(u, pacing ? due : RunContext.UNSCHEDULED);
                if (pacing) {
                    due += paceNanos;
                    if (!pauseUntil(u, due)) {
                        break;
                    }
                } else {
                    long pause = thinkTime.pauseNanos(u.session.random());
                    if (pause > 0 && !pauseUntil(u, run.clock.getAsLong() + pause)) {
                        break;
                    }
                }
            }
            if (!run.interrupting) {
                run.runHook(u, u.type.type.stopHook(), u.type.stopHook);
            }
        } catch (FeederExhaustedException e) {
            run.feederRanOut(e);
        } catch (Error e) {
            run.fail(e);
        } finally {
            u.finished = true;
            alive.decrementAndGet();
        }
    }

    /** Waits until {@code deadline}; returns false if the user must stop instead. */
    private boolean pauseUntil(VirtualUser u, long deadline) {
        u.state = VirtualUser.PAUSED;
        try {
            while (!u.stopRequested && !run.stopping) {
                long remaining = deadline - run.clock.getAsLong();
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

    @Override
    public void stopAll() {
        for (VirtualUser u : users) {
            u.wake();
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
        return alive.get();
    }

    @Override
    public void afterStop(long graceNanos) {
        // Each user runs its own stop hook when it leaves its loop.
    }

    @Override
    public int activeUsers() {
        return alive.get();
    }

    @Override
    public int inFlight() {
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

    @Override
    public long iterations() {
        long n = 0;
        synchronized (users) {
            for (VirtualUser u : users) {
                n += u.session.iteration;
            }
        }
        return n;
    }

    @Override
    public long dropped() {
        return 0;
    }

    @Override
    public int peakUsers() {
        return peakUsers;
    }
}
