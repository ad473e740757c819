package dev.perfkit.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open model's pacer, run by one platform thread: follows the {@link ArrivalSchedule}, has
 * {@link OpenArrivals} admit each due arrival, and hands the admitted ones to
 * {@link ArrivalWorkers}.
 *
 * <p><b>Batches.</b> While iterations are short ({@link OpenArrivals#shortIterations()}), the
 * arrivals due at one wake-up go to one worker as an {@link ArrivalBatch} (up to
 * {@link ArrivalBatch#CAPACITY}), which runs them one after the other: one worker, and one
 * carrier, woken for several arrivals. After each park the pacer takes back the arrivals of those
 * batches that their worker has not started (all but the first) and hands each to a worker of its
 * own; while it has batches out it parks one {@link #QUANTUM_NANOS} at a time. So an iteration that blocks delays the rest
 * of its batch by about one quantum at most. Otherwise each arrival goes to a worker of its own.
 */
final class ArrivalPacer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ArrivalPacer.class);
    /** The shortest park of the pacer: 1 ms. */
    static final long QUANTUM_NANOS = 1_000_000L;

    private final RunContext run;
    private final OpenArrivals arrivals;
    private final ArrivalWorkers workers;
    private final long startNanos;
    /** The batches of several arrivals handed over since the last park. */
    private final List<ArrivalBatch> handed = new ArrayList<>();
    /** The batch being filled, or null. */
    private ArrivalBatch filling;

    ArrivalPacer(RunContext run, OpenArrivals arrivals, ArrivalWorkers workers, long startNanos) {
        this.run = run;
        this.arrivals = arrivals;
        this.workers = workers;
        this.startNanos = startNanos;
    }

    @Override
    public void run() {
        try {
            ArrivalSchedule schedule = new ArrivalSchedule(run.scenario.arrivalProfile(), run.scenario.shard());
            while (!run.stopping) {
                long offset = schedule.next();
                if (offset < 0) {
                    break;
                }
                long due = startNanos + offset;
                if (due - run.clock.getAsLong() > 0) {
                    handFilling();
                    if (!waitUntil(due)) {
                        break;
                    }
                }
                if (!run.takeSharedIteration()) {
                    break;
                }
                VirtualUser u = arrivals.admit(due);
                if (u != null) {
                    accept(u, due);
                }
            }
        } catch (Throwable t) {
            LOG.error("perfkit: the pacer of run '{}' failed", run.scenario.name(), t);
            run.fail(t);
        } finally {
            finish();
        }
    }

    /** Hands over every arrival admitted and not started, then lets the workers end after them. */
    private void finish() {
        try {
            handFilling();
            takeBack();
        } catch (Throwable t) {
            LOG.error("perfkit: the pacer of run '{}' could not hand its last arrivals over", run.scenario.name(), t);
            run.fail(t);
        } finally {
            workers.close();
            arrivals.pacerDone();
        }
    }

    /** Adds an admitted arrival to the batch being filled, or hands it over alone. */
    private void accept(VirtualUser u, long due) {
        if (!arrivals.shortIterations()) {
            hand(ArrivalBatch.of(u, due));
            return;
        }
        if (filling == null) {
            filling = ArrivalBatch.create();
        }
        filling.add(u, due);
        if (filling.isFull()) {
            handFilling();
        }
    }

    private void handFilling() {
        ArrivalBatch b = filling;
        if (b == null) {
            return;
        }
        filling = null;
        hand(b);
        if (b.size() > 1) {
            handed.add(b);
        }
    }

    /**
     * Hands each arrival of the batches handed before that their worker has not claimed to a worker
     * of its own. The first arrival of a batch stays with its worker.
     */
    private void takeBack() {
        for (ArrivalBatch b : handed) {
            for (int i; (i = b.claim()) >= 0; ) {
                hand(ArrivalBatch.of(b.user(i), b.due(i)));
            }
        }
        handed.clear();
    }

    /** Hands a batch to a worker; gives its arrivals' slots and users back if that fails. */
    private void hand(ArrivalBatch b) {
        try {
            workers.hand(b);
        } catch (RuntimeException | Error e) {
            arrivals.unadmit(b.user(0));
            for (int i; (i = b.claim()) >= 0; ) {
                arrivals.unadmit(b.user(i));
            }
            throw e;
        }
    }

    /**
     * Waits until {@code due}, but parks for at least {@link #QUANTUM_NANOS}: above 1,000 arrivals
     * per second the pacer wakes once per quantum and starts every arrival due by then. Each timed
     * park costs microseconds of CPU, so this bounds the pacer's wake-ups; an arrival started late
     * is still measured from its due time. With batches out, parks one quantum at a time and takes
     * back what they hold after each park.
     */
    private boolean waitUntil(long due) {
        while (!run.stopping) {
            long remaining = due - run.clock.getAsLong();
            if (remaining <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, handed.isEmpty() ? Math.max(remaining, QUANTUM_NANOS) : QUANTUM_NANOS);
            takeBack();
        }
        return false;
    }
}
