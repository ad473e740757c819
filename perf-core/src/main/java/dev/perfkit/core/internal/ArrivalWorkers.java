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
 * <p>The pacer {@link #hand hands} an {@link ArrivalBatch} (one arrival, or several due at once)
 * to the worker that became idle last, waking it with one {@link LockSupport#unpark}, and starts a
 * new worker only when none is idle. A worker runs the batch, says it is {@link #ready} again
 * before its last arrival frees its concurrency slot, and parks without a timer. So workers grow
 * on demand, and never beyond the arrivals in flight at once: at most {@code maxConcurrency} are
 * busy. Compared with a new virtual thread per arrival, this saves the creation, start and end of
 * a thread each time, and a batch wakes one worker (and one carrier) for several arrivals.
 *
 * <p>Idle workers are kept in a last-in, first-out order, so a steady load reuses the same few and
 * the rest stay idle at the far end; {@link #retireIdle} (the coordinator, every tick) ends those
 * idle for {@link #IDLE_RETIRE_NANOS} or longer. {@link #close} ends every idle worker and makes
 * busy ones end after their batch.
 *
 * <p>An arrival must not see what the previous arrival on its worker left behind in the thread:
 * a worker clears its interrupt status while idle and before each batch (the body clears it between
 * the arrivals of a batch). Thread-locals set by a task do stay with the worker (as they stay with
 * a closed-model user's thread).
 *
 * <p>Threads: {@link #hand} and {@link #close} from the pacer only ({@code close} after the last
 * {@code hand}); {@link #ready} from the worker running the batch; {@link #retireIdle} from one
 * thread at a time; {@link #size} and {@link #started} from any thread.
 */
final class ArrivalWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(ArrivalWorkers.class);
    /** How long a worker may stay idle before {@link #retireIdle} ends it: 1 s. */
    static final long IDLE_RETIRE_NANOS = 1_000_000_000L;

    /** What a worker does with a batch. */
    interface Body {
        /**
         * Runs the first arrival of a batch and those it claims. Must call
         * {@link ArrivalWorkers#ready} with {@code worker} exactly once, before the last arrival it
         * ran frees its concurrency slot, and must not throw.
         *
         * @param worker the worker running it
         * @param batch  the arrivals handed over
         */
        void run(Worker worker, ArrivalBatch batch);
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
     * @param body       what the workers do with a batch
     */
    ArrivalWorkers(String threadName, Body body) {
        this.body = body;
        this.threads = Thread.ofVirtual().name(threadName).factory();
    }

    /** Hands a batch to an idle worker, or to a new one when none is idle. */
    void hand(ArrivalBatch batch) {
        Worker w = idle.pollFirst();
        if (w != null) {
            w.batch = batch;
            LockSupport.unpark(w.thread);
            return;
        }
        w = new Worker();
        w.batch = batch;
        alive.incrementAndGet();
        try {
            w.thread.start();
        } catch (RuntimeException | Error e) {
            alive.decrementAndGet();
            throw e;
        }
        started.incrementAndGet();
    }

    /** Offers a worker for the next batch; called by the worker's body, once per batch. */
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
                // Not the worker peeked at: put it back, and wake it if close() has drained meanwhile.
                idle.offerLast(w);
                if (closed) {
                    LockSupport.unpark(w.thread);
                }
                return;
            }
            w.retired = true;
            LockSupport.unpark(w.thread);
        }
    }

    /** Ends every idle worker now, and every busy one after its batch; no batch may follow. */
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

    /** One worker: its thread and the batch handed to it. */
    final class Worker implements Runnable {

        final Thread thread = threads.newThread(this);
        private volatile ArrivalBatch batch;
        private volatile long idleSince;
        private volatile boolean retired;

        @Override
        public void run() {
            try {
                while (true) {
                    ArrivalBatch b;
                    while ((b = batch) == null) {
                        if (retired || closed) {
                            return;
                        }
                        LockSupport.park(this);
                        // An interrupt meant for an arrival that has ended would end every park.
                        Thread.interrupted();
                    }
                    batch = null;
                    // Nothing can interrupt an arrival of this batch before it starts: a pending
                    // interrupt was meant for an earlier one, or left by its task.
                    Thread.interrupted();
                    try {
                        body.run(this, b);
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
