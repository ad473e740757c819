package dev.perfkit.core.internal;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The virtual threads that run the open model's arrivals, kept running between arrivals.
 *
 * <p>The pacer {@link #hand hands} each arrival to the worker that became idle last, waking it
 * with one {@link LockSupport#unpark}, and starts a new worker only when none is idle. A worker
 * runs the arrival, says it is {@link #ready} again before its arrival frees its concurrency slot,
 * and parks without a timer. So workers grow on demand, and never beyond the arrivals in flight at
 * once: at most {@code maxConcurrency} are busy. Compared with a new virtual thread per arrival,
 * this saves the creation, start and end of a thread each time.
 *
 * <p>Idle workers are kept in a last-in, first-out order, so a steady load reuses the same few and
 * the rest stay idle at the far end; {@link #retireIdle} (the coordinator, every tick) ends those
 * idle for {@link #IDLE_RETIRE_NANOS} or longer. {@link #close} ends every idle worker and makes
 * busy ones end after their arrival.
 *
 * <p>An arrival must not see what the previous arrival on its worker left behind in the thread:
 * a worker clears its interrupt status while idle and before each arrival. Thread-locals set by a
 * task do stay with the worker (as they stay with a closed-model user's thread).
 *
 * <p>Threads: {@link #hand} and {@link #close} from the pacer only ({@code close} after the last
 * {@code hand}); {@link #ready} from the worker running the arrival; {@link #retireIdle} from one
 * thread at a time; {@link #size} and {@link #started} from any thread.
 */
final class ArrivalWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(ArrivalWorkers.class);
    /** How long a worker may stay idle before {@link #retireIdle} ends it: 1 s. */
    static final long IDLE_RETIRE_NANOS = 1_000_000_000L;

    /** What a worker does with an arrival. */
    interface Body {
        /**
         * Runs one arrival. Must call {@link ArrivalWorkers#ready} with {@code worker} exactly
         * once, before the arrival frees its concurrency slot, and must not throw.
         *
         * @param worker the worker running it
         * @param user   the pooled user the pacer chose
         * @param due    the arrival's due time, in nanoseconds of the run's clock
         */
        void run(Worker worker, VirtualUser user, long due);
    }

    private final Body body;
    private final ThreadFactory threads;
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger alive = new AtomicInteger();
    private final AtomicLong started = new AtomicLong();
    /** The time of the last {@link #retireIdle}: a worker becoming idle is stamped with it. */
    private volatile long now;
    private volatile boolean closed;

    /**
     * Creates an empty pool; workers start with the first arrivals.
     *
     * @param threadName the name of the workers' virtual threads
     * @param body       what the workers do with an arrival
     */
    ArrivalWorkers(String threadName, Body body) {
        this.body = body;
        this.threads = Thread.ofVirtual().name(threadName).factory();
    }

    /** Hands an arrival to an idle worker, or to a new one when none is idle. */
    void hand(VirtualUser user, long due) {
        Worker w = idle.pollFirst();
        if (w != null) {
            w.due = due;
            w.user = user;
            LockSupport.unpark(w.thread);
            return;
        }
        w = new Worker();
        w.due = due;
        w.user = user;
        alive.incrementAndGet();
        try {
            w.thread.start();
        } catch (RuntimeException | Error e) {
            alive.decrementAndGet();
            throw e;
        }
        started.incrementAndGet();
    }

    /** Offers a worker for the next arrival; called by the worker's arrival, once. */
    void ready(Worker w) {
        w.idleSince = now;
        idle.offerFirst(w);
    }

    /**
     * Ends the workers idle for {@link #IDLE_RETIRE_NANOS} or longer, the longest idle first.
     *
     * @param nowNanos the time now, on any clock that only moves forward, the same at every call
     */
    void retireIdle(long nowNanos) {
        now = nowNanos;
        while (true) {
            Worker oldest = idle.peekLast();
            if (oldest == null || nowNanos - oldest.idleSince < IDLE_RETIRE_NANOS) {
                return;
            }
            Worker w = idle.pollLast();
            if (w == null) {
                return;
            }
            if (nowNanos - w.idleSince < IDLE_RETIRE_NANOS) {
                idle.offerLast(w);
                return;
            }
            w.retired = true;
            LockSupport.unpark(w.thread);
        }
    }

    /** Ends every idle worker now, and every busy one after its arrival; no arrival may follow. */
    void close() {
        closed = true;
        for (Worker w; (w = idle.pollFirst()) != null; ) {
            LockSupport.unpark(w.thread);
        }
    }

    /** Returns the workers whose thread has not ended. */
    int size() {
        return alive.get();
    }

    /** Returns the workers started so far. */
    long started() {
        return started.get();
    }

    /** One worker: its thread and the arrival handed to it. */
    final class Worker implements Runnable {

        final Thread thread = threads.newThread(this);
        /** The arrival's user; written last by {@link #hand}, so that reading it publishes {@link #due}. */
        private volatile VirtualUser user;
        private long due;
        private volatile long idleSince;
        private volatile boolean retired;

        @Override
        public void run() {
            try {
                while (true) {
                    VirtualUser u;
                    while ((u = user) == null) {
                        if (retired || closed) {
                            return;
                        }
                        LockSupport.park(this);
                        // An interrupt meant for an arrival that has ended would end every park.
                        Thread.interrupted();
                    }
                    long d = due;
                    user = null;
                    // Nothing can interrupt this arrival before it starts: a pending interrupt was
                    // meant for an earlier one, or left by its task.
                    Thread.interrupted();
                    try {
                        body.run(this, u, d);
                    } catch (RuntimeException | Error e) {
                        LOG.error("perfkit: an arrival failed in the engine", e);
                    }
                }
            } finally {
                alive.decrementAndGet();
            }
        }
    }
}
